import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Release, ReleaseGroup } from "../../analysis/release-types";
import type { Lin } from "../../analysis/sequence-answer-pins";
import {
  provenBatch,
  provenPin,
  type RelaxedBounds,
} from "../../analysis/sequence-answer-relaxation";
import { type AnswerFinding, auditAnswerSequence } from "../../analysis/sequence-answers";
import type { TrueCounts } from "../../analysis/true-group-counts";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const VALUES = ["yes", "no", null] as const;
/** The organisation: org = P + S, P = Q + R, S = S1 + S2. */
const PARENTS = { org: null, P: "org", S: "org", Q: "P", R: "P", S1: "S", S2: "S" } as const;
type Unit = keyof typeof PARENTS;
/** A group's size and its table (yes, no, no answer), or the table withheld. */
type Group = [number, [number, number, number] | "protected"];

function release(groups: Record<Unit, Group>): Release {
  const units = Object.keys(PARENTS) as Unit[];
  return {
    k: 3,
    units: units.map((id) => ({ id, parentId: PARENTS[id] })),
    dimensions: [],
    crosses: [],
    knownHeadcounts: {},
    groups: units.map((unit): ReleaseGroup => {
      const [n, table] = groups[unit];
      return {
        id: `${unit}/all`,
        unitId: unit,
        part: "all",
        filters: [],
        n: { value: n },
        items: [
          table === "protected"
            ? { key: "climate", kind: "single", hidden: "protected" }
            : {
                key: "climate",
                kind: "single",
                options: VALUES.map((value, i) => ({
                  value,
                  count: table[i] as number,
                  share: (table[i] as number) / n,
                })),
              },
        ],
      };
    }),
    comments: [],
    audit: {
      cells: 7,
      organisationOnly: false,
      hiddenPrimary: 0,
      hiddenSecondary: 0,
      hiddenUnanimity: 0,
      lpSolves: 0,
      rounds: 0,
      itemCells: 7,
      itemsHidden: 0,
      answersHidden: 0,
      itemRounds: 0,
    },
  };
}

function truth(tables: Record<Unit, [number, number, number]>): TrueCounts {
  const ids = Object.keys(tables) as Unit[];
  return Object.assign(
    new Map(ids.map((unit) => [`${unit}/all`, tables[unit].reduce((a, b) => a + b, 0)])),
    {
      answers: new Map([
        ["climate", new Map(ids.map((unit) => [`${unit}/all`, Uint32Array.from(tables[unit])]))],
      ]),
    },
  );
}

const P = "protected";
/**
 * Release 0 publishes P and Q, so R's withheld table is P's minus Q's; R is unchanged in
 * release 1 (5 both times), which withholds P: P's table is Q's, published, plus R's. S is the
 * organisation's minus P in both. Every batch is 0 or k (3): only "pinned" findings. The proof
 * that P's table in release 1 is pinned needs the rows of P, Q, R and the organisation: one step
 * out from P. S1 and S2 lie outside that neighbourhood.
 */
const tables0 = {
  org: [12, 15, 3],
  P: [4, 5, 1],
  Q: [2, 3, 0],
  R: [2, 2, 1],
  S: [8, 10, 2],
  S1: [3, 6, 1],
  S2: [5, 4, 1],
} satisfies Record<Unit, [number, number, number]>;
const tables1 = { ...tables0, org: [13, 17, 3], P: [5, 7, 1], Q: [3, 5, 0] } satisfies Record<
  Unit,
  [number, number, number]
>;
const releases = [
  release({
    org: [30, tables0.org],
    P: [10, tables0.P],
    Q: [5, tables0.Q],
    R: [5, P],
    S: [20, P],
    S1: [10, P],
    S2: [10, P],
  }),
  release({
    org: [33, tables1.org],
    P: [13, P],
    Q: [8, tables1.Q],
    R: [5, P],
    S: [20, P],
    S1: [10, P],
    S2: [10, P],
  }),
];
const truths = [truth(tables0), truth(tables1)];
const options = { sensitiveItems: new Set<string>(), truths };
const sorted = (findings: AnswerFinding[]) => findings.map((f) => JSON.stringify(f)).sort();

