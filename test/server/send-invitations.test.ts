import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { invitationsAnswerSchema } from "../../server/contract/invitation-schemas";
import { closeDatabase, type DbConnection, openDatabase } from "../../server/db/open-database";
import { campaignUnits, invitationCodes, units } from "../../server/db/schema";
import { deriveCode } from "../../server/invitations/derive-code";
import { codeHash, parseCode } from "../../server/invitations/invitation-code";
import { type Mailer, workerMailer } from "../../server/invitations/mailer";
import { type BulkWriter, workerBulkWriter } from "../../server/jobs/bulk-writer";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";
import { codeInMail, startTestSmtpServer, type TestSmtpServer } from "./test-smtp-server";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-invitations-"));
const databasePath = join(dir, "invitations.db");
const secretKey = randomBytes(32);

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let smtp: TestSmtpServer;
let mailer: Mailer;
let bulkWriter: BulkWriter;
let campaign: FixtureCampaign;
let coordinator: Agent;
let unitCodes: string[];
/** Every body the coordinator's API answered with, to search for codes afterwards. */
const coordinatorAnswers: string[] = [];
/** Everything the server wrote to the console while sending. */
const consoleOutput: string[] = [];

const addresses = Array.from(
  { length: 500 },
  (_, i) => `Person.${i}.${randomUUID().slice(0, 8)}@Example.org`,
);

function listCsv(units: string[], delimiter = ";") {
  return `\uFEFFemail${delimiter}unit\r\n${addresses.map((address, i) => `${address}${delimiter}${units[i % units.length]}`).join("\r\n")}\r\n`;
}

async function call(method: string, path: string, body?: unknown) {
  const response = await coordinator.request(
    method,
    `/api/admin/campaigns/${campaign.slug}${path}`,
    { body },
  );
  const text = await response.clone().text();
  coordinatorAnswers.push(text);
  return response;
}

async function waitUntilDone() {
  for (;;) {
    const response = await call("GET", "/invitations");
    expect(response.status).toBe(200);
    const answer = invitationsAnswerSchema.parse(await response.json());
    if (answer.sending?.done) return answer.sending;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  for (const method of ["log", "error", "warn", "info", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map(String).join(" "));
    });
  }
  smtp = await startTestSmtpServer();
  // The server's own set-up: mail and code hashes in worker threads.
  mailer = workerMailer({
    host: "127.0.0.1",
    port: smtp.port,
    tls: "none",
    ratePerSecond: 10_000,
    from: "Peilpunt <peilpunt@example.test>",
  });
  db = openDatabase(databasePath);
  bulkWriter = workerBulkWriter(databasePath, secretKey);
  app = createApp({
    db,
    config: {
      secretKey,
      mailer,
      bulkWriter,
      linkOrigin: "https://peilpunt.example.be",
      submissionsPerMinute: 100_000,
    },
  });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  // Twelve units in scope: the fixture's two and ten more.
  for (let i = 1; i <= 10; i++) {
    const id = randomUUID();
    const code = `U${String(i).padStart(2, "0")}`;
    db.insert(units)
      .values({
        id,
        organisationId: campaign.organisationId,
        parentId: null,
        kind: "service",
        code,
        nameNl: code,
        nameFr: code,
        nameEn: code,
      })
      .run();
    db.insert(campaignUnits).values({ campaignId: campaign.campaignId, unitId: id }).run();
  }
  unitCodes = db
    .select({ code: units.code, id: units.id })
    .from(units)
    .all()
    .filter((unit) => unit.id !== campaign.outOfScope)
    .map((unit) => unit.code);
  expect(unitCodes).toHaveLength(12);
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});

afterEach(() => {
  smtp.received.length = 0;
});

