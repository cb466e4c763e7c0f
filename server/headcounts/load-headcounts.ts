import { eq } from "drizzle-orm";
import type { HeadcountRow } from "../../analysis/headcount-release";
import { HEADCOUNT_DIMENSIONS } from "../contract/headcount-schemas";
import type { Db } from "../db/open-database";
import { headcountCounts, headcountDates } from "../db/schema";

export interface StoredHeadcounts {
  dates: { referenceDate: string; rows: HeadcountRow[] }[];
  /** Per date, the dimensions its rows carry with their values. */
  dimensionsByDate: Map<string, Map<string, Set<string>>>;
}

/** Every stored date of an organisation's headcounts, as rows for analysis/. */
export function loadHeadcountDates(db: Db, organisationId: string): StoredHeadcounts {
  const stored = db
    .select({
      referenceDate: headcountDates.referenceDate,
      unitId: headcountCounts.unitId,
      level: headcountCounts.jobLevel,
      dimension: headcountCounts.dimension,
      value: headcountCounts.value,
      count: headcountCounts.count,
    })
    .from(headcountCounts)
    .innerJoin(headcountDates, eq(headcountDates.id, headcountCounts.dateId))
    .where(eq(headcountDates.organisationId, organisationId))
    .all();
  const byDate = new Map<string, Map<string, HeadcountRow>>();
  const dimensionsByDate = new Map<string, Map<string, Set<string>>>();
  for (const entry of stored) {
    const rows = byDate.get(entry.referenceDate) ?? new Map<string, HeadcountRow>();
    byDate.set(entry.referenceDate, rows);
    const key = `${entry.unitId}\u0000${entry.level}`;
    const row = rows.get(key) ?? {
      unitId: entry.unitId,
      level: entry.level,
      total: 0,
      categories: {},
    };
    rows.set(key, row);
    if (entry.dimension === "total") {
      row.total = entry.count;
      continue;
    }
    const values = row.categories[entry.dimension] ?? {};
    values[entry.value] = entry.count;
    row.categories[entry.dimension] = values;
    const dimensions = dimensionsByDate.get(entry.referenceDate) ?? new Map();
    dimensionsByDate.set(entry.referenceDate, dimensions);
    const seen: Set<string> = dimensions.get(entry.dimension) ?? new Set();
    seen.add(entry.value);
    dimensions.set(entry.dimension, seen);
  }
  return {
    dates: [...byDate].map(([referenceDate, rows]) => ({
      referenceDate,
      rows: [...rows.values()],
    })),
    dimensionsByDate,
  };
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
