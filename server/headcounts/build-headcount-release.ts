import { and, eq, notInArray } from "drizzle-orm";
import type { Highs } from "highs";
import type { SmallGroupSolver } from "../../analysis/audit-small-groups";
import {
  buildHeadcountRelease,
  type HeadcountDateRelease,
  type HeadcountRelease,
} from "../../analysis/headcount-release";
import { JOB_LEVELS } from "../contract/headcount-schemas";
import { type HeadcountReleaseStamp, headcountReleaseStamp } from "../db/headcount-release-stamp";
import type { Db } from "../db/open-database";
import { headcountDates, headcountReleaseDates, headcountReleases, units } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { commonDimensions, loadHeadcountDates } from "./load-headcounts";
import { shownSurveyReleases } from "./shown-survey-releases";

/** The minimum cell size of headcount tables: the default k of survey results. */
export const HEADCOUNT_K = 5;

/** Which stored date (and which import of it) a release was built from. */
export interface HeadcountBasisEntry {
  referenceDate: string;
  /** The id of the stored date row: a re-import of the date gets a new one. */
  dateId: string;
}

/** The stored release: the audited tables and the imports they were built from. */
export interface StoredHeadcountRelease extends HeadcountRelease {
  basis: HeadcountBasisEntry[];
}

/** The stored dates of an organisation, oldest first: what a current release is built from. */
export function headcountBasis(db: Db, organisationId: string): HeadcountBasisEntry[] {
  return db
    .select({ referenceDate: headcountDates.referenceDate, dateId: headcountDates.id })
    .from(headcountDates)
    .where(eq(headcountDates.organisationId, organisationId))
    .orderBy(headcountDates.referenceDate)
    .all();
}

/** Whether a release was built from exactly these stored dates. */
export function sameBasis(a: HeadcountBasisEntry[], b: HeadcountBasisEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (entry, index) =>
        entry.referenceDate === b[index]?.referenceDate && entry.dateId === b[index]?.dateId,
    )
  );
}

/** The stored release of an organisation, if any. */
export function readStoredHeadcountRelease(
  db: Db,
  organisationId: string,
): { builtAt: string; release: StoredHeadcountRelease } | undefined {
  const row = db
    .select()
    .from(headcountReleases)
    .where(eq(headcountReleases.organisationId, organisationId))
    .get();
  if (!row) return undefined;
  const release = JSON.parse(row.body) as StoredHeadcountRelease;
  // In the place of the body's `"dates":[]`, oldest first.
  release.dates = db
    .select({ body: headcountReleaseDates.body })
    .from(headcountReleaseDates)
    .where(eq(headcountReleaseDates.organisationId, organisationId))
    .orderBy(headcountReleaseDates.referenceDate)
    .all()
    .map((date) => JSON.parse(date.body) as HeadcountDateRelease);
  release.basis ??= [];
  return { builtAt: row.builtAt, release };
}

/** A release this thread stored, as it stored it (see `previousRelease`). */
interface StoredHere {
  organisationId: string;
  stamp: HeadcountReleaseStamp;
  release: StoredHeadcountRelease;
}

/**
 * The release this thread stored last, per database connection: the next build of that
 * organisation (the next import) starts from it instead of parsing the stored dates again (several
 * MB at 1,000 units and a few dates, parsed at every build). One organisation only: at 1,000 units
 * and five dates a kept release holds some 25 MB (its cells as objects 10 MB, their keys 15 MB),
 * and imports of one organisation come one after another.
 */
const storedHere = new WeakMap<Db, StoredHere>();

/**
 * The stored release of an organisation as the build starts from it, with the stamp it was
 * stored under: the one this thread stored last when the stored rows are still those (same
 * stamp), else read and parsed. The same content either way.
 */
function previousRelease(
  db: Db,
  organisationId: string,
): { release: StoredHeadcountRelease; stamp: HeadcountReleaseStamp } | undefined {
  const stamp = headcountReleaseStamp(db, organisationId);
  if (!stamp) return undefined;
  const kept = storedHere.get(db);
  if (kept?.organisationId === organisationId && sameStamp(kept.stamp, stamp)) return kept;
  const read = readStoredHeadcountRelease(db, organisationId)?.release;
  return read && { release: read, stamp };
}

function sameStamp(a: HeadcountReleaseStamp, b: HeadcountReleaseStamp | undefined): boolean {
  return a.builtAt === b?.builtAt && a.length === b.length;
}

/**
 * Stores a release: its JSON with `"dates":[]` in `headcount_releases`, each date's JSON in its
 * own row. A date for which `unchanged` holds is stored as it is already (a date kept as shown):
 * its row is left alone, so an import of next year's file writes that year's tables only.
 */
