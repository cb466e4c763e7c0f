import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease } from "../../analysis/build-sequenced-release";
import type { Release, ReleaseGroup, ReleaseItem } from "../../analysis/release-types";
import {
  type AnswerFinding,
  auditAnswerSequence,
  withholdAnswers,
} from "../../analysis/sequence-answers";
import type { TrueCounts } from "../../analysis/true-group-counts";
import type { ResponseRow } from "../../analysis/types";
import { breakdownItem, CLIMATE_ITEM, EXPERIENCED_ITEM } from "./random-campaign";
import probeCase from "./sequence-answers-case.json";
import pinnedCase from "./sequence-answers-pinned-case.json";
import { serveCase } from "./serve-answer-case";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const VALUES = ["yes", "no", null] as const;
const sensitiveItems = new Set(["experienced"]);

/** A table of the sensitive question (yes, no, no answer), or hidden by the item audit. */
type Table = [number, number, number] | "protected";

function item(table: Table, n: number): ReleaseItem {
  if (table === "protected") return { key: "experienced", kind: "single", hidden: "protected" };
  return {
    key: "experienced",
    kind: "single",
    options: VALUES.map((value, index) => ({
      value,
      count: table[index] as number,
      share: (table[index] as number) / n,
    })),
  };
}

/** An organisation of two units a and b (org = a + b), every size published. */
function release(k: number, groups: Record<"org" | "a" | "b", [number, Table]>): Release {
  return {
    k,
    units: [
      { id: "org", parentId: null },
      { id: "a", parentId: "org" },
      { id: "b", parentId: "org" },
    ],
    dimensions: [],
    crosses: [],
    knownHeadcounts: {},
    groups: (["org", "a", "b"] as const).map(
      (unit): ReleaseGroup => ({
        id: `${unit}/all`,
        unitId: unit,
        part: "all",
        filters: [],
        n: { value: groups[unit][0] },
        items: [item(groups[unit][1], groups[unit][0])],
      }),
    ),
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

/**
 * Release 0 hides a's and b's answers; release 1 publishes b again, unchanged (5), with its
 * answers: b's earlier table can only be the same, so a's earlier one is the organisation's
 * minus b's: all five said no.
 */
const before = release(3, { org: [10, [2, 8, 0]], a: [5, "protected"], b: [5, "protected"] });
const unmasking = release(3, { org: [14, [4, 10, 0]], a: [9, "protected"], b: [5, [2, 3, 0]] });

function truth(sizes: [number, number, number], tables: number[][]): TrueCounts {
  const ids = ["org/all", "a/all", "b/all"];
  return Object.assign(new Map(ids.map((id, index) => [id, sizes[index] as number])), {
    answers: new Map([
      ["experienced", new Map(ids.map((id, index) => [id, Uint32Array.from(tables[index] ?? [])]))],
    ]),
  });
}

describe("auditAnswerSequence", () => {
  it("finds an earlier hidden table unmasked by a later release (all said no)", () => {
    expect(auditAnswerSequence(highs, [before], { sensitiveItems }).findings).toEqual([]);
    const { findings } = auditAnswerSequence(highs, [before, unmasking], { sensitiveItems });
    expect(findings).toContainEqual({
      kind: "all",
      item: "experienced",
      option: "no",
      groupId: "a/all",
      from: -1,
      to: 0,
    });
  });

  it("settles by the true counts what they leave open, and finds the rest by LP", () => {
    const first = release(3, { org: [10, [4, 6, 0]], a: [5, "protected"], b: [5, "protected"] });
    const second = release(3, { org: [14, [6, 8, 0]], a: [9, "protected"], b: [5, "protected"] });
    const truths = [
      truth(
        [10, 5, 5],
        [
          [4, 6, 0],
          [2, 3, 0],
          [2, 3, 0],
        ],
      ),
      truth(
        [14, 9, 5],
        [
          [6, 8, 0],
          [4, 5, 0],
          [2, 3, 0],
        ],
      ),
    ];
    const audit = auditAnswerSequence(highs, [first, second], { sensitiveItems, truths });
    expect(audit.findings).toEqual([]);
    expect(audit.settledByTruth).toBeGreaterThan(0);
    expect(audit.solves).toBe(0);
    // Without them, the same verdict by LP.
    const alone = auditAnswerSequence(highs, [first, second], { sensitiveItems });
    expect(alone.findings).toEqual([]);
    expect(alone.solves).toBeGreaterThan(0);
  });

  it("does not let counts that contradict the releases settle anything", () => {
    // b's table in release 0 is said to be yes 0 / no 5, more no than release 1 publishes (3):
    // a's would then be yes 2 / no 3, which would close the check.
    const wrong = [
      truth(
        [10, 5, 5],
        [
          [2, 8, 0],
          [2, 3, 0],
          [0, 5, 0],
        ],
      ),
      truth(
        [14, 9, 5],
        [
          [4, 10, 0],
          [3, 6, 0],
          [1, 4, 0],
        ],
      ),
    ];
    const { findings } = auditAnswerSequence(highs, [before, unmasking], {
      sensitiveItems,
      truths: wrong,
    });
    expect(findings.some((f) => f.groupId === "a/all" && f.from === -1 && f.to === 0)).toBe(true);
  });
  it("holds what it cannot settle against the releases when the LP would be too large", () => {
    const safe = release(3, { org: [14, [6, 8, 0]], a: [9, "protected"], b: [5, "protected"] });
    const first = release(3, { org: [10, [4, 6, 0]], a: [5, "protected"], b: [5, "protected"] });
    expect(auditAnswerSequence(highs, [first, safe], { sensitiveItems }).findings).toEqual([]);
    const capped = auditAnswerSequence(highs, [first, safe], { sensitiveItems, lpMaxColumns: 0 });
    expect(capped.solves).toBe(0);
    expect(capped.unsettled).toBeGreaterThan(0);
    expect(capped.findings.length).toBeGreaterThan(0);
    expect(capped.findings.every((finding) => finding.unsettled)).toBe(true);
  });
});

/**
 * The item rule "a withheld table is not pinned", across releases: b has no newcomers between
 * the releases (5 both times), so its table is the one release 0 gives (the organisation's
 * minus a's), and the organisation's table that release 1 withholds is a's plus b's, exactly.
 * Not sensitive, batches of k: nothing else is found (release 0 gives b's table by itself, which
 * the single-release item audit would not allow; here it stands for any table the reader knows).
 */
const pinning = release(3, { org: [10, [4, 6, 0]], a: [5, [2, 3, 0]], b: [5, "protected"] });
const withheldOrganisation = release(3, {
  org: [13, "protected"],
  a: [8, [3, 5, 0]],
  b: [5, "protected"],
});

describe("a withheld table across releases", () => {
  it("is found pinned where the releases together give every count", () => {
    const { findings } = auditAnswerSequence(highs, [pinning, withheldOrganisation], {
      sensitiveItems: new Set(),
    });
    const organisation = findings.filter((f) => f.groupId === "org/all" && f.to === 1);
    expect(organisation.map((f) => [f.kind, f.option, f.whole])).toEqual([
      ["pinned", "yes", true],
      ["pinned", "no", true],
    ]);
    // Release 1 alone does not pin it (a's newcomers could have answered anything).
    expect(
      auditAnswerSequence(highs, [withheldOrganisation], { sensitiveItems: new Set() }).findings,
    ).toEqual([]);
  });
});

/**
 * The organisation's table is published, a's and b's are withheld in both releases: a reader
 * cannot pin them (one of a who said yes and one of b who said no could have answered the other
 * way round). The true counts are one point; without an LP (cap 0) only a second point shows it.
 */
const unpinned = [
  release(3, { org: [10, [4, 5, 1]], a: [5, "protected"], b: [5, "protected"] }),
  release(3, { org: [14, [6, 7, 1]], a: [9, "protected"], b: [5, "protected"] }),
];
const movable = [
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
    const audit = auditAnswerSequence(highs, unpinned, {
      sensitiveItems: new Set(),
      truths: movable,
      lpMaxColumns: 0,
    });
    expect(audit.findings).toEqual([]);
    expect(audit.pinSolves).toBe(0);
    expect(audit.pins.byMoves).toBe(audit.pins.asked - audit.pins.byTruth);
    expect(audit.pins.byMoves).toBeGreaterThan(0);
    // The same releases by LP: nothing pinned either.
    expect(auditAnswerSequence(highs, unpinned, { sensitiveItems: new Set() }).findings).toEqual(
      [],
    );
  });

  it("leave a table the releases pin pinned (no move keeps every published count)", () => {
    // b is published in release 1 unchanged (5, nobody new), so its release-0 table is that one
    // and a's is the organisation's minus b's: pinned, whatever points are tried.
    const pinned = [
      unpinned[0] as Release,
      release(3, { org: [14, "protected"], a: [9, "protected"], b: [5, [2, 3, 0]] }),
    ];
    const options = { sensitiveItems: new Set<string>(), truths: movable, lpMaxColumns: 0 };
    const early = (findings: AnswerFinding[]) =>
      findings
        .filter((f) => f.to === 0 && f.groupId !== "org/all")
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    const unproven = early(
      auditAnswerSequence(highs, pinned, { ...options, relaxations: false }).findings,
    );
    expect(unproven.length).toBe(6);
    expect(unproven.every((f) => f.kind === "pinned" && f.unsettled)).toBe(true);
    // A relaxation (a's and b's rows) proves them: the findings the whole LP gives.
    const proven = early(auditAnswerSequence(highs, pinned, options).findings);
    expect(proven).toEqual(
      early(auditAnswerSequence(highs, pinned, { ...options, lpMaxColumns: undefined }).findings),
    );
    expect(proven.every((f) => f.kind === "pinned" && !f.unsettled)).toBe(true);
  });
});

