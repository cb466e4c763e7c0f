import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Highs } from "highs";
import { buildHeadcountRelease, type HeadcountRow } from "../../analysis/headcount-release";
import { recordAudit } from "../auth/audit";
import { canManageOrganisation } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import {
  type HeadcountFileError,
  type HeadcountImportAnswer,
  JOB_LEVELS,
  referenceDateSchema,
} from "../contract/headcount-schemas";
import type { Db } from "../db/open-database";
import {
  headcountCounts,
  headcountDates,
  headcountReleases,
  organisations,
  units,
} from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { NotFoundError, ProblemError } from "../errors";
import { commonDimensions, loadHeadcountDates } from "./load-headcounts";
import { parseHeadcountFile } from "./parse-headcount-file";

/** The minimum cell size of headcount tables: the default k of survey results. */
export const HEADCOUNT_K = 5;

/** Count rows written per statement (6 bound values each). */
const WRITE_BATCH = 1000;

/**
 * Imports one reference date's headcounts of an organisation (admins, coordinators of it) and
 * rebuilds the audited headcount release. All or nothing: a faulty file (422, every row and
 * field named) changes nothing; a valid one replaces the date's counts, the release and writes
 * the audit entry in one transaction.
 */
export async function importHeadcounts({
  db,
  highs,
  actor,
  organisationSlug,
  referenceDate,
  file,
  now,
}: {
  db: Db;
  highs: Highs;
  actor: SessionUser;
  organisationSlug: string;
  referenceDate: string;
  file: Uint8Array;
  now: Date;
}): Promise<HeadcountImportAnswer> {
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, organisationSlug))
    .get();
  if (!organisation || !canManageOrganisation(actor, organisation.id)) {
    throw new NotFoundError(`There is no organisation "${organisationSlug}".`);
  }
  if (!referenceDateSchema.safeParse(referenceDate).success) {
    throw invalidFile([
      { row: 0, question: "referenceDate", message: "The reference date must be YYYY-MM-DD." },
    ]);
  }
  const parsed = await parseHeadcountFile(file);
  if (!parsed.ok) {
    throw invalidFile(
      parsed.problems.map(({ row, field, message }) => ({ row, question: field, message })),
    );
  }
  const unitRows = db
    .select({ id: units.id, code: units.code, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisation.id))
    .all();
  const idOf = new Map(unitRows.map((unit) => [unit.code, unit.id]));
  const unknown = parsed.rows.filter((row) => !idOf.has(row.unitCode));
  if (unknown.length > 0) {
    throw invalidFile(
      unknown.map((row) => ({
        row: row.row,
        question: "unit_code",
        message: `There is no unit "${row.unitCode}" in this organisation.`,
      })),
    );
  }
  const rows: HeadcountRow[] = parsed.rows.map(({ unitCode, level, total, categories }) => ({
    unitId: idOf.get(unitCode) as string,
    level,
    total,
    categories,
  }));

  // The release is built outside the transaction, so the LP audit never holds the database's
  // write lock (another process, a backup, can write meanwhile); the transaction then checks
  // that the stored dates are still those the release was built on. The audit still runs on
  // this thread: moving it to the release worker is open work.
  for (let attempt = 1; ; attempt++) {
    const stamp = datesStamp(db, organisation.id);
    const stored = loadHeadcountDates(db, organisation.id);
    const others = stored.dates.filter((date) => date.referenceDate !== referenceDate);
    const incoming = new Map(parsed.dimensions.map((d) => [d.key, new Set(d.values)]));
    const dimensions = commonDimensions([
      ...others.map((date) => stored.dimensionsByDate.get(date.referenceDate) ?? new Map()),
      incoming,
    ]);
    const release = buildHeadcountRelease(highs, {
      k: HEADCOUNT_K,
      organisationId: organisation.id,
      units: unitRows,
      levels: JOB_LEVELS,
      dimensions,
      dates: [...others, { referenceDate, rows }],
    });
    const answer = withTransaction(
      db,
      (tx): HeadcountImportAnswer | null => {
        if (datesStamp(tx, organisation.id) !== stamp) return null;
        const existing = tx
          .select({ id: headcountDates.id })
          .from(headcountDates)
          .where(
            and(
              eq(headcountDates.organisationId, organisation.id),
              eq(headcountDates.referenceDate, referenceDate),
            ),
          )
          .get();
        if (existing) {
          tx.delete(headcountCounts).where(eq(headcountCounts.dateId, existing.id)).run();
          tx.delete(headcountDates).where(eq(headcountDates.id, existing.id)).run();
        }
        const dateId = randomUUID();
        tx.insert(headcountDates)
          .values({
            id: dateId,
            organisationId: organisation.id,
            referenceDate,
            importedAt: now.toISOString(),
          })
          .run();
        const counts = rows.flatMap((row) => [
          {
            dateId,
            unitId: row.unitId,
            jobLevel: row.level,
            dimension: "total",
            value: "all",
            count: row.total,
          },
          ...Object.entries(row.categories).flatMap(([dimension, values]) =>
            Object.entries(values).map(([value, count]) => ({
              dateId,
              unitId: row.unitId,
              jobLevel: row.level,
              dimension,
              value,
              count,
            })),
          ),
        ]);
        for (let i = 0; i < counts.length; i += WRITE_BATCH) {
          tx.insert(headcountCounts)
            .values(counts.slice(i, i + WRITE_BATCH))
            .run();
        }
        const body = JSON.stringify(release);
        tx.insert(headcountReleases)
          .values({ organisationId: organisation.id, builtAt: now.toISOString(), body })
          .onConflictDoUpdate({
            target: headcountReleases.organisationId,
            set: { builtAt: now.toISOString(), body },
          })
          .run();
        const staff = rows.reduce((sum, row) => sum + row.total, 0);
        recordAudit(tx, {
          actor,
          action: "headcounts.import",
          target: `${organisationSlug}/${referenceDate}`,
          organisationId: organisation.id,
          detail: { rows: rows.length, replaced: existing !== undefined },
          at: now,
        });
        return { referenceDate, rows: rows.length, staff, replaced: existing !== undefined };
      },
      { behavior: "immediate" },
    );
    if (answer !== null) return answer;
    if (attempt >= 3) {
      throw new ProblemError(
        409,
        "busy",
        "Another import is running",
        "Headcounts of this organisation were imported meanwhile; send the file again.",
      );
    }
  }
}

/** Which dates are stored and when each was imported: changes with every import. */
function datesStamp(db: Db, organisationId: string): string {
  return JSON.stringify(
    db
      .select({
        date: headcountDates.referenceDate,
        at: headcountDates.importedAt,
        id: headcountDates.id,
      })
      .from(headcountDates)
      .where(eq(headcountDates.organisationId, organisationId))
      .orderBy(headcountDates.referenceDate)
      .all(),
  );
}

function invalidFile(errors: HeadcountFileError[]): ProblemError {
  return new ProblemError(
    422,
    "invalid-headcount-file",
    "The headcount file has faults",
    `Nothing was imported: ${errors.length} fault(s) in the file.`,
    { errors },
  );
}
