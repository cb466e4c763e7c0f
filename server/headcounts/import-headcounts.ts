import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { HeadcountRow } from "../../analysis/headcount-release";
import { recordAudit } from "../auth/audit";
import { canManageOrganisation } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import {
  type HeadcountFileError,
  type HeadcountImportAnswer,
  referenceDateSchema,
} from "../contract/headcount-schemas";
import type { Db } from "../db/open-database";
import { headcountDates, headcountRows, organisations, units } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { NotFoundError, ProblemError } from "../errors";
import { parseHeadcountFile } from "./parse-headcount-file";

/**
 * Imports one reference date's headcounts of an organisation (admins, coordinators of it). All
 * or nothing: a faulty file (422, every row and field named) changes nothing; a valid one
 * replaces the date's counts and writes the audit entry in one transaction, then asks for the
 * audited release to be rebuilt (`afterImport`) and answers without waiting for it.
 */
export async function importHeadcounts({
  db,
  actor,
  organisationSlug,
  referenceDate,
  file,
  now,
  afterImport,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  referenceDate: string;
  file: Uint8Array;
  now: Date;
  /** Rebuilds the organisation's headcount release once the counts are stored. */
  afterImport: (organisationId: string) => void;
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

  // Counts and audit entry in one transaction; the audited release is built afterwards, off
  // the request thread (`afterImport`: the bulk worker), and readers keep the previous release,
  // marked as building, until the new one is stored.
  const answer = withTransaction(
    db,
    (tx): HeadcountImportAnswer => {
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
        tx.delete(headcountRows).where(eq(headcountRows.dateId, existing.id)).run();
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
      // One row per unit and level, its category counts as JSON in alphabetical order of
      // dimension and value (schema.ts), one prepared statement run per row.
      const countsJson = countsWriter(parsed.dimensions);
      const insertRow = tx
        .insert(headcountRows)
        .values({
          dateId,
          unitId: sql.placeholder("unitId"),
          jobLevel: sql.placeholder("jobLevel"),
          total: sql.placeholder("total"),
          counts: sql.placeholder("counts"),
        })
        .prepare();
      for (const row of rows) {
        insertRow.run({
          unitId: row.unitId,
          jobLevel: row.level,
          total: row.total,
          counts: countsJson(row.categories),
        });
      }
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
  afterImport(organisation.id);
  return answer;
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

/**
 * Writes a row's category counts as stored (schema.ts, `headcountRows.counts`): JSON
 * `{"<dimension>":{"<value>":count}}`, dimensions and values in alphabetical order. The names'
 * JSON is made once per file: each row adds only its counts (5,000 rows at 1,000 units).
 */
function countsWriter(
  dimensions: { key: string; values: string[] }[],
): (categories: HeadcountRow["categories"]) => string {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const layout = [...dimensions]
    .sort((a, b) => byText(a.key, b.key))
    .map(({ key, values }) => ({
      key,
      open: `${JSON.stringify(key)}:{`,
      values: [...values]
        .sort(byText)
        .map((value) => ({ value, name: `${JSON.stringify(value)}:` })),
    }));
  return (categories) => {
    let json = "{";
    layout.forEach(({ key, open, values }, index) => {
      const counts = categories[key];
      json += index === 0 ? open : `,${open}`;
      values.forEach(({ value, name }, at) => {
        json += `${at === 0 ? "" : ","}${name}${counts?.[value] ?? 0}`;
      });
      json += "}";
    });
    return `${json}}`;
  };
}
