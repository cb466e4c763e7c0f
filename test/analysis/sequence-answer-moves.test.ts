import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Release, ReleaseGroup } from "../../analysis/release-types";
import { pinnedCounts } from "../../analysis/sequence-answer-pins";
import { auditAnswerSequence } from "../../analysis/sequence-answers";
import type { TrueCounts } from "../../analysis/true-group-counts";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const VALUES = ["yes", "no", null] as const;
type Table = [number, number, number] | "protected";

/** An organisation of two units a and b (org = a + b), every size published, k = 3. */
function release(groups: Record<"org" | "a" | "b", [number, Table]>): Release {
  return {
    k: 3,
    units: [
      { id: "org", parentId: null },
      { id: "a", parentId: "org" },
      { id: "b", parentId: "org" },
    ],
    dimensions: [],
    crosses: [],
    knownHeadcounts: {},
    groups: (["org", "a", "b"] as const).map((unit): ReleaseGroup => {
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
      cells: 3,
      organisationOnly: false,
      hiddenPrimary: 0,
      hiddenSecondary: 0,
      hiddenUnanimity: 0,
      lpSolves: 0,
      rounds: 0,
      itemCells: 3,
      itemsHidden: 0,
      answersHidden: 0,
      itemRounds: 0,
    },
  };
}

function truth(sizes: number[], tables: number[][]): TrueCounts {
  const ids = ["org/all", "a/all", "b/all"];
  return Object.assign(new Map(ids.map((id, i) => [id, sizes[i] as number])), {
    answers: new Map([
      ["climate", new Map(ids.map((id, i) => [id, Uint32Array.from(tables[i] ?? [])]))],
    ]),
  });
}

/**
 * The organisation's table is published, a's and b's are withheld in both releases: a reader
 * cannot pin them (one of a who said yes and one of b who said no could have answered the other
 * way round). The true counts are one point; without an LP (cap 0) only a second point shows it.
 */
const releases = [
  release({ org: [10, [4, 5, 1]], a: [5, "protected"], b: [5, "protected"] }),
  release({ org: [14, [6, 7, 1]], a: [9, "protected"], b: [5, "protected"] }),
];
const truths = [
  truth(
    [10, 5, 5],
    [
      [4, 5, 1],
      [2, 2, 1],
      [2, 3, 0],
    ],
  ),
  truth(
    [14, 9, 5],
    [
      [6, 7, 1],
      [4, 4, 1],
      [2, 3, 0],
    ],
  ),
];

describe("moved answers (pinned checks without LPs)", () => {
  it("settle withheld tables the true counts alone leave open, over the LP cap", () => {
    const audit = auditAnswerSequence(highs, releases, {
      sensitiveItems: new Set(),
      truths,
      lpMaxColumns: 0,
    });
    expect(audit.findings).toEqual([]);
    expect(audit.pinSolves).toBe(0);
    expect(audit.pins.byMoves).toBe(audit.pins.asked - audit.pins.byTruth);
    expect(audit.pins.byMoves).toBeGreaterThan(0);
    // The same releases by LP: nothing pinned either.
    expect(auditAnswerSequence(highs, releases, { sensitiveItems: new Set() }).findings).toEqual(
      [],
    );
  });

  it("leave a table the releases pin pinned (no move keeps every published count)", () => {
    // b is published in release 1 unchanged (5, nobody new), so its release-0 table is that one
    // and a's is the organisation's minus b's: pinned, whatever points are tried.
    const pinning = [
      release({ org: [10, [4, 5, 1]], a: [5, "protected"], b: [5, "protected"] }),
      release({ org: [14, "protected"], a: [9, "protected"], b: [5, [2, 3, 0]] }),
    ];
    const audit = auditAnswerSequence(highs, pinning, {
      sensitiveItems: new Set(),
      truths: [
        truths[0] as TrueCounts,
        truth(
          [14, 9, 5],
          [
            [6, 7, 1],
            [4, 4, 1],
            [2, 3, 0],
          ],
        ),
      ],
      lpMaxColumns: 0,
    });
    const early = audit.findings.filter((f) => f.to === 0 && f.groupId !== "org/all");
    expect(early.length).toBe(6);
    expect(early.every((f) => f.kind === "pinned" && f.unsettled)).toBe(true);
  });

  it("are checked against every row before they settle anything", () => {
    // x + y = 4 (a published total), both hidden; truth x = 1, y = 3; is x pinned? A "point" with
    // x = 2, y = 3 breaks the row and must not show x open.
    const model = {
      lower: [0, 0],
      upper: [4, 4],
      rows: [{ variables: [0, 1], coefficients: [1, 1], lower: 4, upper: 4 }],
    };
    const subject = {
      groupId: "x",
      from: -1,
      to: 0,
      slot: 0,
      count: { vars: [0], coefs: [1], c: 0 },
    };
    const truthPoint = Float64Array.from([1, 3]);
    const broken = () => [Float64Array.from([2, 3])];
    const rejected = pinnedCounts(highs, model, [subject], truthPoint, {
      k: 3,
      lpMaxColumns: 0,
      moves: broken,
    });
    expect(rejected.byMoves).toBe(0);
    expect(rejected.unsettled).toEqual([subject]);
    const feasible = () => [Float64Array.from([2, 2])];
    const settled = pinnedCounts(highs, model, [subject], truthPoint, {
      k: 3,
      lpMaxColumns: 0,
      moves: feasible,
    });
    expect(settled.byMoves).toBe(1);
    expect(settled.unsettled).toEqual([]);
  });
});