/**
 * b's size and table are hidden in both releases, yet each release alone gives them (the
 * organisation's minus a's: 2, one yes, one no). What its own release alone pins is the
 * single-release audit's part: the stacked audit drops it before its own LPs, with the same
 * findings as proving it pinned there first.
 */
function hiddenB(org: [number, Table], a: [number, Table]): Release {
  const base = release(3, { org, a, b: [2, "protected"] });
  return {
    ...base,
    groups: base.groups.map((group) =>
      group.unitId === "b" ? { ...group, n: { hidden: "primary" } } : group,
    ),
  };
}

describe("a hidden small group's own table its release alone pins", () => {
  it("is left to the single-release audit without stacked LPs", () => {
    const releases = [
      hiddenB([10, [4, 6, 0]], [8, [3, 5, 0]]),
      hiddenB([12, [5, 7, 0]], [10, [4, 6, 0]]),
    ];
    const truths = [
      truth(
        [10, 8, 2],
        [
          [4, 6, 0],
          [3, 5, 0],
          [1, 1, 0],
        ],
      ),
      truth(
        [12, 10, 2],
        [
          [5, 7, 0],
          [4, 6, 0],
          [1, 1, 0],
        ],
      ),
    ];
    const audit = auditAnswerSequence(highs, releases, { sensitiveItems: new Set(), truths });
    expect(audit.findings.filter((f) => f.kind === "pinned")).toEqual([]);
    // b's yes and no in each release: dropped after the pushes, before their own LPs.
    expect(audit.pins.byAlone).toBe(4);
    expect(audit.pins.lps).toBe(2);
    // Reported where its own pins are asked for.
    const own = auditAnswerSequence(highs, releases, {
      sensitiveItems: new Set(),
      truths,
      ownSmallPins: true,
    });
    expect(own.findings.filter((f) => f.kind === "pinned" && f.groupId === "b/all")).toHaveLength(
      4,
    );
  });
});

