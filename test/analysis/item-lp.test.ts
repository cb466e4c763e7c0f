import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { IntegerBounds } from "../../analysis/item-bounds";
import { lpClosedChecks } from "../../analysis/item-lp";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

// x + y = 2, y + z = 2, x + z = 2 with each in 0..2: every equation alone leaves each unknown
// anywhere in 0..2, but added up they pin x = y = z = 1.
function triangle(): { bounds: IntegerBounds; x: number; y: number; z: number } {
  const bounds = new IntegerBounds();
  const [x, y, z] = [bounds.add(0, 2), bounds.add(0, 2), bounds.add(0, 2)] as [
    number,
    number,
    number,
  ];
  bounds.equation([x, y], [1, 1], 2);
  bounds.equation([y, z], [1, 1], 2);
  bounds.equation([x, z], [1, 1], 2);
  bounds.tighten();
  return { bounds, x, y, z };
}

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
      Number.POSITIVE_INFINITY,
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
      Number.POSITIVE_INFINITY,
    );
    expect(result.closed).toEqual([]);
    expect(result.solves).toBeGreaterThan(0);
  });

  it("skips a system over the size cap instead of solving it", () => {
    const { bounds, x } = triangle();
    const result = lpClosedChecks(
      highs,
      bounds,
      [{ ways: [{ variable: x, up: true, value: 2, truth: 1 }] }],
      2,
    );
    expect(result).toEqual({ closed: [], solves: 0, skipped: true });
  });
});
