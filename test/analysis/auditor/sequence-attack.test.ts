import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditReleaseSequence } from "../../../analysis/audit-release-sequence";
import { buildRelease, createResponseMatrix } from "../../../analysis/build-release";
import { buildSequencedRelease } from "../../../analysis/build-sequenced-release";
import type { Release } from "../../../analysis/release-types";
import { WitnessCache } from "../../../analysis/sequence-witnesses";
import { type TrueCounts, trueGroupCounts } from "../../../analysis/true-group-counts";
import type { ResponseRow } from "../../../analysis/types";
import { leastCountSequence } from "../least-count-fixture";
import { type RandomCampaign, randomCampaign } from "../random-campaign";
import { heldBackCandidate } from "../releases-as-built";
import { attackReleaseSequence, sequenceViolations } from "./sequence-attack";
import { arrivals, oneNewcomer, sensitive, serve, shuffled } from "./served-sequences";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("differencing attack on the releases a reader was served", () => {
  it("recovers one newcomer's group and answers when every rebuilt release is served (today)", () => {
    const { campaign, rows } = oneNewcomer();
    const served = serve(highs, campaign, rows, [40, 1], "today");
    const leaks = attackReleaseSequence(highs, served, sensitive(campaign));
    expect(leaks.map((leak) => leak.groupId)).toContain("org/all");
    expect(
      leaks.some((leak) => leak.kind === "batch-size" && leak.detail === "exactly 1 newcomers"),
    ).toBe(true);
  });

  it("finds nothing once serving follows the sequence audit: the second release is held back", () => {
    const { campaign, rows } = oneNewcomer();
    for (const policy of ["witnesses", "stacked"] as const) {
      const served = serve(highs, campaign, rows, [40, 1], policy);
      expect(served).toHaveLength(1);
      expect(attackReleaseSequence(highs, served, sensitive(campaign))).toEqual([]);
    }
  });

  it("serves a new release once enough newcomers arrived, and the attack still finds nothing", () => {
    const { campaign } = oneNewcomer();
    const rows = Array.from({ length: 160 }, (_, i) => ({
      unitId: i % 2 === 0 ? "a" : "b",
      answers: {
        dim0: i % 3 === 0 ? "v1" : "v0",
        climate: 1 + (i % 5),
        experienced: i % 4 === 0 ? "yes" : "no",
      },
    }));
    const seen = { methods: [] as string[], truths: [] as TrueCounts[] };
    const served = serve(highs, campaign, rows, [40, 1, 60, 59], "witnesses", seen);
    expect(served.length).toBeGreaterThanOrEqual(2);
    expect(seen.methods.every((method) => method === "witnesses")).toBe(true);
    expect(attackReleaseSequence(highs, served, sensitive(campaign))).toEqual([]);
  });

  it("finds nothing in random campaigns with random arrival orders, served with the true counts in memory", () => {
    let servedTwiceOrMore = 0;
    fc.assert(
      fc.property(...arrivals(5), (campaign, sizes, seed) => {
        const order = shuffled(campaign.rows, seed);
        const seen = { methods: [] as string[], truths: [] as TrueCounts[] };
        const served = serve(highs, campaign, order, sizes, "witnesses", seen);
        expect(seen.methods.every((method) => method === "witnesses")).toBe(true);
        if (served.length >= 2) servedTwiceOrMore++;
        const leaks = attackReleaseSequence(highs, served, sensitive(campaign));
        expect(leaks).toEqual([]);
      }),
      { numRuns: 8, seed: 10 },
    );
    // Not vacuous: some runs served more than one release.
    expect(servedTwiceOrMore).toBeGreaterThan(0);
  }, 300_000);

  it("finds nothing either when served after a restart (no true counts: the stacked audit)", () => {
    fc.assert(
      fc.property(...arrivals(4), (campaign, sizes, seed) => {
        const order = shuffled(campaign.rows, seed);
        const seen = { methods: [] as string[], truths: [] as TrueCounts[] };
        const served = serve(highs, campaign, order, sizes, "stacked", seen);
        expect(seen.methods.every((method) => method === "stacked")).toBe(true);
        expect(attackReleaseSequence(highs, served, sensitive(campaign))).toEqual([]);
      }),
      { numRuns: 3, seed: 11 },
    );
  }, 300_000);

  it("every witness the audit uses is a point of the reader's whole system, joint points kept from an earlier hold-back round included (checked with the attacker's equations)", () => {
    let checked = 0;
    let kept = 0;
    fc.assert(
      fc.property(
        randomCampaign(200).filter(({ input }) => input.units.length <= 10),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 5 }),
        fc.integer(),
        (campaign, sizes, seed) => {
          // Every rebuild served as built: many batches to settle, so many witnesses.
          const { releases, truths } = everyRebuildServed(campaign, sizes, seed);
          // The true sequence itself.
          expect(sequenceViolations(releases, truths, "reasons")).toEqual([]);
          const rules = { sensitiveItems: sensitive(campaign), minCommentGroup: 10 };
          // A hold-back round before, on the same cache: the candidate with the partners of its
          // pinned groups hidden. The joint points it keeps are witnesses of the audit below
          // only where they are points of its system too.
          const candidate = releases.at(-1) as Release;
          const held = heldBackCandidate(
            candidate,
            auditReleaseSequence(highs, releases, rules).findings,
          );
          const witnesses = new WitnessCache();
          auditReleaseSequence(highs, [...releases.slice(0, -1), held], {
            ...rules,
            truths,
            witnesses,
            stackedUpTo: 0,
          });
          kept += witnesses.keptPoints().length;
          auditReleaseSequence(highs, releases, {
            ...rules,
            truths,
            witnesses,
            stackedUpTo: 0,
            observeWitness: pointsOfTheWholeSystem(releases, truths, () => checked++),
          });
        },
      ),
      { numRuns: 3, seed: 12 },
    );
    expect(checked).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  }, 300_000);

  it("every point of a window the joint audit solves (releases outside it at their true counts) is a point of the reader's whole system (checked with the attacker's equations)", () => {
    let checked = 0;
    let jointSolves = 0;
    fc.assert(
      fc.property(
        randomCampaign(200).filter(({ input }) => input.units.length <= 10),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 4, maxLength: 6 }),
        fc.integer(),
        (campaign, sizes, seed) => {
          const { releases, truths } = everyRebuildServed(campaign, sizes, seed);
          // Joint LPs of two releases at most: every batch the witnesses leave open is audited
          // in windows first (the others fixed at their true counts), then the whole system.
          const hidden = releases.map(
            (release) => release.groups.filter((group) => "hidden" in group.n).length,
          );
          const jointUpTo = Math.max(
            ...hidden.slice(1).map((count, t) => count + (hidden[t] as number)),
          );
          const audit = auditReleaseSequence(highs, releases, {
            sensitiveItems: sensitive(campaign),
            minCommentGroup: 10,
            truths,
            stackedUpTo: 0,
            jointUpTo,
            observeWitness: pointsOfTheWholeSystem(releases, truths, () => checked++),
          });
          jointSolves += audit.windowSolves ?? 0;
        },
      ),
      { numRuns: 4, seed: 13 },
    );
    // Not vacuous: joint LPs ran (windows among them) and their points were checked.
    expect(jointSolves).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(0);
  }, 600_000);

  it("finds the newcomer pinned by a complementary group that did not change since published, and nothing once such groups are not counted on", () => {
    // Units a, b and c: 20 per unit and value in a and b, nobody in c; then five newcomers in a
    // and one in c. The single-release protection hides c/all (1) with b/all beside it in
    // org = a + b + c, but b/all did not change since the first release published it.
    const { campaign } = oneNewcomer();
    const input = {
      ...campaign.input,
      units: [...campaign.input.units, { id: "c", parentId: null }],
    };
    const person = (unitId: string, i: number): ResponseRow => ({
      unitId,
      answers: { dim0: i % 2 ? "v1" : "v0", climate: 1 + (i % 5), experienced: "no" },
    });
    const first = Array.from({ length: 80 }, (_, i) => person(i < 40 ? "a" : "b", i));
    const later = [...Array.from({ length: 5 }, (_, i) => person("a", i)), person("c", 0)];
    const matrix = createResponseMatrix(input, first);
    const shown = buildSequencedRelease(highs, matrix, input, []);
    for (const row of later) matrix.append(row);
    const sensitiveItems = sensitive({ ...campaign, input });
    // As the candidate was protected before: the groups that changed by 1..k−1 held back, and
    // nothing known to the reader set aside.
    const changed = new Set(
      shown.release.groups.flatMap((group) => {
        if (!("value" in group.n) || group.id === "org/all") return [];
        const d = (trueGroupCounts(matrix, input).get(group.id) ?? 0) - group.n.value;
        return d >= 1 && d < input.k ? [group.id] : [];
      }),
    );
    const before = buildRelease(highs, matrix, input, { alsoHide: changed });
    const leaks = attackReleaseSequence(highs, [shown.release, before], sensitiveItems);
    expect(leaks).toContainEqual(expect.objectContaining({ groupId: "c/all", kind: "batch-size" }));
    const next = buildSequencedRelease(highs, matrix, input, [shown.release], {
      truths: [shown.truth],
      stackedUpTo: 0,
    });
    expect(next.passes).toBe(true);
    expect(next.rounds).toBe(1);
    expect(attackReleaseSequence(highs, [shown.release, next.release], sensitiveItems)).toEqual([]);
  });

  it("finds an earlier count pinned by a candidate protected without the reader's least counts, and nothing in the one served now", () => {
    const { shown, served, blind } = leastCountSequence(highs);
    expect(attackReleaseSequence(highs, [...shown, blind], new Set())).not.toEqual([]);
    expect(served.passes).toBe(true);
    expect(attackReleaseSequence(highs, [...shown, served.release], new Set())).toEqual([]);
  });

  it("finds leaks in the same kind of random campaigns when every rebuild is served", () => {
    let leaking = 0;
    fc.assert(
      fc.property(
        randomCampaign(260).filter(
          ({ input, rows }) => input.units.length <= 12 && rows.length >= 30,
        ),
        fc.integer(),
        (campaign, seed) => {
          const order = shuffled(campaign.rows, seed);
          const served = serve(highs, campaign, order, [order.length - 1, 1], "today");
          if (attackReleaseSequence(highs, served, sensitive(campaign)).length > 0) leaking++;
        },
      ),
      { numRuns: 6, seed: 10 },
    );
    expect(leaking).toBeGreaterThan(0);
  }, 120_000);
});