afterAll(async () => {
  vi.restoreAllMocks();
  mailer.close();
  await bulkWriter.close();
  await smtp.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("Peilpunt sends the invitations", () => {
  let codes: string[] = [];

  it("sends 500 mails with 500 distinct valid codes, one per address, to 12 units", async () => {
    const start = await call("POST", "/invitations", {
      kind: "invitation",
      list: listCsv(unitCodes),
    });
    expect(start.status).toBe(202);
    const sending = await waitUntilDone();
    expect(sending).toEqual({
      kind: "invitation",
      listed: 500,
      alreadyInvited: 0,
      sent: 500,
      failed: 0,
      done: true,
    });

    expect(smtp.received).toHaveLength(500);
    const recipients = smtp.received.flatMap((mail) => mail.to);
    expect(new Set(recipients)).toEqual(new Set(addresses.map((a) => a.toLowerCase())));
    codes = smtp.received.map((mail) => codeInMail(mail) as string);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) {
      const parsed = parseCode(code);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const row = db
        .select()
        .from(invitationCodes)
        .all()
        .find((r) => r.hash === codeHash(secretKey, parsed.code));
      expect(row).toMatchObject({ campaignId: campaign.campaignId, used: 0 });
    }
    // Each mail's code is its address's derived code: reminders can find it again.
    for (const mail of smtp.received.slice(0, 20)) {
      const parsed = parseCode(codeInMail(mail) as string);
      expect(parsed.ok && parsed.code).toBe(
        deriveCode(secretKey, campaign.campaignId, mail.to[0] as string),
      );
    }
    // Codes per unit follow the list: 500 over 12 units.
    const perUnit = new Map<string, number>();
    for (const row of db.select().from(invitationCodes).all())
      perUnit.set(row.unitId, (perUnit.get(row.unitId) ?? 0) + 1);
    expect([...perUnit.values()].sort((a, b) => a - b)).toEqual([
      41, 41, 41, 41, 42, 42, 42, 42, 42, 42, 42, 42,
    ]);
    // The mail is written in each of the campaign's languages.
    const text = smtp.received[0]?.raw ?? "";
    expect(text).toMatch(/Uitnodiging/);
    expect(text).toMatch(/Invitation/);
  });

  it("keeps the sending's counts, and nothing else of it, across a restart", async () => {
    const stored = db.$client.prepare("SELECT * FROM sending_progress").all();
    expect(stored).toEqual([
      {
        campaign_id: campaign.campaignId,
        kind: "invitation",
        listed: 500,
        already_invited: 0,
        sent: 500,
        failed: 0,
        done: 1,
      },
    ]);
    // A new server on the same database: no sending in memory, the counts from storage.
    const restarted = createApp({ db, config: { secretKey, mailer, bulkWriter } });
    const again = await signIn(
      restarted,
      insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
    );
    const answer = await again.request("GET", `/api/admin/campaigns/${campaign.slug}/invitations`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { sending: unknown }).sending).toEqual({
      kind: "invitation",
      listed: 500,
      alreadyInvited: 0,
      sent: 500,
      failed: 0,
      done: true,
    });
  });

  it("keeps no address in the database file, its WAL, the audit log or the console", async () => {
    const audit = await coordinator.request("GET", "/api/admin/audit-log?limit=100");
    expect(audit.status).toBe(200);
    const auditText = await audit.text();
    expect(auditText).toMatch(/invitations\.finish/);
    const haystacks = {
      database: readFileSync(databasePath),
      wal: readFileSync(`${databasePath}-wal`),
      auditLog: Buffer.from(auditText),
      console: Buffer.from(consoleOutput.join("\n")),
    };
    expect(haystacks.wal.length).toBeGreaterThan(0);
    for (const [name, bytes] of Object.entries(haystacks)) {
      const lower = bytes.toString("latin1").toLowerCase();
      const found = addresses.filter(
        (address) =>
          lower.includes(address.toLowerCase()) ||
          lower.includes(address.split("@")[0]?.toLowerCase() as string),
      );
      expect({ name, found }).toEqual({ name, found: [] });
    }
  });

  it("never shows a code in the coordinator's answers", () => {
    const answers = coordinatorAnswers.join("\n");
    expect(answers.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(answers).not.toContain(code);
      expect(answers).not.toContain(code.replaceAll("-", ""));
    }
  });

  it("resumes by re-upload: addresses that already have a code get no second invitation", async () => {
    const start = await call("POST", "/invitations", {
      kind: "invitation",
      list: listCsv(unitCodes, ","),
    });
    expect(start.status).toBe(202);
    expect(await waitUntilDone()).toMatchObject({
      listed: 500,
      alreadyInvited: 500,
      sent: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(0);
  });

  it("after 200 answers, a re-upload sends exactly 300 reminders, to those who did not answer", async () => {
    const answered = codes.slice(0, 200);
    for (const code of answered) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: { excluded: "no" }, code }),
      });
      expect(response.status).toBe(201);
    }
    const start = await call("POST", "/invitations", {
      kind: "reminder",
      list: listCsv(unitCodes),
    });
    expect(start.status).toBe(202);
    // Reminders show only how many addresses were read, never how many were reminded.
    expect(await waitUntilDone()).toEqual({ kind: "reminder", listed: 500, done: true });
    expect(smtp.received).toHaveLength(300);
    const reminded = smtp.received.map((mail) => codeInMail(mail));
    expect(new Set(reminded)).toEqual(new Set(codes.slice(200)));
    expect(smtp.received[0]?.raw).toMatch(/Herinnering/);
  });

  it("counts refused recipients as failed, stores no code for them, and sends them on the next upload", async () => {
    const extra = [
      `nobody.${randomUUID().slice(0, 8)}@example.org`,
      `someone.${randomUUID().slice(0, 8)}@example.org`,
    ];
    smtp.refuse.add(extra[0] as string);
    const list = `${extra[0]};${unitCodes[0]}\n${extra[1]};${unitCodes[1]}\n`;
    expect((await call("POST", "/invitations", { kind: "invitation", list })).status).toBe(202);
    expect(await waitUntilDone()).toMatchObject({ listed: 2, sent: 1, failed: 1 });
    smtp.refuse.clear();
    smtp.received.length = 0;
    expect((await call("POST", "/invitations", { kind: "invitation", list })).status).toBe(202);
    expect(await waitUntilDone()).toMatchObject({
      listed: 2,
      alreadyInvited: 1,
      sent: 1,
      failed: 0,
    });
    expect(smtp.received.flatMap((mail) => mail.to)).toEqual([extra[0]]);
  });
});

