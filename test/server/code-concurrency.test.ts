import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database";
import { invitationCodes } from "../../server/db/schema";
import { codeHash, displayCode, generateCode } from "../../server/invitations/invitation-code";
import { createFixtureCampaign } from "./campaign-fixture";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-codes-"));
const databasePath = join(dir, "codes.db");
const secretFile = join(dir, "secret.key");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real server (`server/main.ts`) as a child process and waits until it listens. */
async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      PEILPUNT_DB: databasePath,
      PEILPUNT_SECRET_FILE: secretFile,
      PORT: String(port),
      HOST: "127.0.0.1",
      PEILPUNT_SUBMISSIONS_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Peilpunt is running at")) resolve();
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
  });
  return child;
}

describe("one invitation code, many simultaneous submissions", () => {
  it("stores exactly one response: one 201, every other 409", async () => {
    // The database and key file are prepared before the server starts, as an operator's would be.
    const secretKey = randomBytes(32);
    writeFileSync(secretFile, secretKey, { mode: 0o600 });
    const db = openDatabase(databasePath);
    const campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
    const code = generateCode();
    db.insert(invitationCodes)
      .values({
        hash: codeHash(secretKey, code),
        campaignId: campaign.campaignId,
        unitId: campaign.inScope[1] as string,
      })
      .run();
    db.$client.close();

    const port = await freePort();
    const server = await startServer(port);
    const url = `http://127.0.0.1:${port}/api/campaigns/${campaign.slug}/responses`;
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            answers: { excluded: "no", comment: `attempt ${i}` },
            code: displayCode(code),
          }),
        }).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }),
      ),
    );
    server.kill("SIGTERM");
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const check = new Database(databasePath, { readonly: true });
    const rows = check.prepare("SELECT unit_id FROM responses").all();
    expect(rows).toEqual([{ unit_id: campaign.inScope[1] }]);
    expect(check.prepare("SELECT used FROM invitation_codes").all()).toEqual([{ used: 1 }]);
    check.close();
  });
});