/**
 * The candidate withholds the question in every group and publishes sizes only: b unchanged (6),
 * so its hidden size in release 0 is at most 6 and a's (hidden, 1..2) is exactly 2; everyone in
 * the organisation said no, so a's two said no. The candidate pins a count of an earlier hidden
 * group through sizes alone, and with it that group's size: the "size" and "all" checks find it,
 * and over the LP cap the pinned check left open is held against the candidate too.
 */
const sizesOnly = {
  shown: withSizes(release(3, { org: [8, [0, 8, 0]], a: [2, "protected"], b: [6, "protected"] }), {
    "a/all": "primary",
    "b/all": "secondary",
  }),
  candidate: release(3, { org: [11, "protected"], a: [5, "protected"], b: [6, "protected"] }),
  truths: [
    truth(
      [8, 2, 6],
      [
        [0, 8, 0],
        [0, 2, 0],
        [0, 6, 0],
      ],
    ),
    truth(
      [11, 5, 6],
      [
        [1, 10, 0],
        [1, 4, 0],
        [0, 6, 0],
      ],
    ),
  ],
};

function withSizes(base: Release, hidden: Record<string, "primary" | "secondary">): Release {
  return {
    ...base,
    groups: base.groups.map((group) => {
      const reason = hidden[group.id];
      return reason ? { ...group, n: { hidden: reason } } : group;
    }),
  };
}

