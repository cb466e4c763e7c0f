import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../server/auth/password";
import { readConfig } from "../../server/config";
import { openDatabase } from "../../server/db/open-database";
import { seedDemo } from "../../server/demo/seed-demo";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { loadOrCreateSecretKey } from "../../server/secret-key";
import { databaseBefore } from "./database-before";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-setup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("configuration", () => {
  it("sends Secure cookies unless the server listens on a loopback address, or as told", () => {
    expect(readConfig({}).secureCookies).toBe(false);
    // Beyond loopback the public origin is required, and its scheme decides.
    const exposed = { HOST: "0.0.0.0", PEILPUNT_PUBLIC_ORIGIN: "https://peilpunt.example.be" };
    expect(readConfig(exposed).secureCookies).toBe(true);
    expect(
      readConfig({ ...exposed, PEILPUNT_PUBLIC_ORIGIN: "http://192.0.2.1:8787" }).secureCookies,
    ).toBe(false);
    expect(readConfig({ PEILPUNT_SECURE_COOKIES: "true" }).secureCookies).toBe(true);
    expect(readConfig({ ...exposed, PEILPUNT_SECURE_COOKIES: "false" }).secureCookies).toBe(false);
    expect(() => readConfig({ PEILPUNT_SECURE_COOKIES: "yes" })).toThrow(/PEILPUNT_SECURE_COOKIES/);
    expect(readConfig({}).secretFile).toBe("data/secret.key");
  });
});

describe("the secret key file", () => {
  it("is created once with 32 random bytes, readable by the owner only, and then reused", () => {
    const path = join(dir, "keys", "secret.key");
    const key = loadOrCreateSecretKey(path);
    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretKey(path).equals(key)).toBe(true);
  });

  it("refuses a file of the wrong size instead of using a weak key", () => {
    const path = join(dir, "short.key");
    writeFileSync(path, "too short");
    expect(() => loadOrCreateSecretKey(path)).toThrow(/exactly 32 bytes/);
  });

  it("never lands in the database", () => {
    const key = loadOrCreateSecretKey(join(dir, "db.key"));
    const db = openDatabase(join(dir, "keyless.db"));
    db.$client.close();
    const file = readFileSync(join(dir, "keyless.db"));
    expect(file.includes(key)).toBe(false);
    expect(file.includes(Buffer.from(key.toString("hex")))).toBe(false);
  });
});

describe("the demo", () => {
  it("creates an admin, a coordinator and a faculty evaluator with random passwords, hashed", async () => {
    const db = openDatabase(":memory:");
    syncBundledQuestionnaires(db, loadBundledVersions());
    const summary = seedDemo(db, { now: new Date() });
    expect(summary.accounts.map((a) => a.role)).toEqual(["admin", "coordinator", "evaluator"]);
    const rows = db.$client.prepare("SELECT * FROM users ORDER BY email").all() as Record<
      string,
      string | null
    >[];
    for (const account of summary.accounts) {
      const row = rows.find((r) => r.email === account.email);
      expect(row?.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row?.password_hash ?? "", account.password)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(account.password);
    }
    const evaluator = rows.find((r) => r.role === "evaluator");
    const unit = db.$client
      .prepare(
        "SELECT kind, (SELECT count(*) FROM units c WHERE c.parent_id = u.id) AS children FROM units u WHERE id = ?",
      )
      .get(evaluator?.unit_id);
    expect(unit).toMatchObject({ kind: "faculty" });
    expect((unit as { children: number }).children).toBeGreaterThan(0);
    const statuses = db.$client.prepare("SELECT slug, status FROM campaigns ORDER BY slug").all();
    expect(statuses).toEqual([
      { slug: "campagne-2022", status: "closed" },
      { slug: "diagnose-2020", status: "closed" },
      { slug: "diagnose-2021", status: "closed" },
      { slug: "diagnose-2026", status: "open" },
    ]);
  });
});

describe("migrating a database from before the lifecycle", () => {
  it("gives existing campaigns a status from their dates", () => {
    // A database migrated as it was before 0002: add campaigns, then migrate on.
    const path = join(dir, "old.db");
    const sqlite = databaseBefore(dir, "0002", path);
    sqlite.exec(`
      INSERT INTO organisations VALUES ('o', 'o', 'O', 'O', 'O');
      INSERT INTO questionnaires VALUES ('q', 'q', 'diagnosis');
      INSERT INTO questionnaire_versions VALUES ('v', 'q', 1, '{}', 'x', 1);
      INSERT INTO campaigns VALUES ('past', 'past', 'o', 'v', 't', 't', 't',
        '2020-01-01T00:00:00.000Z', '2020-02-01T00:00:00.000Z', 5, 'nl');
      INSERT INTO campaigns VALUES ('now', 'now', 'o', 'v', 't', 't', 't',
        '2020-01-01T00:00:00.000Z', '2999-02-01T00:00:00.000Z', 5, 'nl');`);
    sqlite.close();
    const db = openDatabase(path);
    expect(
      db.$client.prepare("SELECT slug, status, access_mode FROM campaigns ORDER BY slug").all(),
    ).toEqual([
      { slug: "now", status: "open", access_mode: "open-link" },
      { slug: "past", status: "closed", access_mode: "open-link" },
    ]);
    db.$client.close();
  });
});
