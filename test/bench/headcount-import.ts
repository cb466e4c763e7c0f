import { createHash, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import highsLoader from "highs";
import type { HeadcountAuditSummary } from "../../analysis/headcount-release";
import { openDatabase } from "../../server/db/open-database";
import {
  buildAndStoreHeadcountRelease,
  readStoredHeadcountRelease,
} from "../../server/headcounts/build-headcount-release";
import { importHeadcounts } from "../../server/headcounts/import-headcounts";
import { threadSmallGroupSolver } from "../../server/headcounts/small-group-thread";
import { syntheticOrganisation } from "../../server/headcounts/synthetic-organisation";
import { startWarmHeadcountBuilds } from "../../server/headcounts/warm-headcount-audit";
import { createOrganisation } from "../../server/organisations/create-organisation";
import { insertBenchUnits } from "./bench-units";
import { headcountFile } from "./headcount-data";

const admin = { id: randomUUID(), email: "bench@example.org", role: "admin" as const };

export interface HeadcountDateFigures {
  /** The import request: parse, check, store the counts (what the coordinator waits for). */
  importMs: number;
  importCpuMs: number;
  /** The audited release built and stored afterwards (in the bulk worker on the server). */
  releaseMs: number;
  releaseCpuMs: number;
}

export interface HeadcountImportFigures {
  units: number;
  /** The warm-up before the first import (`startedServer`), 0 without. */
  warmUpMs: number;
  /** SHA-256 (16 hex digits) of the stored release's dates, the organisation's id neutralised. */
  releaseHash: string;
  dates: HeadcountDateFigures[];
  /** The same rows as stored (headcount_rows) inserted bare with one prepared statement, in the same run. */
  baselineMs: number;
  audit: HeadcountAuditSummary;
  hiddenShare: number;
}

/**
 * `dates` reference dates of a synthetic organisation of `units` units (synthetic-organisation.ts) × 5
 * job levels × 3 category dimensions, imported one after another as a coordinator would, each
 * followed by the build of its audited release (which keeps the dates shown before). Baseline:
 * the same rows as the import stores them (a row per unit and level, its counts as JSON) inserted
 * with one prepared statement in a transaction, into a table without key or constraints.
 */
export async function measureHeadcountImport(
  units = 1000,
  dates = 5,
  onDate: (date: number, figures: HeadcountDateFigures) => void = () => {},
  {
    startedServer = false,
  }: {
    /**
     * As on a started server: the bulk worker's warm-up (startWarmHeadcountBuilds) runs before
     * the first import. Off: the first build runs in a process that has built nothing before.
     */
    startedServer?: boolean;
  } = {},
): Promise<HeadcountImportFigures> {
  const organisation = syntheticOrganisation(units, dates);
  const db = openDatabase(":memory:");
  const session = { ...admin, organisationId: null, unitId: null, locale: "nl" as const };
  const created = createOrganisation({
    db,
    actor: session,
    input: { slug: "bench", name: { nl: "B", fr: "B", en: "B" } },
    now: new Date(),
  });
  insertBenchUnits(db, created.id, organisation.units);
  // As in the bulk worker: model A of large components on a second thread, started with the
  // first build, or at start with the warm-up.
  const smallGroups = threadSmallGroupSolver();
  const warmUpStart = performance.now();
  const highs = startedServer ? await startWarmHeadcountBuilds(smallGroups) : await highsLoader();
  const warmUpMs = startedServer ? performance.now() - warmUpStart : 0;
  const figures: HeadcountDateFigures[] = [];
  for (const [index, date] of organisation.dates.entries()) {
    const file = headcountFile(date.rows);
    let start = performance.now();
    let cpu = process.cpuUsage();
    await importHeadcounts({
      db,
      actor: session,
      organisationSlug: "bench",
      referenceDate: date.referenceDate,
      file,
      now: new Date(),
      afterImport: () => {},
    });
    const importMs = performance.now() - start;
    const importCpu = process.cpuUsage(cpu);
    start = performance.now();
    cpu = process.cpuUsage();
    void smallGroups.ready();
    const outcome = buildAndStoreHeadcountRelease({
      db,
      highs,
      organisationId: created.id,
      now: () => new Date(),
      smallGroups,
    });
    if (outcome !== "stored") throw new Error(`headcount release: ${outcome}`);
    const used = process.cpuUsage(cpu);
    const figure: HeadcountDateFigures = {
      importMs,
      importCpuMs: (importCpu.user + importCpu.system) / 1000,
      releaseMs: performance.now() - start,
      releaseCpuMs: (used.user + used.system) / 1000,
    };
    figures.push(figure);
    onDate(index, figure);
  }
  const raw = openDatabase(":memory:").$client;
  raw.exec("CREATE TABLE c (d TEXT, u TEXT, l TEXT, total INTEGER, counts TEXT)");
  const insert = raw.prepare("INSERT INTO c VALUES (?, ?, ?, ?, ?)");
  const start = performance.now();
  raw.transaction(() => {
    for (const date of organisation.dates) {
      for (const row of date.rows) {
        insert.run(
          date.referenceDate,
          row.unitId,
          row.level,
          row.total,
          JSON.stringify(row.categories),
        );
      }
    }
  })();
  const baselineMs = performance.now() - start;
  await smallGroups.close();
  const stored = readStoredHeadcountRelease(db, created.id);
  if (!stored) throw new Error("no headcount release stored");
  const { audit } = stored.release;
  // The published tables, comparable between runs (the organisation's id is random).
  const releaseHash = createHash("sha256")
    .update(JSON.stringify(stored.release.dates).replaceAll(created.id, "ORGANISATION"))
    .digest("hex")
    .slice(0, 16);
  return {
    units,
    warmUpMs,
    dates: figures,
    releaseHash,
    baselineMs,
    audit,
    hiddenShare:
      (audit.hiddenPrimary + audit.hiddenSecondary + audit.hiddenProtected) /
      Math.max(1, audit.cells),
  };
}
