import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lin } from "../../analysis/sequence-answer-pins";
import { ColumnGroups } from "../../analysis/sequence-answer-points";
import { targetedPoints } from "../../analysis/sequence-answer-targeted-points";
import { auditAnswerSequence } from "../../analysis/sequence-answers";
import probeCase from "./sequence-answers-case.json";
import { serveCase } from "./serve-answer-case";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("targeted points over the LP cap", () => {
  it("settle every check the earlier points leave open in a release with no finding", () => {
    // The probe's random campaign (k = 3) as the sequence audit serves it: the whole LP finds
    // nothing. At cap 0 the moves and neighbourhood pushes leave 200+ checks open, none a
    // finding, so no relaxation can prove them; each pushed on its own neighbourhood is open.
    const { shown, truths, keys } = serveCase(highs, probeCase);
    const options = { sensitiveItems: keys, truths };
    expect(auditAnswerSequence(highs, shown, options).findings).toEqual([]);
    const capped = { ...options, lpMaxColumns: 0, everyPoint: true };
    const without = auditAnswerSequence(highs, shown, { ...capped, targeted: false });
    expect(without.unsettled).toBeGreaterThan(100);
    const audit = auditAnswerSequence(highs, shown, capped);
    expect(audit.solves + audit.pinSolves).toBe(0);
    expect(audit.targeted.batches + audit.targeted.pins).toBe(without.unsettled);
    expect(audit.unsettled).toBe(0);
    expect(audit.findings).toEqual([]);
  }, 120_000);
});

describe("targetedPoints", () => {
  // x0 + x1 = 4, x1 + x2 = 4 over groups a, b, c (one column each), the truth (2, 2, 2). The
  // whole system leaves x0 anywhere in 0..4 (x0 = x2); with x2 held, a's neighbourhood pins it.
  const system = {
    rows: [
      { variables: [0, 1], coefficients: [1, 1], lower: 4, upper: 4 },
      { variables: [1, 2], coefficients: [1, 1], lower: 4, upper: 4 },
    ],
    lower: [0, 0, 0],
    upper: [4, 4, 4],
    chains: [0, 1, 2].map((j) => ({ key: `x${j}`, release: 0 })),
  };
  const truth = Float64Array.from([2, 2, 2]);
  const groups = new ColumnGroups(["a", "b", "c"], system.rows);
  const x0: Lin = { vars: [0], coefs: [1], c: 0 };

  /** The points `see` is told of when every push gives `point`. */
  function seen(point: number[]): number[][] {
    const points: number[][] = [];
    targetedPoints(
      highs,
      system,
      truth,
      groups,
      ["x0"],
      {
        groupsOf: () => ["a"],
        forms: () => [{ expression: x0, sense: "max" }],
        isOpen: () => points.length === 0,
        see: (found) => points.push([...found]),
      },
      { solves: 0, parts: 0 },
      {
        depth: 1,
        lpOf: () => ({ push: () => Float64Array.from(point), solves: 0, dispose: () => {} }),
      },
    );
    return points;
  }

  it("refuses a point that breaks a row outside the part's LP", () => {
    // x0 = 3 with x1 = 1 holds a's row and breaks x1 + x2 = 4 (x2 held at 2): an LP that drops
    // the rows across its boundary would give it, and x0 would look open.
    expect(seen([3, 1, 2])).toEqual([]);
  });

  it("takes a point of the whole system", () => {
    expect(seen([3, 1, 3])).toEqual([[3, 1, 3]]);
  });
});
