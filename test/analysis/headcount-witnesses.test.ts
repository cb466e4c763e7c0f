import { describe, expect, it } from "vitest";
import { type HeadcountCellGrid, personDirections } from "../../analysis/headcount-witnesses";
import { buildUnitTree } from "../../analysis/unit-tree";

/**
 * An organisation (node 0) with two units A (1) and B (2) without sub-units, two job levels and
 * one dimension of two values, every cell listed: cell = node · 9 + level · 3 + slot (level 0
 * and slot 0 are the totals).
 */
function twoUnits(): { grid: HeadcountCellGrid; equations: { total: number; parts: number[] }[] } {
  const tree = buildUnitTree("ORG", [
    { id: "ORG", parentId: null },
    { id: "A", parentId: "ORG" },
    { id: "B", parentId: "ORG" },
  ]);
  const cellOf = (node: number, level: number, slot: number) => node * 9 + level * 3 + slot;
  const cells = Array.from({ length: 27 }, (_, cell) => cell);
  const grid: HeadcountCellGrid = {
    tree,
    levels: 3,
    dimensionSlots: [[1, 2]],
    at: (node, part, level, slot) => (part === 0 ? cellOf(node, level, slot) : -1),
    node: Int32Array.from(cells, (cell) => Math.floor(cell / 9)),
    part: new Int8Array(27),
    level: Int32Array.from(cells, (cell) => Math.floor(cell / 3) % 3),
    slot: Int32Array.from(cells, (cell) => cell % 3),
    hasDirect: () => false,
  };
  const equations: { total: number; parts: number[] }[] = [];
  for (let level = 0; level < 3; level++) {
    for (let slot = 0; slot < 3; slot++) {
      equations.push({
        total: cellOf(0, level, slot),
        parts: [cellOf(1, level, slot), cellOf(2, level, slot)],
      });
    }
  }
  for (let node = 0; node < 3; node++) {
    for (let slot = 0; slot < 3; slot++) {
      equations.push({
        total: cellOf(node, 0, slot),
        parts: [cellOf(node, 1, slot), cellOf(node, 2, slot)],
      });
    }
    for (let level = 0; level < 3; level++) {
      equations.push({
        total: cellOf(node, level, 0),
        parts: [cellOf(node, level, 1), cellOf(node, level, 2)],
      });
    }
  }
  return { grid, equations };
}

function seeded(seed: number): { random: () => number; calls: () => number } {
  let state = seed;
  let calls = 0;
  return {
    random: () => {
      calls++;
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    },
    calls: () => calls,
  };
}

describe("personDirections", () => {
  it("gives directions that change the cell and keep every equation of the tables", () => {
    const { grid, equations } = twoUnits();
    let found = 0;
    for (let cell = 9; cell < 27; cell++) {
      const { random } = seeded(cell);
      for (const direction of personDirections(grid, cell, random, 8, () => true)) {
        found++;
        expect(direction.get(cell)).not.toBe(0);
        for (const { total, parts } of equations) {
          const step = (c: number) => direction.get(c) ?? 0;
          expect(step(total) - parts.reduce((sum, part) => sum + step(part), 0)).toBe(0);
        }
      }
    }
    expect(found).toBeGreaterThan(18);
  });

  // The witness search stops once a cell is shown wide, mostly after the first direction:
  // making all eight up front was most of its time at 1,000 units.
  it("makes each direction only when it is asked for", () => {
    const { grid } = twoUnits();
    const cell = 9 + 3 + 1; // A, level 1, value 1
    const { random, calls } = seeded(7);
    const directions = personDirections(grid, cell, random, 8, () => true)[Symbol.iterator]();
    expect(directions.next().done).toBe(false);
    const afterFirst = calls();
    let more = 0;
    while (!directions.next().done) more++;
    expect(more).toBeGreaterThan(0);
    expect(calls()).toBeGreaterThan(afterFirst);
  });
});