describe("relaxations over the LP cap", () => {
  it("prove the pinned tables the whole LP finds, so the question is left with no unsettled check", () => {
    const lifted = auditAnswerSequence(highs, releases, options);
    const pinnedP = lifted.findings.filter((f) => f.groupId === "P/all" && f.to === 1);
    expect(pinnedP.map((f) => [f.kind, f.option])).toEqual([
      ["pinned", "yes"],
      ["pinned", "no"],
      ["pinned", null],
    ]);
    const capped = auditAnswerSequence(highs, releases, {
      ...options,
      lpMaxColumns: 0,
      relaxations: { depth: 1 },
    });
    expect(capped.solves + capped.pinSolves).toBe(0);
    expect(capped.relaxation.pins).toBeGreaterThan(0);
    expect(capped.unsettled).toBe(0);
    expect(sorted(capped.findings)).toEqual(sorted(lifted.findings));
  });

  it("leave a check unsettled where the rows that pin it lie outside the neighbourhood", () => {
    const lifted = auditAnswerSequence(highs, releases, options);
    // Only P's own rows (one group's three counts per LP): its counts in release 1 lie anywhere
    // between release 0's and 3 more.
    const capped = auditAnswerSequence(highs, releases, {
      ...options,
      lpMaxColumns: 0,
      relaxations: { depth: 0, limit: 3, wide: false },
    });
    expect(capped.relaxation.parts).toBeGreaterThan(0);
    const pinnedP = capped.findings.filter((f) => f.groupId === "P/all" && f.to === 1);
    expect(pinnedP.map((f) => [f.option, f.unsettled])).toEqual([
      ["yes", true],
      ["no", true],
      [null, true],
    ]);
    // What it proves (R's table in release 0 is P's minus Q's, a row of R's alone) the whole LP
    // finds too, and every other real finding is still held against the releases, unsettled.
    const real = new Set(sorted(lifted.findings));
    for (const finding of sorted(capped.findings.filter((f) => !f.unsettled)))
      expect(real.has(finding)).toBe(true);
    const check = (f: AnswerFinding) => JSON.stringify([f.kind, f.option, f.groupId, f.from, f.to]);
    const held = new Set(capped.findings.map(check));
    for (const finding of lifted.findings) expect(held.has(check(finding))).toBe(true);
  });

  it("prove in the wider pass what the first passes leave unsettled", () => {
    const lifted = auditAnswerSequence(highs, releases, options);
    const capped = auditAnswerSequence(highs, releases, {
      ...options,
      lpMaxColumns: 0,
      relaxations: { depth: 0, limit: 3, wide: { depth: 1, limit: 100 } },
    });
    expect(capped.unsettled).toBe(0);
    expect(sorted(capped.findings)).toEqual(sorted(lifted.findings));
  });
});

/** Bounds a relaxation would give: one range per expression (by its first unknown). */
function bounds(ranges: Record<number, [number, number]>): RelaxedBounds {
  const range = (e: Lin) => ranges[e.vars[0] as number] as [number, number];
  return { min: (e) => range(e)[0], max: (e) => range(e)[1] };
}
const lin = (variable: number): Lin => ({ vars: [variable], coefs: [1], c: 0 });

describe("provenBatch", () => {
  const base = { k: 5, sensitive: true };
  it("proves 'all' where at most 0 newcomers answered otherwise and at least one arrived", () => {
    const proven = provenBatch({
      ...base,
      size: { expression: lin(0), open: true },
      options: [{ expression: lin(1), open: true, seen: 0 }],
      bounds: bounds({ 0: [1, 3], 1: [0, 0.4] }),
    });
    expect(proven).toEqual({ size: false, options: ["all"] });
  });

  it("leaves 'nearlyAll' unproven where no point shows the one other answer (the whole LP may give 'all')", () => {
    const proven = provenBatch({
      ...base,
      size: { expression: lin(0), open: false },
      options: [{ expression: lin(1), open: true, seen: 0 }],
      bounds: bounds({ 0: [2, 3], 1: [0, 1] }),
    });
    expect(proven.options).toEqual([null]);
    const shown = provenBatch({
      ...base,
      size: { expression: lin(0), open: false },
      options: [{ expression: lin(1), open: true, seen: 1 }],
      bounds: bounds({ 0: [2, 3], 1: [0, 1] }),
    });
    expect(shown.options).toEqual(["nearlyAll"]);
  });

  it("proves a size pinned to 1..k−1 only where the rounded range holds one number", () => {
    const size = (range: [number, number]) =>
      provenBatch({
        ...base,
        size: { expression: lin(0), open: true },
        options: [],
        bounds: bounds({ 0: range }),
      }).size;
    expect(size([2, 2])).toBe(true);
    expect(size([1.5, 2.5])).toBe(true);
    expect(size([2, 3])).toBe(false);
    expect(size([0, 0.5])).toBe(false);
    expect(size([5, 5])).toBe(false);
  });
});

describe("provenPin", () => {
  it("proves a count pinned at 1 or more, and a zero only where a point shows 0", () => {
    const pin = (range: [number, number], seen?: number) =>
      provenPin({ count: lin(0), bounds: bounds({ 0: range }), k: 5, seen });
    expect(pin([2, 2.5])).toBe("finding");
    expect(pin([2, 3])).toBe(null);
    expect(pin([0, 0.5], 0)).toBe("zero");
    expect(pin([0, 0.5])).toBe(null);
  });

  it("proves a small group's count only where its size stays under k", () => {
    const pin = (sizeMax: number) =>
      provenPin({
        count: lin(0),
        size: lin(1),
        bounds: bounds({ 0: [1, 1], 1: [1, sizeMax] }),
        k: 5,
        seen: 1,
      });
    expect(pin(4)).toBe("finding");
    expect(pin(5)).toBe(null);
  });
});
