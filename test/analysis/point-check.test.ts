import { describe, expect, it } from "vitest";
import { checkRows, PointCheck } from "../../analysis/point-check";

// Two rows over three cells, truth 4, 6, 3: x0 + x1 = 10 and x1 − x2 = 3.
const ROWS = checkRows([
  { cells: [0, 1], coefficients: [1, 1], rhs: 10 },
  { cells: [1, 2], coefficients: [1, -1], rhs: 3 },
]);
const TRUTH = [4, 6, 3];
const WIDE = { lower: 0, upper: 20 };

describe("point check", () => {
  it("passes a point that keeps every row holding a moved cell, and refuses one that breaks one", () => {
    const check = new PointCheck(ROWS, TRUTH);
    check.move(0, 5, WIDE);
    check.move(1, 5, WIDE);
    check.move(2, 2, WIDE);
    expect(check.holds()).toBe(true);
    // x0 + x1 still 10, but x1 − x2 = 2.
    check.move(0, 5, WIDE);
    check.move(1, 5, WIDE);
    expect(check.holds()).toBe(false);
  });

  it("refuses a fraction, a value out of its bounds and a cell without bounds, even when every row holds", () => {
    const check = new PointCheck(ROWS, TRUTH);
    const shifted = (by: number, bounds: { lower: number; upper: number } | undefined) => {
      check.move(0, 4 - by, WIDE);
      check.move(1, 6 + by, bounds);
      check.move(2, 3 + by, WIDE);
      return check.holds();
    };
    expect(shifted(0.5, WIDE)).toBe(false);
    expect(shifted(1, { lower: 0, upper: 6 })).toBe(false);
    expect(shifted(1, undefined)).toBe(false);
    expect(shifted(1, WIDE)).toBe(true);
  });

  it("refuses a point whose row sums to NaN (a cell without a true value), not only one that is off", () => {
    const check = new PointCheck(ROWS, [4, Number.NaN, 3]);
    check.move(0, 4, WIDE);
    expect(check.holds()).toBe(false);
  });

  it("starts each point from the truth, after a refused one too", () => {
    const check = new PointCheck(ROWS, TRUTH);
    check.move(0, 5, WIDE);
    check.refuse();
    expect(check.holds()).toBe(false);
    // Had x0 stayed at 5, x1 = 5 and x2 = 2 would keep both rows; back at 4, x0 + x1 = 9.
    check.move(1, 5, WIDE);
    check.move(2, 2, WIDE);
    expect(check.holds()).toBe(false);
    // Nor does the refusal outlive its point.
    check.move(0, 5, WIDE);
    check.move(1, 5, WIDE);
    check.move(2, 2, WIDE);
    expect(check.holds()).toBe(true);
  });

  it("shows the visitor every moved cell of a point that holds, past the first 16, and none of one that fails", () => {
    // One row: the 20 cells sum to 20, truth all 1; a point moves them all.
    const cells = Array.from({ length: 20 }, (_, cell) => cell);
    const check = new PointCheck(
      checkRows([{ cells, coefficients: cells.map(() => 1), rhs: 20 }]),
      cells.map(() => 1),
    );
    const seen: [number, number][] = [];
    const visit = (cell: number, value: number) => seen.push([cell, value]);
    const value = (cell: number) => (cell % 2 === 0 ? 2 : 0);
    for (const cell of cells) check.move(cell, value(cell), WIDE);
    expect(check.holds(visit)).toBe(true);
    expect(seen).toEqual(cells.map((cell) => [cell, value(cell)]));
    seen.length = 0;
    for (const cell of cells) check.move(cell, 2, WIDE);
    expect(check.holds(visit)).toBe(false);
    expect(seen).toEqual([]);
  });
});
