import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditRanges } from "../../analysis/audit-ranges";
import type { CellModel } from "../../analysis/cell-model";
import * as elimination from "../../analysis/eliminate-doubletons";

vi.mock("../../analysis/eliminate-doubletons", { spy: true });

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

// A later round of a headcount date often leaves a component of 12,000 hidden cells with
// nothing for a whole LP (its open cells settled in windows around them): substituting its
// two-cell equations away is work for that LP alone.
describe("auditRanges substitutes equations away only for an LP", () => {
  // 10 = a + b, both hidden as "at least 5": bound tightening pins both at 5.
  const pinned = (): CellModel => ({
    k: 5,
    n: [10, 5, 5],
    hidden: [null, "secondary", "secondary"],
    equations: [{ total: 0, parts: [1, 2] }],
    upper: [10, 10, 10].map(() => Number.POSITIVE_INFINITY),
    cost: [1, 1, 1],
  });

  it("not when bound tightening settles every cell", () => {
    vi.mocked(elimination.eliminateDoubletons).mockClear();
    const findings = auditRanges(highs, pinned());
    expect(findings.exact).toEqual([1, 2]);
    expect(findings.solves).toBe(0);
    expect(elimination.eliminateDoubletons).not.toHaveBeenCalled();
  });

  it("once when a cell needs the LP", () => {
    // 12 = a + b: a and b range over 5..7, which only an LP shows.
    const model = { ...pinned(), n: [12, 6, 6] };
    vi.mocked(elimination.eliminateDoubletons).mockClear();
    const findings = auditRanges(highs, model);
    expect(findings.exact).toEqual([]);
    expect(findings.solves).toBeGreaterThan(0);
    expect(elimination.eliminateDoubletons).toHaveBeenCalledTimes(1);
  });
});
