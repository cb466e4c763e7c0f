import { createHash, randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DbConnection, openDatabase } from "../server/db/open-database";
import { seedDemo } from "../server/demo/seed-demo";
import { loadBundledVersions } from "../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../server/questionnaires/sync-bundled-questionnaires";
import { builtOncePerRun, runCacheDir } from "./built-once-per-run";
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
  const built = await ensureBuilt(runCacheDir(), specOf(options));
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(built, path);
}

/** A private copy of the demo database for `options`, opened (for tests that used `:memory:`). */
export async function openDemoDatabase(options: DemoDatabaseOptions = {}): Promise<DbConnection> {
  const path = join(runCacheDir(), "copies", `${randomUUID()}.db`);
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
  "test/built-once-per-run.ts",
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

/** The database file for `spec`, built by the first test file that asks for it. */
function ensureBuilt(dir: string, spec: DemoSpec): Promise<string> {
  return builtOncePerRun(join(dir, `demo-${keyOf(spec)}.db`), (building) =>
    build(dir, spec, building),
  );
}

/** Seeds, or copies the database one release shorter and builds the last release on it. */
async function build(dir: string, spec: DemoSpec, building: string): Promise<void> {
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
}
