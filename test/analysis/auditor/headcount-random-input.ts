import fc from "fast-check";
import type { HeadcountReleaseInput, HeadcountRow } from "../../../analysis/headcount-release";

/** Random small organisations for the headcount property tests (two levels, two dimensions). */
export const LEVELS = ["top", "staff"];
export const DIMENSIONS = [
  { key: "gender", values: ["woman", "man"] },
  { key: "foreign_origin", values: ["yes", "no", "unknown"] },
];

/** Splits a total over `parts` values with the given weights (whole people). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[0] = (out[0] as number) + total - out.reduce((a, b) => a + b, 0);
  return out;
}

export function row(unitId: string, level: string, total: number, w: number[]): HeadcountRow {
  const gender = split(total, [w[0] as number, w[1] as number]);
  const origin = split(total, [w[2] as number, w[3] as number, w[4] as number]);
  return {
    unitId,
    level,
    total,
    categories: {
      gender: { woman: gender[0] as number, man: gender[1] as number },
      foreign_origin: {
        yes: origin[0] as number,
        no: origin[1] as number,
        unknown: origin[2] as number,
      },
    },
  };
}

/** A small organisation: two faculties (one with two departments) and a service. */
const UNITS = [
  { id: "F1", parentId: null },
  { id: "D1", parentId: "F1" },
  { id: "D2", parentId: "F1" },
  { id: "F2", parentId: null },
  { id: "S1", parentId: null },
];
const ROW_UNITS = ["F1", "D1", "D2", "F2", "S1"];

export const arbitraryDate = fc.array(
  fc.record({
    unit: fc.constantFrom(...ROW_UNITS),
    level: fc.constantFrom(...LEVELS),
    total: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })),
    weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }),
  }),
  { maxLength: 12 },
);

export function input(
  dates: { unit: string; level: string; total: number; weights: number[] }[][],
) {
  return {
    k: 5,
    organisationId: "ORG",
    units: UNITS,
    levels: LEVELS,
    dimensions: DIMENSIONS,
    dates: dates.map((entries, position) => {
      // One row per unit and level: later entries for the same pair are dropped.
      const seen = new Set<string>();
      const rows = entries.flatMap((entry) => {
        const key = `${entry.unit}|${entry.level}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [row(entry.unit, entry.level, entry.total, entry.weights)];
      });
      return { referenceDate: `${2020 + position}-12-31`, rows };
    }),
  } satisfies HeadcountReleaseInput;
}