function writeRelease(
  tx: Db,
  organisationId: string,
  builtAt: string,
  release: StoredHeadcountRelease,
  unchanged: (date: HeadcountDateRelease) => boolean,
): void {
  const body = JSON.stringify({ ...release, dates: [] });
  tx.insert(headcountReleases)
    .values({ organisationId, builtAt, body })
    .onConflictDoUpdate({ target: headcountReleases.organisationId, set: { builtAt, body } })
    .run();
  const kept = release.dates.filter(unchanged);
  tx.delete(headcountReleaseDates)
    .where(
      and(
        eq(headcountReleaseDates.organisationId, organisationId),
        notInArray(
          headcountReleaseDates.referenceDate,
          kept.map((date) => date.referenceDate),
        ),
      ),
    )
    .run();
  for (const date of release.dates) {
    if (kept.includes(date)) continue;
    tx.insert(headcountReleaseDates)
      .values({ organisationId, referenceDate: date.referenceDate, body: JSON.stringify(date) })
      .run();
  }
}

/**
 * Brings an organisation's stored headcount release up to its stored dates: "current" when it
 * already is, "stored" after building and storing it, "stale" when an import changed the dates
 * while it was built, or a survey release of its campaigns was shown meanwhile (nothing stored:
 * build again). Dates before the earliest changed one are kept as readers were shown them
 * (analysis/headcount-release.ts), so importing the next year protects that year only. Slow
 * (the LP audit): the server runs it in the bulk worker.
 */
export function buildAndStoreHeadcountRelease({
  db,
  highs,
  organisationId,
  now,
  smallGroups,
}: {
  db: Db;
  highs: Highs;
  organisationId: string;
  now: () => Date;
  /** A second thread for the LP audit (small-group-thread.ts): the same release, sooner. */
  smallGroups?: SmallGroupSolver;
}): "current" | "stored" | "stale" {
  const basis = headcountBasis(db, organisationId);
  const stored = previousRelease(db, organisationId);
  const previous = stored?.release;
  if (previous && sameBasis(previous.basis, basis)) return "current";
  if (basis.length === 0) return "current";
  const counts = loadHeadcountDates(db, organisationId);
  const unitRows = db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .all();
  const dimensions = commonDimensions(
    counts.dates.map((date) => counts.dimensionsByDate.get(date.referenceDate) ?? new Map()),
  );
  const shown = new Map(previous?.basis.map((entry) => [entry.referenceDate, entry.dateId]));
  const from = basis.find((entry) => shown.get(entry.referenceDate) !== entry.dateId);
  // Survey releases shown before these headcounts were audited without them: each date hides
  // what would expose the shown releases of the campaigns it is the reference date of.
  const surveys = shownSurveyReleases(
    db,
    organisationId,
    basis.map((entry) => entry.referenceDate),
  );
  const newestShown = surveys.newestShown();
  const built = buildHeadcountRelease(
    highs,
    {
      k: HEADCOUNT_K,
      organisationId,
      units: unitRows,
      levels: JOB_LEVELS,
      dimensions,
      dates: counts.dates,
    },
    previous && from ? { release: previous, from: from.referenceDate } : undefined,
    { shownSurveys: (referenceDate) => surveys.forDate(referenceDate), smallGroups },
  );
  return withTransaction(
    db,
    (tx) => {
      if (!sameBasis(headcountBasis(tx, organisationId), basis)) return "stale" as const;
      // A survey release shown meanwhile was not checked against these tables.
      if (surveys.newestShown() !== newestShown) return "stale" as const;
      const builtAt = now().toISOString();
      const release: StoredHeadcountRelease = { ...built, basis };
      // The dates kept from the release before (the same objects) are stored as they are, unless
      // another writer changed the stored rows since they were read.
      const shownBefore = new Set(
        stored && sameStamp(stored.stamp, headcountReleaseStamp(tx, organisationId))
          ? stored.release.dates
          : [],
      );
      writeRelease(tx, organisationId, builtAt, release, (date) => shownBefore.has(date));
      storedHere.set(db, {
        organisationId,
        stamp: headcountReleaseStamp(tx, organisationId) as HeadcountReleaseStamp,
        release,
      });
      return "stored" as const;
    },
    { behavior: "immediate" },
  );
}

/** Whether any organisation has imported headcounts: the server then warms their audit at start. */
export function anyHeadcountsStored(db: Db): boolean {
  return db.select({ id: headcountDates.id }).from(headcountDates).limit(1).get() !== undefined;
}

/** Organisations with stored headcounts whose release is missing or behind (after a restart). */
export function organisationsWithStaleHeadcounts(db: Db): string[] {
  const ids = new Set(
    db
      .select({ organisationId: headcountDates.organisationId })
      .from(headcountDates)
      .all()
      .map((row) => row.organisationId),
  );
  return [...ids].filter((organisationId) => {
    const stored = readStoredHeadcountRelease(db, organisationId);
    return !stored || !sameBasis(stored.release.basis, headcountBasis(db, organisationId));
  });
}
