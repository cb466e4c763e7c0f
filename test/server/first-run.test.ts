import { execFile } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/config";
import { freePort, startRealServer } from "./real-server";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-first-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PEILPUNT_DEMO", () => {
  it("defaults to seeding the demo, and reads true/false/1/0 only", () => {
    expect(readConfig({}).demo).toBe(true);
    expect(readConfig({ PEILPUNT_DEMO: "false" }).demo).toBe(false);
    expect(readConfig({ PEILPUNT_DEMO: "0" }).demo).toBe(false);
    expect(readConfig({ PEILPUNT_DEMO: "true" }).demo).toBe(true);
    expect(() => readConfig({ PEILPUNT_DEMO: "no" })).toThrow(/PEILPUNT_DEMO/);
  });
});

describe("a first run without the demo", () => {
  it("starts empty, says how to make the first admin, who signs in and sets up an organisation", {
    timeout: 120_000,
  }, async () => {
    const databasePath = join(dir, "data", "peilpunt.db");
    const port = await freePort();
    const env = {
      PEILPUNT_DB: databasePath,
      PEILPUNT_SECRET_FILE: join(dir, "data", "secret.key"),
      PORT: String(port),
      PEILPUNT_DEMO: "false",
    };
    const server = await startRealServer(env);
    try {
      await expect.poll(() => server.output()).toContain("npm run user:create");
      expect(server.output()).not.toContain("Seeded the demo");
      expect(existsSync(join(dir, "data", "demo-accounts.txt"))).toBe(false);

      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          "--import",
          "tsx",
          "server/user-create-command.ts",
          "--email",
          "first.admin@example.org",
          "--role",
          "admin",
        ],
        { env: { ...process.env, ...env } },
      );
      const password = /password[^:]*:\s*(\S+)/i.exec(stdout)?.[1];
      expect(password, stdout).toBeTruthy();

      const origin = `http://127.0.0.1:${port}`;
      const signIn = await fetch(`${origin}/api/admin/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin },
        body: JSON.stringify({ email: "first.admin@example.org", password }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
      const campaigns = await fetch(`${origin}/api/admin/campaigns`, {
        headers: { Cookie: cookie, Origin: origin },
      });
      expect(campaigns.status).toBe(200);
      expect(await campaigns.json()).toEqual({ campaigns: [] });

      const none = await fetch(`${origin}/api/admin/organisations`, {
        headers: { Cookie: cookie, Origin: origin },
      });
      expect(await none.json()).toEqual({ organisations: [] });

      // The README's walk-through: an organisation, then its units from a spreadsheet's CSV.
      const { csrfToken } = (await signIn.clone().json()) as { csrfToken: string };
      const staff = { Cookie: cookie, Origin: origin, "X-CSRF-Token": csrfToken };
      const organisation = await fetch(`${origin}/api/admin/organisations`, {
        method: "POST",
        headers: { ...staff, "Content-Type": "application/json" },
        body: JSON.stringify({
          slug: "agentschap",
          name: { nl: "Agentschap", fr: "Agence", en: "Agency" },
        }),
      });
      expect(organisation.status).toBe(201);
      const file = [
        "\uFEFFcode;parent_code;kind;name_nl;name_fr;name_en;headcount",
        "CEN;;entity;Centrale diensten;Services centraux;Central services;",
        "HR;CEN;service;Personeelsdienst;Service du personnel;HR department;42",
      ].join("\r\n");
      for (const step of ["preview", "import"]) {
        const imported = await fetch(`${origin}/api/admin/organisations/agentschap/units/${step}`, {
          method: "POST",
          headers: { ...staff, "Content-Type": "text/csv" },
          body: file,
        });
        expect(imported.status).toBe(200);
        expect(await imported.json()).toMatchObject({ applied: step === "import" });
      }
    } finally {
      server.child.kill("SIGTERM");
      if (server.child.exitCode === null) await once(server.child, "exit");
    }

    const db = new Database(databasePath, { readonly: true });
    try {
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count("organisations")).toBe(1);
      expect(count("units")).toBe(2);
      expect(count("campaigns")).toBe(0);
      expect(count("responses")).toBe(0);
      expect(count("users")).toBe(1);
      // The bundled questionnaires are templates every organisation starts from.
      expect(count("questionnaire_versions")).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