describe("a candidate that withholds the question in every group", () => {
  const options = { sensitiveItems: new Set<string>(), truths: sizesOnly.truths };
  const earlier = (findings: AnswerFinding[]) =>
    findings
      .filter((f) => f.groupId === "a/all" && f.from === -1 && f.to === 0)
      .map((f) => [f.kind, f.option ?? null, f.unsettled ?? false]);
  const { shown, candidate } = sizesOnly;

  it("is held back where its sizes pin an earlier hidden group's count, by LP", () => {
    const audit = auditAnswerSequence(highs, [shown, candidate], options);
    expect(earlier(audit.findings)).toEqual([
      ["pinned", "no", false],
      ["size", null, false],
      ["all", "no", false],
    ]);
    expect(withholdAnswers(highs, [shown], candidate, options).left.length).toBeGreaterThan(0);
  });

  it("is held back over the LP cap too: no check left open is dropped", () => {
    const capped = { ...options, lpMaxColumns: 0 };
    const audit = auditAnswerSequence(highs, [shown, candidate], capped);
    expect(earlier(audit.findings)).toEqual([
      ["pinned", "no", true],
      ["size", null, true],
      ["all", "no", true],
    ]);
    const { left } = withholdAnswers(highs, [shown], candidate, capped);
    expect(earlier(left)).toContainEqual(["size", null, true]);
  });
});

/**
 * Release 0 publishes every table; the candidate withholds the question everywhere, a has nobody
 * new (5), b five newcomers. a's table at the candidate can only be the one readers saw: pinned,
 * but no news.
 */
const unchangedA = {
  shown: release(3, { org: [10, [3, 7, 0]], a: [5, [2, 3, 0]], b: [5, [1, 4, 0]] }),
  candidate: release(3, { org: [15, "protected"], a: [5, "protected"], b: [10, "protected"] }),
  truths: [
    truth(
      [10, 5, 5],
      [
        [3, 7, 0],
        [2, 3, 0],
        [1, 4, 0],
      ],
    ),
    truth(
      [15, 5, 10],
      [
        [5, 10, 0],
        [2, 3, 0],
        [3, 7, 0],
      ],
    ),
  ],
};

describe("a candidate that shows a question nowhere, beside a group nobody joined", () => {
  const options = { sensitiveItems: new Set<string>(), truths: unchangedA.truths };
  const { shown, candidate } = unchangedA;

  it("is served: that group's table, pinned to the one shown before, is no news", () => {
    const pinnedA = auditAnswerSequence(highs, [shown, candidate], options).findings.filter(
      (f) => f.groupId === "a/all" && f.kind === "pinned" && f.to === 1,
    );
    // The stacked LP pins a's table at the candidate to release 0's…
    expect(pinnedA.map((f) => f.option).sort()).toEqual(["no", "yes"]);
    // …which readers already hold: nothing else tells, so the candidate is served.
    expect(withholdAnswers(highs, [shown], candidate, options).left).toEqual([]);
  });
});