describe("what the coordinator is told", () => {
  it("previews the invitation and the reminder in each campaign language, with no real code", async () => {
    const response = await call("GET", "/invitations");
    expect(response.status).toBe(200);
    const answer = invitationsAnswerSchema.parse(await response.json());
    expect(answer.mailConfigured).toBe(true);
    expect(answer.preview.map((p) => p.locale)).toEqual(["nl", "fr", "en"]);
    expect(answer.preview[1]?.invitation.subject).toMatch(/^Invitation\u00a0: /);
    expect(answer.preview[2]?.reminder.text).toContain("XXXX-XXXX-XXXX-X");
  });

  it("refuses a list with unknown units or malformed lines, naming lines and units, never addresses", async () => {
    const bad = await call("POST", "/invitations", {
      kind: "invitation",
      list: `a@example.org;NOPE\nnot-an-address;${unitCodes[0]}\n`,
    });
    const problem = await expectProblem(bad, 422, "invalid-input");
    expect(JSON.stringify(problem)).not.toContain("not-an-address");
    const unknown = await call("POST", "/invitations", {
      kind: "invitation",
      list: `a@example.org;NOPE\n`,
    });
    const unknownProblem = await expectProblem(unknown, 422, "invalid-input");
    expect(JSON.stringify(unknownProblem)).toContain("NOPE");
    expect(JSON.stringify(unknownProblem)).not.toContain("a@example.org");
  });

  it("lets evaluators neither send nor preview", async () => {
    const evaluator = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: campaign.organisationId }),
    );
    const path = `/api/admin/campaigns/${campaign.slug}/invitations`;
    await expectProblem(await evaluator.request("GET", path), 403);
    await expectProblem(
      await evaluator.request("POST", path, { body: { kind: "invitation", list: "a@b.cd;A" } }),
      403,
    );
  });

  it("says mail is not configured when the server has no SMTP settings", async () => {
    const bare = createApp({ db, config: { secretKey } });
    const agent = await signIn(
      bare,
      insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
    );
    const path = `/api/admin/campaigns/${campaign.slug}/invitations`;
    const answer = invitationsAnswerSchema.parse(await (await agent.request("GET", path)).json());
    expect(answer.mailConfigured).toBe(false);
    await expectProblem(
      await agent.request("POST", path, { body: { kind: "invitation", list: "a@b.cd;A" } }),
      409,
      "mail-not-configured",
    );
  });

  it("bars whoever sent invitations from the campaign's results (separation of duties)", async () => {
    const response = await coordinator.request(
      "GET",
      `/api/admin/campaigns/${campaign.slug}/results`,
    );
    await expectProblem(response, 403, "separation-of-duties");
  });

  it("refuses open-link campaigns", async () => {
    const open = createFixtureCampaign(db, { accessMode: "open-link" });
    const agent = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: open.organisationId }),
    );
    const response = await agent.request("POST", `/api/admin/campaigns/${open.slug}/invitations`, {
      body: { kind: "invitation", list: "a@b.cd;A" },
    });
    await expectProblem(response, 409, "access-mode");
  });
});
