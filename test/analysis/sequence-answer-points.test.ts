import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Release, ReleaseGroup, ReleaseItem } from "../../analysis/release-types";
import { isPointOf } from "../../analysis/sequence-answer-moves";
import {
  type LiftSystem,
  liftSizePoint,
  PartLp,
  SlotSystem,
} from "../../analysis/sequence-answer-points";
import { auditAnswerSequence, withholdAnswers } from "../../analysis/sequence-answers";
import type { Variable } from "../../analysis/sequence-system";
import type { TrueCounts } from "../../analysis/true-group-counts";
import { hiddenPairRows } from "./hidden-pair-rows";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const VALUES = ["yes", "no"] as const;

function item(table: [number, number] | "protected", n: number, key = "climate"): ReleaseItem {
  if (table === "protected") return { key, kind: "single", hidden: "protected" };
  return {
    key,
    kind: "single",
    options: VALUES.map((value, index) => ({
      value,
      count: table[index] as number,
      share: (table[index] as number) / n,
    })),
  };
}

/**
 * An organisation of 7 (yes 3, no 4) with units a and b, both hidden: a as too small (1..2 at
 * k = 3), b to protect it (3 or more). a is 1 or 2: not pinned, but the true counts (a = 2) show
 * only one of the two.
 */
function release(keys = ["climate"]): Release {
  const group = (
    unit: string,
    n: ReleaseGroup["n"],
    table: [number, number] | "protected",
  ): ReleaseGroup => ({
    id: `${unit}/all`,
    unitId: unit,
    part: "all",
    filters: [],
    n,
    items: keys.map((key) => item(table, 7, key)),
  });
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
    groups: [
      group("org", { value: 7 }, [3, 4]),
      group("a", { hidden: "primary" }, "protected"),
      group("b", { hidden: "secondary" }, "protected"),
    ],
    comments: [],
    audit: {
      cells: 3,
      organisationOnly: false,
      hiddenPrimary: 1,
      hiddenSecondary: 1,
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

const truth: TrueCounts = Object.assign(
  new Map([
    ["org/all", 7],
    ["a/all", 2],
    ["b/all", 5],
  ]),
  {
    answers: new Map([
      [
        "climate",
        new Map([
          ["org/all", Uint32Array.from([3, 4])],
          ["a/all", Uint32Array.from([1, 1])],
          ["b/all", Uint32Array.from([2, 3])],
        ]),
      ],
    ]),
  },
);

describe("the answer audit's points lifted from the sizes", () => {
  it("settles without an LP of the question a size check the true counts leave open", () => {
    // Without the true counts, the question's LPs settle it (a can be 1): nothing to find.
    expect(auditAnswerSequence(highs, [release()], { sensitiveItems: new Set() }).findings).toEqual(
      [],
    );
    // With them: only a point moved from the truth (a = 1, one of its answers moved to b)
    // closes the check without a batch LP (the "pinned" checks still take theirs).
    const audit = auditAnswerSequence(highs, [release()], {
      sensitiveItems: new Set(),
      truths: [truth],
    });
    expect(audit.findings).toEqual([]);
    expect(audit.solves).toBe(0);
    expect(audit.settledByLift).toBeGreaterThan(0);
  });

  it("moves no point where the pinned checks hold the question as a whole anyway", () => {
    // No LP of the question allowed: the "pinned" checks, which have no moved points, leave a's
    // counts unsettled, so the question is held against the release whatever the batch checks
    // give; the points that would settle those are not looked for.
    const audit = auditAnswerSequence(highs, [release()], {
      sensitiveItems: new Set(),
      truths: [truth],
      lpMaxColumns: 0,
    });
    expect(audit.findings.some((f) => f.kind === "pinned" && f.unsettled)).toBe(true);
    expect(audit.findings.some((f) => f.kind === "size" && f.unsettled)).toBe(true);
    expect(audit.settledByLift).toBe(0);
    expect(audit.sizeSolves).toBe(0);
  });

  it("stops withholding at the first question left unsettled with its tables withheld everywhere", () => {
    // Two questions shown, then a candidate; no true counts and no LP allowed: both are left
    // unsettled, withheld in every group of the candidate, and still unsettled. The candidate is
    // held back once the first of them is audited again.
    const keys = ["climate", "workload"];
    const { left, withheld, audits } = withholdAnswers(highs, [release(keys)], release(keys), {
      sensitiveItems: new Set(),
      lpMaxColumns: 0,
    });
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((finding) => finding.unsettled && finding.item === "climate")).toBe(true);
    expect(withheld).toEqual(["org/all|climate", "org/all|workload"]);
    expect(audits.map((audit) => audit.questions)).toEqual([2, 1]);
  });

  // Columns: sizes a, b; a yes, a no, b yes, b no.
  const system: LiftSystem = {
    sizes: 2,
    sizeOf: Int32Array.from([-1, -1, 0, 0, 1, 1]),
    slotOf: Int32Array.from([-1, -1, 0, 1, 0, 1]),
    slots: 2,
    rows: hiddenPairRows(),
    lower: [1, 3, 0, 0, 0, 0],
    upper: [2, 7, 7, 7, 7, 7],
    chains: [
      { key: "a/all", release: 0 },
      { key: "b/all", release: 0 },
      { key: "a/all\n0", release: 0 },
      { key: "a/all\n1", release: 0 },
      { key: "b/all\n0", release: 0 },
      { key: "b/all\n1", release: 0 },
    ],
  };
  const truthPoint = Float64Array.from([2, 5, 1, 1, 2, 3]);

  it("moves the answers with a point of the sizes, and checks the result", () => {
    const lifted = liftSizePoint(system, truthPoint, [1, 6]) as Float64Array;
    expect(lifted).not.toBeNull();
    expect(lifted[0]).toBeCloseTo(1);
    expect(isPointOf(system, lifted)).toBe(true);
  });

  it("rejects a lifted point that breaks a row", () => {
    // a = 1 with b unchanged breaks a + b = 7 (no point of the sizes): its lift breaks it too.
    expect(liftSizePoint(system, truthPoint, [1, 5])).toBeNull();
    // A truth that breaks a row (a's answers add up to 3, not 2) lifts to no point either.
    const wrong = Float64Array.from([2, 5, 2, 1, 1, 3]);
    expect(liftSizePoint(system, wrong, [1, 6])).toBeNull();
  });

  it("finds points with one option moving with the sizes, or a part of the counts moving", () => {
    const variables: Variable[] = ["a/all", "b/all"].map((groupId, v) => ({
      release: 0,
      groupId,
      reason: v === 0 ? "primary" : "secondary",
      lowerA: system.lower[v] as number,
      upperA: system.upper[v] as number,
      lowerB: system.lower[v] as number,
      upperB: system.upper[v] as number,
    }));
    for (const slot of [0, 1]) {
      const slots = new SlotSystem(highs, variables, system, truthPoint, slot);
      const point = slots.push({ vars: [0], coefs: [1] }, "min") as Float64Array;
      slots.dispose();
      expect(point[0]).toBeCloseTo(1);
      expect(point[2 + (1 - slot)]).toBeCloseTo(1); // the other option of a stays
      expect(isPointOf(system, point)).toBe(true);
    }
    const part = new PartLp(highs, system, truthPoint, [0, 1, 2, 3, 4, 5]);
    const point = part.push({ vars: [0], coefs: [1] }, "min") as Float64Array;
    part.dispose();
    expect(point[0]).toBeCloseTo(1);
    // With b's counts held at the truth, a cannot move: no point moves it.
    const held = new PartLp(highs, system, truthPoint, [0, 2, 3]);
    const same = held.push({ vars: [0], coefs: [1] }, "min") as Float64Array;
    held.dispose();
    expect(same[0]).toBeCloseTo(2);
  });
});