describe("withholdAnswers", () => {
  it("withholds the candidate's tables beside the unmasked group until nothing tells", () => {
    const {
      release: served,
      left,
      rounds,
    } = withholdAnswers(highs, [before], unmasking, {
      sensitiveItems,
    });
    expect(left).toEqual([]);
    // One round finds the unmasked table and withholds beside it; the next finds nothing.
    expect(rounds).toBe(2);
    const b = served.groups.find((group) => group.id === "b/all");
    expect(b?.items[0]).toEqual({ key: "experienced", kind: "single", hidden: "protected" });
    expect(auditAnswerSequence(highs, [before, served], { sensitiveItems }).findings).toEqual([]);
  });
});

describe("answer tables across served releases", () => {
  const units = [
    { id: "a", parentId: null },
    { id: "b", parentId: null },
  ];
  const rows: ResponseRow[] = Array.from({ length: 41 }, (_, i) => ({
    unitId: i % 2 === 0 ? "a" : "b",
    answers: {
      dim0: i % 3 === 0 ? "v1" : "v0",
      climate: 1 + (i % 5),
      experienced: i % 4 === 0 ? "yes" : "no",
    },
  }));
  const input = {
    organisationId: "org",
    units,
    k: 5,
    items: [breakdownItem("dim0", ["v0", "v1"]), CLIMATE_ITEM, EXPERIENCED_ITEM],
  };
  const sensitive = new Set(["dim0", "experienced"]);

  it("finds one newcomer's answers when every rebuild is served, none in what the sequence audit serves", () => {
    const matrix = createResponseMatrix(input, rows.slice(0, 40));
    const first = buildRelease(highs, matrix, input, { itemLp: false });
    const firstTruth = buildSequencedRelease(highs, matrix, input, [], { itemLp: false }).truth;
    matrix.append(rows[40] as ResponseRow);
    const naive = buildRelease(highs, matrix, input, { itemLp: false });
    expect(
      auditAnswerSequence(highs, [first, naive], { sensitiveItems: sensitive }).findings.length,
    ).toBeGreaterThan(0);
    const next = buildSequencedRelease(highs, matrix, input, [first], {
      truths: [firstTruth],
      itemLp: false,
    });
    const served = next.passes ? [first, next.release] : [first];
    expect(auditAnswerSequence(highs, served, { sensitiveItems: sensitive }).findings).toEqual([]);
  });

  it("serves nothing that tells one newcomer's answer (a batch pinned to one by the tables)", () => {
    // A random campaign (k = 3) of the probe that found the gap (docs/history/
    // sequence-answer-probe.md): 53 answers, then 3. Before the answer audit, the second release
    // was served and the two tables together showed exactly one newcomer with dim0 = v1, and
    // their climate answer.
    const { shown, keys } = serveCase(highs, probeCase);
    expect(auditAnswerSequence(highs, shown, { sensitiveItems: keys }).findings).toEqual([]);
  }, 120_000);

  it("publishes a table it withheld again where the releases pin it anyway", () => {
    // The attack property's seed-10 case (one unit, k = 3): 44 answers, then 3. The answer audit
    // withheld the organisation's climate table in the second release, yet the published
    // breakdown plus the unchanged rest (from the first release) gave it exactly.
    const { shown, keys } = serveCase(highs, pinnedCase);
    expect(shown).toHaveLength(2);
    const organisation = shown[1]?.groups.find((group) => group.id === "org/all");
    expect(organisation?.items.find((item) => item.key === "climate")).toHaveProperty("options");
    expect(auditAnswerSequence(highs, shown, { sensitiveItems: keys }).findings).toEqual([]);
  }, 120_000);
});
