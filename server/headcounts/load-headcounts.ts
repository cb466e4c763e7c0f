import { asc, eq } from "drizzle-orm";
import type { HeadcountRow } from "../../analysis/headcount-release";
import { HEADCOUNT_DIMENSIONS } from "../contract/headcount-schemas";
import type { Db } from "../db/open-database";
import { headcountDates, headcountRows } from "../db/schema";

export interface StoredHeadcounts {
  /**
   * Oldest first. A date's rows are read when first asked for: a build that keeps the date as
   * readers were shown it never reads them (at 1,000 units a date is 5,000 rows).
   */
  dates: { referenceDate: string; readonly rows: HeadcountRow[] }[];
  /** Per date, the dimensions its rows carry with their values. */
  dimensionsByDate: Map<string, Map<string, Set<string>>>;
}

/** Every stored date of an organisation's headcounts, as rows for analysis/. */
export function loadHeadcountDates(db: Db, organisationId: string): StoredHeadcounts {
  const stored = db
    .select({ id: headcountDates.id, referenceDate: headcountDates.referenceDate })
    .from(headcountDates)
    .where(eq(headcountDates.organisationId, organisationId))
    .orderBy(headcountDates.referenceDate)
    .all();
  const dates: StoredHeadcounts["dates"] = [];
  const dimensionsByDate = new Map<string, Map<string, Set<string>>>();
  for (const date of stored) {
    // Every row of a date carries the same dimensions and values (one file): its first says
    // which.
    const first = db
      .select({ counts: headcountRows.counts })
      .from(headcountRows)
      .where(eq(headcountRows.dateId, date.id))
      .limit(1)
      .get();
    // A date without counts has no tables.
    if (!first) continue;
    const dimensions = new Map<string, Set<string>>();
    for (const [dimension, values] of Object.entries(countsOf(first.counts))) {
      dimensions.set(dimension, new Set(Object.keys(values)));
    }
    dimensionsByDate.set(date.referenceDate, dimensions);
    let rows: HeadcountRow[] | undefined;
    dates.push({
      referenceDate: date.referenceDate,
      get rows() {
        rows ??= loadHeadcountRows(db, date.id);
        return rows;
      },
    });
  }
  return { dates, dimensionsByDate };
}

/** The count rows of one stored date. */
function loadHeadcountRows(db: Db, dateId: string): HeadcountRow[] {
  // As arrays, not objects: less time for the 5,000 rows of a date at 1,000 units.
  const stored = db
    .select({
      unitId: headcountRows.unitId,
      level: headcountRows.jobLevel,
      total: headcountRows.total,
      counts: headcountRows.counts,
    })
    .from(headcountRows)
    .where(eq(headcountRows.dateId, dateId))
    .orderBy(asc(headcountRows.unitId), asc(headcountRows.jobLevel))
    .values() as [string, string, number, string][];
  return stored.map(([unitId, level, total, counts]) => ({
    unitId,
    level,
    total,
    categories: countsOf(counts),
  }));
}

/** A row's stored category counts (schema.ts, `headcountRows.counts`). */
function countsOf(json: string): HeadcountRow["categories"] {
  return JSON.parse(json) as HeadcountRow["categories"];
}

/**
 * The dimensions a release over several dates can show: those every date carries (a dimension
 * missing at one date cannot add up to that date's totals), with every value any date uses.
 */
export function commonDimensions(
  perDate: Map<string, Set<string>>[],
): { key: string; values: string[] }[] {
  const [first, ...rest] = perDate;
  if (!first) return [];
  const fixed = HEADCOUNT_DIMENSIONS.map((d) => d.key as string);
  const rank = (key: string) => (fixed.includes(key) ? fixed.indexOf(key) : fixed.length);
  return [...first.keys()]
    .filter((key) => rest.every((date) => date.has(key)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => {
      const values: string[] = [];
      for (const date of perDate) {
        for (const value of date.get(key) ?? []) if (!values.includes(value)) values.push(value);
      }
      const order = HEADCOUNT_DIMENSIONS.find((d) => d.key === key)?.values as
        | readonly string[]
        | undefined;
      values.sort((a, b) => (order ? order.indexOf(a) - order.indexOf(b) : a.localeCompare(b)));
      return { key, values };
    });
}
