import { createHash, randomUUID } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { type DbConnection, openDatabase } from "../server/db/open-database";
import { seedDemo } from "../server/demo/seed-demo";
import { loadBundledVersions } from "../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../server/questionnaires/sync-bundled-questionnaires";
import { buildReleaseNow } from "./server/campaign-fixture";

/**
 * The seeded demo (and the releases tests build on it) once per `vitest run`, copied for each
 * test file. Seeding takes seconds and a demo wave's final release up to half a minute of CPU;
 * a dozen test files need the same database. Each caller gets its own file, so tests stay
 * independent; which releases are built, in which order, and the seeding day are the key.
 */

export interface DemoDatabaseOptions {
  /**
   * Passed to seedDemo; seeding reads only its UTC day (the open campaign's window opens and
   * closes at midnight, and a campaign is closed when its window has), so callers on the same
   * day share a database. Default: the moment of the call.
   */
  now?: Date;
  /**
   * Demo campaigns whose release is built as `buildReleaseNow` builds it, in this order. An
   * earlier wave's release changes a later one's (it hides what the earlier one hid), so
   * ["diagnose-2021"] is not a part of ["diagnose-2020", "diagnose-2021"].
   */
  releases?: readonly string[];
}

/** Copies the demo database for `options` to `path`, building it if no file of this run has. */
export async function copyDemoDatabase(
  path: string,
  options: DemoDatabaseOptions = {},
): Promise<void> {
  const built = await ensureBuilt(cacheDir(), specOf(options));
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(built, path);
}

/** A private copy of the demo database for `options`, opened (for tests that used `:memory:`). */
export async function openDemoDatabase(options: DemoDatabaseOptions = {}): Promise<DbConnection> {
  const path = join(cacheDir(), "copies", `${randomUUID()}.db`);
  await copyDemoDatabase(path, options);
  return openDatabase(path);
}

interface DemoSpec {
  now: Date;
  releases: readonly string[];
}

function specOf(options: DemoDatabaseOptions): DemoSpec {
  return { now: options.now ?? new Date(), releases: options.releases ?? [] };
}

const root = fileURLToPath(new URL("..", import.meta.url));

/** What seeding and building a release read: a change to any of them makes a new database. */
const SOURCES = [
  "server",
  "analysis",
  "surveys",
  "package-lock.json",
  "test/demo-database.ts",
  "test/server/campaign-fixture.ts",
];

let sourceHash: string | undefined;

function hashSources(): string {
  if (sourceHash) return sourceHash;
  const hash = createHash("sha256");
  const files = SOURCES.flatMap((source) => {
    const path = join(root, source);
    if (!statSync(path).isDirectory()) return [source];
    return readdirSync(path, { recursive: true, encoding: "utf8" })
      .map((name) => join(source, name))
      .filter((name) => statSync(join(root, name)).isFile());
  }).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  sourceHash = hash.digest("hex");
  return sourceHash;
}

function keyOf(spec: DemoSpec): string {
  const day = spec.now.toISOString().slice(0, 10);
  return createHash("sha256")
    .update(`${hashSources()}\n${day}\n${spec.releases.join(",")}`)
    .digest("hex")
    .slice(0, 32);
}

let ownDir: string | undefined;

/** The run's folder (test/setup/demo-cache-dir.ts); without it, one of this process's own. */
function cacheDir(): string {
  const provided = inject("demoCacheDir");
  if (provided) return provided;
  ownDir ??= mkdtempSync(join(tmpdir(), "peilpunt-demo-cache-"));
  return ownDir;
}

/**
 * The database file for `spec`, built by the first test file that asks for it; files running
 * side by side wait for it (a lock folder naming the builder's process) rather than build it
 * twice.
 */
async function ensureBuilt(dir: string, spec: DemoSpec): Promise<string> {
  const file = join(dir, `demo-${keyOf(spec)}.db`);
  const lock = `${file}.lock`;
  for (;;) {
    if (existsSync(file)) return file;
    if (takeLock(lock)) {
      try {
        if (!existsSync(file)) await build(dir, spec, file);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return file;
    }
    if (lockHolderGone(lock)) rmSync(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(join(lock, "pid"), String(process.pid));
  return true;
}

/** The process that took the lock has ended without finishing (a crashed or killed test file). */
function lockHolderGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    return false; // Taken a moment ago, its pid not written yet (or just released).
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Seeds, or copies the database one release shorter and builds the last release on it. */
async function build(dir: string, spec: DemoSpec, file: string): Promise<void> {
  const building = `${file}.${process.pid}.building`;
  let db: DbConnection;
  const slug = spec.releases.at(-1);
  if (slug === undefined) {
    db = openDatabase(building);
    syncBundledQuestionnaires(db, loadBundledVersions());
    seedDemo(db, { now: spec.now });
  } else {
    const shorter = await ensureBuilt(dir, { ...spec, releases: spec.releases.slice(0, -1) });
    copyFileSync(shorter, building);
    db = openDatabase(building);
    const campaign = db.$client.prepare("SELECT id FROM campaigns WHERE slug = ?").get(slug) as
      | { id: string }
      | undefined;
    if (!campaign) throw new Error(`no demo campaign ${slug}`);
    await buildReleaseNow(db, campaign.id);
    const stored = db.$client
      .prepare("SELECT count(*) AS n FROM releases WHERE campaign_id = ?")
      .get(campaign.id) as { n: number };
    if (stored.n === 0) throw new Error(`the release of ${slug} was not built`);
  }
  // Everything into the main file, so one file copy is the whole database.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  renameSync(building, file);
}
