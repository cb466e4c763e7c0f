import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { readTableFile } from "../../server/files/read-table-file";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

// Codes for a whole campaign in one step, as one file a coordinator opens in Excel: unit code,
// unit name in their language, and the personal link with the code in its fragment.
let db: DbConnection;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let coordinator: Agent;
const ORIGIN = "https://peilpunt.example.be";

beforeEach(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db, config: { secretKey: randomBytes(32), linkOrigin: ORIGIN } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});

const generateAll = (body: unknown) =>
  coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes/campaign`, { body });
const unit = (id: string) =>
  db.$client
    .prepare("SELECT code, name_nl AS nl, name_en AS en FROM units WHERE id = ?")
    .get(id) as {
    code: string;
    nl: string;
    en: string;
  };
const stored = () =>
  (db.$client.prepare("SELECT count(*) AS n FROM invitation_codes").get() as { n: number }).n;
const anyHeader = () => true;

async function checkCode(link: string) {
  const code = /#code=([0-9A-Z-]+)$/.exec(link)?.[1];
  return (
    await app.request(`/api/campaigns/${campaign.slug}/code-check`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code }),
    })
  ).status;
}

describe("codes for the whole campaign in one file", () => {
  it("gives a Dutch Excel CSV (BOM, ;) with every unit's codes as personal links, shown once", async () => {
    const answer = await generateAll({ size: { perUnit: 3 }, format: "csv", locale: "nl" });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("content-disposition")).toContain(`${campaign.slug}-codes.csv`);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = await readTableFile(bytes, anyHeader);
    if (!table.ok) throw new Error("unreadable");
    expect(table.separator).toBe(";");
    const [header, ...rows] = table.rows.map((row) => row.fields);
    expect(header).toEqual(["Eenheidscode", "Eenheid", "Persoonlijke link"]);
    expect(rows).toHaveLength(6);
    for (const id of campaign.inScope) {
      const { code, nl } = unit(id);
      expect(rows.filter((row) => row[0] === code && row[1] === nl)).toHaveLength(3);
    }
    for (const row of rows) {
      expect(row[2]).toMatch(
        new RegExp(
          `^${ORIGIN}/s/${campaign.slug}#code=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$`,
        ),
      );
    }
    expect(new Set(rows.map((row) => row[2])).size).toBe(6);
    expect(await checkCode(rows[0]?.[2] as string)).toBe(204);
    expect(stored()).toBe(6);
    const audit = db.$client
      .prepare("SELECT detail FROM audit_log WHERE action = 'codes.generate'")
      .all() as { detail: string }[];
    expect(audit.map((row) => JSON.parse(row.detail))).toEqual([{ units: 2, count: 6 }]);
    expect(audit.map((row) => row.detail).join()).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  it("tops units up to their headcounts in an English XLSX, and leaves units without one out", async () => {
    const [first, second] = campaign.inScope as [string, string];
    db.$client.prepare("UPDATE units SET headcount = 4 WHERE id = ?").run(first);
    // One code exists already: topping up gives 3 more.
    await coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
      body: { unitId: first, count: 1 },
    });
    const answer = await generateAll({
      size: { fromHeadcounts: true },
      format: "xlsx",
      locale: "en",
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("content-type")).toContain("spreadsheetml");
    const table = await readTableFile(new Uint8Array(await answer.arrayBuffer()), anyHeader);
    if (!table.ok) throw new Error("unreadable");
    expect(table.format).toBe("xlsx");
    const [header, ...rows] = table.rows.map((row) => row.fields);
    expect(header).toEqual(["Unit code", "Unit", "Personal link"]);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row[0] === unit(first).code && row[1] === unit(first).en)).toBe(
      true,
    );
    expect(rows.some((row) => row[0] === unit(second).code)).toBe(false);
    expect(await checkCode(rows[2]?.[2] as string)).toBe(204);
    // Topped up: nothing more to make.
    await expectProblem(
      await generateAll({ size: { fromHeadcounts: true }, format: "xlsx", locale: "en" }),
      422,
    );
  });

  it("is all or nothing: one unit past its headcount, and no unit gets a code", async () => {
    db.$client
      .prepare("UPDATE units SET headcount = 2 WHERE id = ?")
      .run(campaign.inScope[1] as string);
    const problem = await expectProblem(
      await generateAll({ size: { perUnit: 3 }, format: "csv", locale: "fr" }),
      409,
      "headcount-limit",
    );
    expect(problem.errors).toEqual([
      {
        question: `unit:${unit(campaign.inScope[1] as string).code}`,
        message: "headcount 2, codes 0, asked 3",
      },
    ]);
    expect(stored()).toBe(0);
  });

  it("keeps the separation of duties: whoever generated cannot read the campaign's results", async () => {
    expect((await generateAll({ size: { perUnit: 1 }, format: "csv", locale: "en" })).status).toBe(
      201,
    );
    await expectProblem(
      await coordinator.request("GET", `/api/admin/campaigns/${campaign.slug}/results`),
      403,
      "separation-of-duties",
    );
  });

  it("refuses evaluators, open-link campaigns and bad sizes", async () => {
    const evaluator = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: campaign.organisationId }),
    );
    expect(
      (
        await evaluator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes/campaign`, {
          body: { size: { perUnit: 1 }, format: "csv", locale: "en" },
        })
      ).status,
    ).toBe(403);
    await expectProblem(
      await generateAll({ size: { perUnit: 0 }, format: "csv", locale: "en" }),
      422,
    );
    await expectProblem(
      await generateAll({ size: { perUnit: 1 }, format: "pdf", locale: "en" }),
      422,
    );
    const open = createFixtureCampaign(db, { accessMode: "open-link" });
    const other = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: open.organisationId }),
    );
    await expectProblem(
      await other.request("POST", `/api/admin/campaigns/${open.slug}/codes/campaign`, {
        body: { size: { perUnit: 1 }, format: "csv", locale: "en" },
      }),
      409,
      "access-mode",
    );
    expect(stored()).toBe(0);
  });
});
