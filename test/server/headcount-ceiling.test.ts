import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { unitsOverHeadcount } from "../../server/invitations/headcount-ceiling";
import { createMailer, type Mailer } from "../../server/invitations/mailer";
import { writeWorkbook } from "../../server/results/xlsx-writer";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";
import { startTestSmtpServer, type TestSmtpServer } from "./test-smtp-server";

// A unit with more codes than staff is where made-up responses hide: its codes never outnumber
// its known headcount, whether generated for download or sent by Peilpunt.
describe("unitsOverHeadcount", () => {
  const ask = (headcount: number | null, issued: number, asked: number) => ({
    unitCode: "U1",
    headcount,
    issued,
    asked,
  });
  it("allows exactly the headcount and refuses one more", () => {
    expect(unitsOverHeadcount([ask(10, 4, 6)])).toEqual([]);
    expect(unitsOverHeadcount([ask(10, 4, 7)])).toEqual([ask(10, 4, 7)]);
  });
  it("has no ceiling without a known headcount", () => {
    expect(unitsOverHeadcount([ask(null, 900, 900)])).toEqual([]);
  });
  it("leaves alone a unit nothing is asked for, even one already over (headcount lowered later)", () => {
    expect(unitsOverHeadcount([ask(3, 5, 0)])).toEqual([]);
  });
  it("names every unit over, and only those", () => {
    const over = unitsOverHeadcount([
      { unitCode: "A", headcount: 2, issued: 0, asked: 3 },
      { unitCode: "B", headcount: 2, issued: 0, asked: 2 },
      { unitCode: "C", headcount: 0, issued: 0, asked: 1 },
    ]);
    expect(over.map((unit) => unit.unitCode)).toEqual(["A", "C"]);
  });
});

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let coordinator: Agent;
let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  mailer = createMailer({
    host: "127.0.0.1",
    port: smtp.port,
    tls: "none",
    ratePerSecond: 10_000,
    from: "peilpunt@example.test",
  });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
});

beforeEach(async () => {
  smtp.received.length = 0;
  db = openDatabase(":memory:");
  app = createApp({ db, config: { secretKey: randomBytes(32), mailer } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  db.$client
    .prepare("UPDATE units SET headcount = 10 WHERE id = ?")
    .run(campaign.inScope[0] as string);
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});

const unitCode = (id: string) =>
  (db.$client.prepare("SELECT code FROM units WHERE id = ?").get(id) as { code: string }).code;
const storedCodes = (unitId: string) =>
  (
    db.$client
      .prepare("SELECT count(*) AS n FROM invitation_codes WHERE unit_id = ?")
      .get(unitId) as { n: number }
  ).n;
const generate = (count: number, unitId = campaign.inScope[0] as string) =>
  coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
    body: { unitId, count },
  });

describe("codes per unit never exceed its headcount", () => {
  it("generates up to the headcount, then refuses with 409 headcount-limit naming the unit", async () => {
    const unit = campaign.inScope[0] as string;
    expect((await generate(7)).status).toBe(201);
    const over = await expectProblem(await generate(4), 409, "headcount-limit");
    expect(over.errors).toEqual([
      { question: `unit:${unitCode(unit)}`, message: "headcount 10, codes 7, asked 4" },
    ]);
    expect(storedCodes(unit)).toBe(7);
    expect((await generate(3)).status).toBe(201);
    await expectProblem(await generate(1), 409, "headcount-limit");
    expect(storedCodes(unit)).toBe(10);
    // A unit without a known headcount has only the campaign's ceiling.
    expect((await generate(50, campaign.inScope[1])).status).toBe(201);
  });

  it("refuses a list with more addresses in a unit than its headcount, before sending anything", async () => {
    const unit = campaign.inScope[0] as string;
    expect((await generate(5)).status).toBe(201);
    const list = Array.from(
      { length: 6 },
      (_, i) => `person.${i}@example.org;${unitCode(unit)}`,
    ).join("\n");
    const refused = await coordinator.request(
      "POST",
      `/api/admin/campaigns/${campaign.slug}/invitations`,
      { body: { kind: "invitation", list } },
    );
    const problem = await expectProblem(refused, 409, "headcount-limit");
    expect(JSON.stringify(problem)).not.toContain("@example.org");
    expect(smtp.received).toHaveLength(0);
    expect(storedCodes(unit)).toBe(5);

    const fits = list.split("\n").slice(0, 5).join("\n");
    const sent = await coordinator.request(
      "POST",
      `/api/admin/campaigns/${campaign.slug}/invitations`,
      { body: { kind: "invitation", list: fits } },
    );
    expect(sent.status).toBe(202);
  });

  it("takes the list as an Excel workbook too, under the same headcount rule", async () => {
    const unit = unitCode(campaign.inScope[0] as string);
    const workbook = (count: number) =>
      Buffer.from(
        writeWorkbook([
          {
            name: "Adressen",
            header: ["E-mail", "Eenheid"],
            rows: Array.from({ length: count }, (_, i) => [`sheet.${i}@example.org`, unit]),
          },
        ]),
      ).toString("base64");
    const send = (xlsx: string) =>
      coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/invitations`, {
        body: { kind: "invitation", xlsx },
      });
    await expectProblem(await send(workbook(11)), 409, "headcount-limit");
    await expectProblem(await send(Buffer.from("not a workbook").toString("base64")), 422);
    expect((await send(workbook(4))).status).toBe(202);
    // (Mails of the previous test's sending may still arrive: only this list's count.)
    const fromSheet = () =>
      smtp.received.flatMap((mail) => mail.to).filter((to) => to.startsWith("sheet."));
    for (let i = 0; i < 100 && fromSheet().length < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fromSheet().sort()).toEqual(
      Array.from({ length: 4 }, (_, i) => `sheet.${i}@example.org`).sort(),
    );
  });
});
