import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRanges, noProvenRanges, provenAfterPublishing } from "../../analysis/audit-ranges";
import { type CellModel, cellBounds } from "../../analysis/cell-model";
import { satisfiesSystem, witnessRanges } from "../../analysis/width-witnesses";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/**
 * A unit of 22 (cell 0) split into two sub-units A (1) and B (2), each by gender: A = 6 + 4
 * (cells 3, 4), B = 6 + 6 (cells 5, 6), women 12 (cell 7), men 10 (cell 8). The total and the
 * gender totals are published, everything else hidden.
 */
function twoByTwo(): CellModel {
  return {
    k: 5,
    n: [22, 10, 12, 6, 4, 6, 6, 12, 10],
    hidden: [
      null,
      "secondary",
      "secondary",
      "secondary",
      "primary",
      "secondary",
      "secondary",
      null,
      null,
    ],
    equations: [
      { total: 0, parts: [1, 2] },
      { total: 1, parts: [3, 4], partition: true },
      { total: 2, parts: [5, 6], partition: true },
      { total: 7, parts: [3, 5] },
      { total: 8, parts: [4, 6] },
    ],
    upper: Array(9).fill(Number.POSITIVE_INFINITY),
    cost: Array(9).fill(1),
  };
}

const HIDDEN = [1, 2, 3, 4, 5, 6];

/**
 * The same, offering one direction: a woman of A swaps with a man of B (3+, 4−, 5−, 6+), a true
 * cycle, unless `extra` steps break it.
 */
function offeringCycle(extra: [number, number][] = []): CellModel {
  const model = twoByTwo();
  model.witnessDirections = () => [new Map([[3, 1], [4, -1], [5, -1], [6, 1], ...extra])];
  return model;
}

describe("width witnesses", () => {
  it("accepts a point that keeps every equation and bound: one woman of A swaps with a man of B", () => {
    const model = twoByTwo();
    const point = new Map([
      [3, 7],
      [4, 3],
      [5, 5],
      [6, 7],
    ]);
    expect(satisfiesSystem(model, point, (cell) => cellBounds(model, cell))).toBe(true);
  });

  it("refuses a point that breaks one equation, a bound, or moves a published cell", () => {
    const model = twoByTwo();
    const bounds = (cell: number) => cellBounds(model, cell);
    // Women of A up, men of A down, but B left alone: the women total (published) breaks.
    expect(
      satisfiesSystem(
        model,
        new Map([
          [3, 7],
          [4, 3],
        ]),
        bounds,
      ),
    ).toBe(false);
    // Balanced, but a secondary cell falls under k.
    expect(
      satisfiesSystem(
        model,
        new Map([
          [3, 4],
          [4, 6],
          [5, 7],
          [6, 3],
        ]),
        bounds,
      ),
    ).toBe(false);
    // A published cell moved.
    expect(satisfiesSystem(model, new Map([[7, 12]]), bounds)).toBe(false);
  });

  it("shows nothing wide from a direction that breaks one equation (the check is what stops it)", () => {
    // Offers only a broken direction: A's women and B's men up, A's men and B's women down,
    // but A's total up too — A = women + men no longer holds.
    const model = offeringCycle([[1, 1]]);
    const component = { cells: HIDDEN };
    const bounds = HIDDEN.map((cell) => cellBounds(model, cell));
    const shown = witnessRanges(model, component, bounds, { open: () => true, need: () => 1 });
    expect(shown.points).toBe(0);
    expect(shown.refused).toBeGreaterThan(0);
    expect([...shown.low]).toEqual(HIDDEN.map((cell) => model.n[cell]));
    expect([...shown.high]).toEqual(HIDDEN.map((cell) => model.n[cell]));
  });

  it("shows every cell of a true cycle wide at once, and the LP audit then agrees without asking", () => {
    const model = offeringCycle();
    const bounds = HIDDEN.map((cell) => cellBounds(model, cell));
    const shown = witnessRanges(model, { cells: HIDDEN }, bounds, {
      open: () => true,
      need: () => 1,
    });
    // One way only: A's men (primary, 4) cannot go up to 5.
    expect(shown.points).toBe(1);
    for (const cell of [3, 4, 5, 6]) {
      const at = HIDDEN.indexOf(cell);
      expect((shown.high[at] as number) - (shown.low[at] as number)).toBeGreaterThanOrEqual(1);
    }
    const plain = auditRanges(highs, twoByTwo());
    const withWitnesses = auditRanges(highs, model, undefined, { witnessesFrom: 0 });
    expect(withWitnesses.exact).toEqual(plain.exact);
    expect(withWitnesses.narrow).toEqual(plain.narrow);
    expect(withWitnesses.solves).toBeLessThan(plain.solves);
  });

  // Publishing a cell as derivable keeps the proofs whose points held it at its true value. A
  // witness point moves a handful of cells and holds every other one: its proofs must survive
  // publishing a cell it did not move, or a later round asks the whole component again (at 1,000
  // units, 917 cells of the giant component after one derivable cell was published).
  it("keeps the proofs of witness points through publishing a cell they did not move", () => {
    const model = offeringCycle();
    const proven = noProvenRanges(model.n.length, { keepPoints: true });
    auditRanges(highs, model, proven, { witnessesFrom: 0 });
    expect([3, 4, 5, 6].map((cell) => proven.wide[cell])).toEqual([1, 1, 1, 1]);
    // The sub-unit totals (10 and 12) published; the witness moved neither.
    model.hidden[1] = null;
    model.hidden[2] = null;
    const kept = provenAfterPublishing(model, proven, [1, 2]);
    expect([3, 4, 5, 6].map((cell) => kept.wide[cell])).toEqual([1, 1, 1, 1]);
    // A's women published instead: the witness moved them, so its proofs are gone.
    const moved = twoByTwo();
    moved.hidden[3] = null;
    expect([4, 5, 6].map((cell) => provenAfterPublishing(moved, proven, [3]).wide[cell])).toEqual([
      0, 0, 0,
    ]);
  });
});
