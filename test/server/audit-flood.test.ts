import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { AUDIT_TARGET_MAX_LENGTH, auditTarget, tallyRefusedAttempt } from "../../server/auth/audit";
import {
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_MAX_FAILURES_PER_ADDRESS,
} from "../../server/auth/login-throttle";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { releases } from "../../server/db/schema";
import { expectProblem, insertUser, PASSWORD, signIn } from "./admin-fixture";
import { createFixtureCampaign } from "./campaign-fixture";

// The longest e-mail address the sign-in schema accepts, and so the longest text a caller can
// put in the log.
const MAX_EMAIL = 254;
const FLOOD = 200;

let db: DbConnection;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  db = openDatabase(":memory:");
  app = createApp({
    db,
    config: { secretKey: randomBytes(32), clientAddress: (c) => c.req.header("x-test-client") },
  });
});

const login = (email: string, password: string, client: string) =>
  app.request("/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-test-client": client },
    body: JSON.stringify({ email, password }),
  });

// The stored rows themselves are what this test is about.
const auditRows = () =>
  db.$client.prepare("SELECT action, target, detail FROM audit_log ORDER BY id").all() as {
    action: string;
    target: string | null;
    detail: string;
  }[];

/** A valid e-mail address of exactly `length` characters, different for every `n`. */
const longEmail = (n: number, length = MAX_EMAIL) => {
  const domain = `@${"d".repeat(60)}.example.org`;
  return `${n}-${"x".repeat(length - domain.length - String(n).length - 1)}${domain}`;
};

function expectBoundedText(rows: ReturnType<typeof auditRows>) {
  for (const row of rows) {
    expect(row.target?.length ?? 0).toBeLessThanOrEqual(MAX_EMAIL);
    expect(row.detail.length).toBeLessThanOrEqual(200);
  }
}

describe("audit log under a flood", () => {
  it("tallies refused sign-ins of a locked account on one row", async () => {
    const email = insertUser(db, "coordinator");
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await expectProblem(await login(email, "wrong", `192.0.2.${i + 1}`), 401);
    }
    const before = auditRows().length;
    const answers = await Promise.all(
      Array.from({ length: FLOOD }, (_, i) => login(email, PASSWORD, `198.51.100.${i % 250}`)),
    );
    expect(answers.every((answer) => answer.status === 429)).toBe(true);
    const rows = auditRows();
    expect(rows.length - before).toBe(1);
    const tally = rows.at(-1);
    expect(tally?.action).toBe("login.refused");
    expect(tally?.target).toBe(email);
    expect(JSON.parse(tally?.detail ?? "{}")).toMatchObject({ scope: "account", count: FLOOD });
  });

  it("tallies a locked network's refused sign-ins on one row, whatever e-mail each names", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ADDRESS; i++) {
      await expectProblem(await login(longEmail(i), "guess", "203.0.113.9"), 401);
    }
    const before = auditRows().length;
    for (let i = 0; i < FLOOD; i++) {
      await expectProblem(
        await login(longEmail(1000 + i), "guess", "203.0.113.9"),
        429,
        "login-locked",
      );
    }
    const rows = auditRows();
    expect(rows.length - before).toBe(1);
    expect(JSON.parse(rows.at(-1)?.detail ?? "{}")).toMatchObject({
      scope: "network",
      count: FLOOD,
    });
    expect(rows.at(-1)?.target).not.toContain("203.0.113");
    expectBoundedText(rows);
  });

  it("writes nothing and marks nothing for results tables that do not exist", async () => {
    const campaign = createFixtureCampaign(db);
    db.insert(releases)
      .values({
        campaignId: campaign.campaignId,
        builtAt: new Date().toISOString(),
        respondents: 0,
        servable: true,
        release: JSON.stringify({ groups: [], comments: [], dimensions: [], crosses: [] }),
      })
      .run();
    const admin = await signIn(app, insertUser(db, "admin"));
    const before = auditRows().length;
    for (let i = 0; i < FLOOD; i++) {
      const table = `${i}-${"<script>".repeat(375)}`;
      await expectProblem(
        await admin.request(
          "GET",
          `/api/admin/campaigns/${campaign.slug}/results/tables/${encodeURIComponent(table)}`,
        ),
        404,
      );
      await expectProblem(
        await admin.request(
          "GET",
          `/api/admin/campaigns/${campaign.slug}/results/tables/${encodeURIComponent(table)}/export.csv`,
        ),
        404,
      );
    }
    expect(auditRows().length).toBe(before);
    const viewed = db.$client
      .prepare("SELECT results_viewed_at AS at FROM campaigns WHERE id = ?")
      .get(campaign.campaignId) as { at: string | null };
    expect(viewed.at).toBeNull();

    // A table the release has is logged by its id.
    const units = await admin.request(
      "GET",
      `/api/admin/campaigns/${campaign.slug}/results/tables/units`,
    );
    expect(units.status).toBe(200);
    expect(auditRows().at(-1)).toMatchObject({
      action: "results.view",
      target: `${campaign.slug} units`,
    });
    expectBoundedText(auditRows());
  });
});

describe("audit targets", () => {
  it("are stored normalised, without control characters, and bounded whatever the caller passes", () => {
    expect(auditTarget("cafe\u0301\u0000\n\u009b x")).toBe("caf\u00e9 x");
    expect(auditTarget("\u{1F600}".repeat(1000))).toBe("\u{1F600}".repeat(AUDIT_TARGET_MAX_LENGTH));
    expect(auditTarget("a".repeat(5000))).toHaveLength(AUDIT_TARGET_MAX_LENGTH);
  });
});

describe("the tally lookup", () => {
  it("finds a lock's open tally through its index however many rows came after it", () => {
    const db = openDatabase(":memory:");
    const entry = {
      actor: null,
      action: "login.refused",
      target: "someone@example.org",
      lockedUntil: "2999-01-01T00:00:00.000Z",
      scope: "account",
    };
    tallyRefusedAttempt(db, entry);
    // More rows than the old 10,000-row look-back: the tally used to start again after them.
    const insert = db.$client.prepare(
      "INSERT INTO audit_log (at, action, target, detail) VALUES ('2026-01-01T00:00:00.000Z', 'results.view', 'x', '{}')",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < 10_050; i++) insert.run();
    })();
    tallyRefusedAttempt(db, entry);
    const tallies = db.$client
      .prepare("SELECT detail FROM audit_log WHERE action = 'login.refused'")
      .all() as { detail: string }[];
    expect(tallies.map((row) => JSON.parse(row.detail).count)).toEqual([2]);
    const plan = db.$client
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id, detail FROM audit_log WHERE action = ? AND target = ? ORDER BY id DESC LIMIT 1",
      )
      .all("login.refused", "someone@example.org") as { detail: string }[];
    expect(plan.map((step) => step.detail).join(" ")).toContain("audit_log_action_target");
  });
});