/** A campaign's releases when every rebuild after batches of these sizes is served as built. */
function everyRebuildServed(campaign: RandomCampaign, sizes: number[], seed: number) {
  const order = shuffled(campaign.rows, seed);
  const matrix = createResponseMatrix(campaign.input);
  const releases: Release[] = [];
  const truths: TrueCounts[] = [];
  let next = 0;
  for (const size of sizes) {
    for (const row of order.slice(next, next + size)) matrix.append(row);
    next += size;
    // Group sizes only: the answers' LP stage never changes them (sequence-item-lp.test.ts).
    const built = buildSequencedRelease(highs, matrix, campaign.input, [], { itemLp: false });
    releases.push(built.release);
    truths.push(built.truth);
  }
  return { releases, truths };
}

/**
 * An observer of the audit's witnesses that checks, with the attacker's own equations, that
 * each point (true counts with the point's moved counts) satisfies the reader's whole system.
 */
function pointsOfTheWholeSystem(releases: Release[], truths: TrueCounts[], onChecked: () => void) {
  return (model: "A" | "B", points: ReadonlyMap<number, ReadonlyMap<string, number>>) => {
    const counts = truths.map((truth, t) => {
      const moved = points.get(t);
      return moved ? new Map([...truth, ...moved]) : truth;
    });
    expect(sequenceViolations(releases, counts, model === "B" ? "reasons" : "values")).toEqual([]);
    onChecked();
  };
}
