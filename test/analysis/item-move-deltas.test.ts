import { describe, expect, it } from "vitest";
import { IntegerBounds } from "../../analysis/item-bounds";
import type { LpCheck } from "../../analysis/item-lp";
import { MoveDeltas } from "../../analysis/item-move-deltas";

/**
 * A published group T of 3 (cell 2) split into two hidden groups: A (cell 0, one person who
 * answered "0") and B (cell 1, two people who answered "1"). T's answers are published, so the
 * attacker's system is A + B = T for the sizes and for every answer's count and rest. The check:
 * "everyone in A answered 0" must not be derivable, so a point with someone in A not answering
 * 0 opens it.
 */
function twoHiddenGroups() {
  const bounds = new IntegerBounds();
  const slots = 2;
  const n = [1, 2, 3];
  const table = Float64Array.of(1, 0, 0, 2, 1, 2);
  const truth: number[] = [];
  const vars = [0, 1].map((cell) => {
    const size = bounds.add(0, 3);
    truth.push(n[cell] as number);
    const count = bounds.size;
    for (let slot = 0; slot < slots; slot++) {
      bounds.add(0, 3);
      truth.push(table[cell * slots + slot] as number);
    }
    const rest = bounds.size;
    for (let slot = 0; slot < slots; slot++) {
      bounds.add(0, 3);
      truth.push((n[cell] as number) - (table[cell * slots + slot] as number));
    }
    return { size, count, rest, slack: -1 };
  }) as [VarsOf, VarsOf];
  const [a, b] = vars;
  bounds.equation([a.size, b.size], [1, 1], 3);
  for (let slot = 0; slot < slots; slot++) {
    bounds.equation([a.count + slot, b.count + slot], [1, 1], table[4 + slot] as number);
    bounds.equation([a.rest + slot, b.rest + slot], [1, 1], 3 - (table[4 + slot] as number));
    for (const cell of vars)
      bounds.equation([cell.count + slot, cell.rest + slot, cell.size], [1, 1, -1], 0);
  }
  for (const cell of vars) bounds.equation([cell.count, cell.count + 1, cell.size], [1, 1, -1], 0);
  bounds.tighten();
  const checks: LpCheck[] = [{ ways: [{ variable: a.rest, up: true, value: 1, truth: 0 }] }];
  const deltas = new MoveDeltas(
    {
      kind: "single",
      slots,
      bounds,
      truth: Float64Array.from(truth),
      n,
      table,
      variablesOf: (cell) => vars[cell],
      published: (cell) => cell >= 2,
    },
    checks,
    [0],
  );
  return deltas;
}
type VarsOf = { size: number; count: number; rest: number; slack: number };

/** Respondent places: A's person counts in A and T, B's people in B and T. */
const inA = Int32Array.of(0, 2);
const inB = Int32Array.of(1, 2);

/** `people` of A's who answered 0 answer 1, and as many of B's who answered 1 answer 0. */
function exchangeAnswers(deltas: MoveDeltas, people: number) {
  deltas.add(inA, 0, 2, 0, -people);
  deltas.add(inB, 0, 2, 1, -people);
  deltas.add(inA, 0, 2, 1, people);
  deltas.add(inB, 0, 2, 0, people);
  deltas.consider();
}

describe("changes of figures tried as points (respondent moves)", () => {
  it("opens a check with a change that leaves every published figure as it is", () => {
    // A's person and one of B's exchange their answers: T's counts stay.
    const deltas = twoHiddenGroups();
    exchangeAnswers(deltas, 1);
    expect(deltas.opened).toEqual([0]);
  });

  it("opens nothing with a change that moves a published figure of the system", () => {
    // A's person changes answer alone: T's published counts would change.
    const deltas = twoHiddenGroups();
    deltas.add(inA, 0, 2, 0, -1);
    deltas.add(inA, 0, 2, 1, 1);
    deltas.consider();
    expect(deltas.opened).toEqual([]);
    // Someone joins B and gives answer 0 (T's size and count of 0 change the other way):
    // the known part does not cancel the first change's, so no sum is tried.
    deltas.add(inB, 0, 2, 0, 1);
    deltas.consider();
    expect(deltas.opened).toEqual([]);
  });

  it("opens a check with two changes whose changes to published figures cancel", () => {
    const deltas = twoHiddenGroups();
    deltas.add(inA, 0, 2, 0, -1);
    deltas.add(inA, 0, 2, 1, 1);
    deltas.consider();
    // One of B's people changes answer the other way: T's counts change back.
    deltas.add(inB, 0, 2, 1, -1);
    deltas.add(inB, 0, 2, 0, 1);
    deltas.consider();
    expect(deltas.opened).toEqual([0]);
  });

  it("opens nothing with a change that keeps published figures but leaves the bounds", () => {
    // Two people answering 0 leave A (which has one): A's count of 0 would be −1.
    const deltas = twoHiddenGroups();
    exchangeAnswers(deltas, 2);
    expect(deltas.opened).toEqual([]);
  });
});
