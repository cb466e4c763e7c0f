import { expect } from "vitest";
import type { Row } from "../../analysis/sequence-system";

const EPSILON = 1e-6;

/** Asserts that `point` (a value per unknown) keeps every bound and every row, within 1e-6. */
export function expectPointOf(
  point: ArrayLike<number>,
  bound: (v: number) => { lower: number; upper: number },
  unknowns: Iterable<number>,
  rows: readonly Row[],
): void {
  for (const v of unknowns) {
    const { lower, upper } = bound(v);
    expect(point[v] as number).toBeGreaterThanOrEqual(lower - EPSILON);
    expect(point[v] as number).toBeLessThanOrEqual(upper + EPSILON);
  }
  for (const row of rows) {
    const sum = row.variables.reduce(
      (total, v, i) => total + (row.coefficients[i] as number) * (point[v] as number),
      0,
    );
    expect(sum).toBeGreaterThanOrEqual(row.lower - EPSILON);
    expect(sum).toBeLessThanOrEqual(row.upper + EPSILON);
  }
}
