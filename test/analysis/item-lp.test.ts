import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { IntegerBounds } from "../../analysis/item-bounds";
import { type LpBudget, lpClosedChecks } from "../../analysis/item-lp";
import { triangle } from "./item-lp-triangle";

const plenty = (): LpBudget => ({ work: 1e9 });

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("the item audit's LP stage", () => {
  it("finds what bound tightening equation by equation leaves open", () => {
    const { bounds, x, y, z } = triangle();
    // Tightening alone: nothing pinned.
    expect([bounds.lows[x], bounds.highs[x]]).toEqual([0, 2]);
    const { closed } = lpClosedChecks(
      highs,
      bounds,
      [
        // "x is exactly 1": neither 2 nor 0 is reachable.
        {
          ways: [
            { variable: x, up: true, value: 2, truth: 1 },
            { variable: x, up: false, value: 0, truth: 1 },
          ],
        },
        // "y is at most 1" (all but at most one of a group): y never reaches 2.
        { ways: [{ variable: y, up: true, value: 2, truth: 1 }] },
        // Already left open by the true figures: no LP needed.
        { ways: [{ variable: z, up: false, value: 1, truth: 1 }] },
      ],
      plenty(),
    );
    expect(closed).toEqual([0, 1]);
  });

  it("leaves a check open when some LP solution reaches past its threshold", () => {
    const bounds = new IntegerBounds();
    const [x, y] = [bounds.add(0, 5), bounds.add(0, 5)] as [number, number];
    bounds.equation([x, y], [1, 1], 5);
    bounds.tighten();
    const result = lpClosedChecks(
      highs,
      bounds,
      [
        { ways: [{ variable: x, up: true, value: 2, truth: 0 }] },
        { ways: [{ variable: y, up: true, value: 4, truth: 5 }] },
        {
          ways: [
            { variable: x, up: true, value: 1, truth: 0 },
            { variable: x, up: false, value: -1, truth: 0 },
          ],
        },
      ],
      plenty(),
    );
    expect(result.closed).toEqual([]);
    expect(result.solves).toBeGreaterThan(0);
  });

  it("counts every check not yet shown open as derivable once the budget is spent", () => {
    const { bounds, x } = triangle();
    const checks = [
      // Closed in truth (x is 1), so it would need an LP: with no budget it counts as a leak.
      { ways: [{ variable: x, up: true, value: 2, truth: 1 }] },
      // Left open by the true figures: never a leak, budget or not.
      { ways: [{ variable: x, up: false, value: 1, truth: 1 }] },
    ];
    expect(lpClosedChecks(highs, bounds, checks, { work: 0 })).toMatchObject({
      closed: [0],
      solves: 0,
      exhausted: true,
      proven: false,
    });
    // A budget too small for one solve: the solver stops at its iteration limit, same answer.
    const tiny = lpClosedChecks(highs, bounds, checks, { work: 1 });
    expect(tiny.closed).toEqual([0]);
    expect(tiny.exhausted).toBe(true);
  });

  it("opens checks in a restricted system, and searches the whole of a large system for what it leaves", () => {
    // a + b = 4 and c + d = 4, with a + c = 4: truth a = 2, b = 2, c = 2, d = 2.
    const bounds = new IntegerBounds();
    const [a, b, c, d] = [0, 1, 2, 3].map(() => bounds.add(0, 4)) as [
      number,
      number,
      number,
      number,
    ];
    bounds.equation([a, b], [1, 1], 4);
    bounds.equation([c, d], [1, 1], 4);
    bounds.equation([a, c], [1, 1], 4);
    bounds.tighten();
    const truth = Float64Array.from([2, 2, 2, 2]);
    // One move: y from b to a and from c to d (a and c move together, one y for all).
    const pass = { group: Int32Array.from([0, 0, 0, 0]), sign: Int8Array.from([1, -1, -1, 1]) };
    const checks = [
      // a can reach 3 (a = 3, b = 1, c = 1, d = 3): opened by the restricted pass.
      { ways: [{ variable: a, up: true, value: 3, truth: 2 }] },
      // b can reach 0 as well: also opened by the same pass.
      { ways: [{ variable: b, up: false, value: 0, truth: 2 }] },
    ];
    const restricted = lpClosedChecks(
      highs,
      bounds,
      checks,
      plenty(),
      { truth, passes: [pass] },
      0,
    );
    expect(restricted.closed).toEqual([]);
    // With a pass that cannot move a, a large system's search (a point inside it, then its
    // extremes on one model) still shows the check open; a closed one it proves closed.
    const still = { group: pass.group, sign: Int8Array.from([0, 0, 0, 0]) };
    const searched = lpClosedChecks(
      highs,
      bounds,
      [
        checks[0] as (typeof checks)[number],
        // a never reaches 5 (its bound is 4).
        { ways: [{ variable: a, up: true, value: 5, truth: 2 }] },
      ],
      plenty(),
      { truth, passes: [still] },
      0,
    );
    expect(searched.closed).toEqual([1]);
    expect(searched.proven).toBe(true);
    // In a system solved whole, a system around the check (each variable near it moving on its
    // own) opens it first; it is asked for with the check's own variable.
    const asked: number[] = [];
    const around = (variable: number) => {
      asked.push(variable);
      return {
        group: Int32Array.from([0, 1, 2, 3]),
        sign: Int8Array.from([1, 1, 1, 1]),
        settles: () => true,
      };
    };
    const local = lpClosedChecks(highs, bounds, [checks[0] as (typeof checks)[number]], plenty(), {
      truth,
      passes: [still],
      around,
    });
    expect(local.closed).toEqual([]);
    expect(asked).toEqual([a]);
    // The whole system, allowed, shows it open.
    expect(
      lpClosedChecks(highs, bounds, [checks[0] as (typeof checks)[number]], plenty(), {
        truth,
        passes: [still],
      }).closed,
    ).toEqual([]);
  });
});
