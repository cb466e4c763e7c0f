import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startRealServer } from "./real-server";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-modes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file and folder below `root` with its permission bits. */
function modesBelow(root: string): { path: string; mode: number }[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" }).map((relative) => {
    const path = join(root, relative);
    return { path: relative, mode: statSync(path).mode & 0o777 };
  });
}

describe("files the server and its commands create", () => {
  it("are readable by their owner only, and the demo passwords never reach a log", {
    timeout: 120_000,
  }, async () => {
    const data = join(dir, "data");
    const databasePath = join(data, "peilpunt.db");
    const env = {
      PEILPUNT_DB: databasePath,
      PEILPUNT_SECRET_FILE: join(data, "secret.key"),
      PORT: String(await freePort()),
    };
    const server = await startRealServer(env);
    let whileRunning: { path: string; mode: number }[];
    try {
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "server/backup-command.ts", join(dir, "backups", "copy.db")],
        { env: { ...process.env, ...env } },
      );
      // Only while the server runs do SQLite's WAL and SHM files exist.
      whileRunning = modesBelow(dir);
    } finally {
      server.child.kill("SIGTERM");
      if (server.child.exitCode === null) await once(server.child, "exit");
    }

    const created = [...whileRunning, ...modesBelow(dir)];
    const names = created.map((entry) => entry.path);
    expect(names).toEqual(
      expect.arrayContaining([
        "data/peilpunt.db",
        "data/peilpunt.db-wal",
        "data/peilpunt.db-shm",
        "data/secret.key",
        "data/demo-accounts.txt",
        "backups/copy.db",
      ]),
    );
    const readableByOthers = created.filter((entry) => (entry.mode & 0o077) !== 0);
    expect(readableByOthers).toEqual([]);

    // Standard output was a pipe (as in `npm start > start.log`): no password in it, but in
    // the owner-only file, where the person who started the demo can read them.
    const accounts = readFileSync(join(data, "demo-accounts.txt"), "utf8").trim().split("\n");
    expect(accounts).toHaveLength(3);
    for (const line of accounts) {
      const password = line.split(" / ")[1] ?? "";
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect(server.output()).not.toContain(password);
    }
    expect(server.output()).toContain("demo-accounts.txt");
  });
});
