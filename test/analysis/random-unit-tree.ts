import fc from "fast-check";
import { applyPrimarySuppression, type CellModel, type Equation } from "../../analysis/cell-model";

/** Random unit trees by one category for the LP audit's property tests, k = 5. */
const K = 5;

/**
 * A unit tree by one category: per unit, everyone and each value, for the whole subtree (all)
 * and for the staff directly in it (direct). Equations: all = direct + Σ sub-units (per value
 * and in total), and total = Σ values (all and direct). A unit without sub-units makes all =
 * direct two-cell equations, a single sub-unit makes chains of them: what the elimination
 * cascades through.
 */
export interface TreeCase {
  parents: number[];
  values: number;
  direct: number[];
  hide: boolean[];
  protect: number[];
  lower: number[];
  cap: number[];
}

/** The tree as a cell model, primary groups hidden and the chosen cells hidden too. */
export function treeModel(input: TreeCase): CellModel {
  const units = input.parents.length + 1;
  const width = input.values + 1;
  const all = (unit: number, value: number) => unit * 2 * width + value;
  const direct = (unit: number, value: number) => unit * 2 * width + width + value;
  const size = units * 2 * width;
  const n = new Array<number>(size).fill(0);
  const children: number[][] = Array.from({ length: units }, () => []);
  input.parents.forEach((parent, at) => {
    children[parent % (at + 1)]?.push(at + 1);
  });
  let next = 0;
  for (let unit = 0; unit < units; unit++) {
    for (let value = 1; value <= input.values; value++) {
      const count = input.direct[next++ % input.direct.length] as number;
      n[direct(unit, value)] = count;
      n[direct(unit, 0)] = (n[direct(unit, 0)] as number) + count;
    }
  }
  // Children have higher numbers: add subtrees from the leaves up.
  for (let unit = units - 1; unit >= 0; unit--) {
    for (let value = 0; value <= input.values; value++) {
      n[all(unit, value)] =
        (n[direct(unit, value)] as number) +
        (children[unit] as number[]).reduce(
          (sum, child) => sum + (n[all(child, value)] as number),
          0,
        );
    }
  }
  const equations: Equation[] = [];
  for (let unit = 0; unit < units; unit++) {
    for (let value = 0; value <= input.values; value++) {
      equations.push({
        total: all(unit, value),
        parts: [direct(unit, value), ...(children[unit] as number[]).map((c) => all(c, value))],
      });
    }
    const values = Array.from({ length: input.values }, (_, v) => v + 1);
    equations.push({
      total: all(unit, 0),
      parts: values.map((v) => all(unit, v)),
      partition: true,
    });
    equations.push({
      total: direct(unit, 0),
      parts: values.map((v) => direct(unit, v)),
      partition: true,
    });
  }
  const pick = <T>(list: T[], cell: number) => list[cell % list.length] as T;
  const model: CellModel = {
    k: K,
    n,
    hidden: n.map(() => null),
    equations,
    // Bounded cells: a known cap (a headcount) at or above the true count.
    upper: n.map((count, cell) => {
      const extra = pick(input.cap, cell);
      return extra >= 0 ? count + extra : Number.POSITIVE_INFINITY;
    }),
    // Known lower bounds at or below the true count (CellModel.lower).
    lower: n.map((count, cell) => Math.max(0, count - pick(input.lower, cell))),
    cost: [...n],
  };
  applyPrimarySuppression(model);
  n.forEach((count, cell) => {
    if (model.hidden[cell] !== null || !pick(input.hide, cell)) return;
    model.hidden[cell] =
      pick(input.protect, cell) === 0 ? "protected" : count >= K ? "secondary" : "unanimity";
  });
  return model;
}

export const treeCase: fc.Arbitrary<TreeCase> = fc.record({
  parents: fc.array(fc.nat(6), { minLength: 1, maxLength: 6 }),
  values: fc.integer({ min: 2, max: 3 }),
  direct: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 13 }),
  hide: fc.array(fc.boolean(), { minLength: 7, maxLength: 13 }),
  // A quarter of the hidden cells say nothing of their size (protected).
  protect: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 9 }),
  // Mostly no known lower bound (a large gap means 0), sometimes one close to the count.
  lower: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 11 }),
  // Mostly no cap (−1), sometimes one at or a little above the count.
  cap: fc.array(fc.integer({ min: -6, max: 3 }), { minLength: 3, maxLength: 11 }),
});
