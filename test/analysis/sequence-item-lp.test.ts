import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import {
  buildSequencedRelease,
  sameGroupFigures,
  sequenceRules,
} from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { attackItems } from "./auditor/item-attack";
import { attackReleaseSequence } from "./auditor/sequence-attack";
import { type RandomCampaign, randomCampaign } from "./random-campaign";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

// A seeded campaign (150 answers, 5 units, k = 4; the item attack's sample): after a first
// release of half its answers, the release of all of them that the sequence lets follow,
// built with bound tightening alone, lets an LP derive how whole hidden groups answered.
const campaign = fc.sample(randomCampaign(150, ["mixed", "skewed", "unanimous"]), {
  numRuns: 12,
  seed: 1,
})[0] as RandomCampaign;
const sensitive = sequenceRules(campaign.input).sensitiveItems;

/** Which (group, question) pairs a release publishes no answers for. */
function hiddenAnswers(release: Release): Set<string> {
  const hidden = new Set<string>();
  for (const group of release.groups)
    for (const item of group.items) if ("hidden" in item) hidden.add(`${group.id}|${item.key}`);
  return hidden;
}

describe("the release that follows shown ones, answers checked by LP", () => {
  it("is the candidate the hold-back rounds chose, built once more with the LP stage: same groups, more answers hidden, and it passes the stacked sequence audit", () => {
    const { input, rows } = campaign;
    // The first release, shown, was itself built with the LP stage (nothing shown before it).
    const first = buildSequencedRelease(
      highs,
      createResponseMatrix(input, rows.slice(0, 75)),
      input,
      [],
    );
    expect(first.release.audit.itemLp).toBe(true);
    expect(first.lpBuilds).toBe(1);
    const matrix = createResponseMatrix(input, rows);
    // After a restart: no true counts, so the stacked audit decides.
    const withLp = buildSequencedRelease(highs, matrix, input, [first.release]);
    // Without the LP stage, nor the answer audit of the stacked tables (which would withhold
    // much of what the LP stage does).
    const without = buildSequencedRelease(highs, matrix, input, [first.release], {
      itemLp: false,
      answerAudit: false,
    });
    expect(withLp.passes).toBe(true);
    expect(withLp.method).toBe("stacked");
    expect(without.passes).toBe(true);
    // The rounds ran without the LP stage; only the candidate that passed was built with it.
    expect(withLp.lpBuilds).toBe(1);
    expect(withLp.rounds).toBe(without.rounds);
    expect(withLp.release.audit.itemLp).toBe(true);
    expect(without.release.audit.itemLp).toBeUndefined();
    // The LP stage hides answers only: the group pattern is the one the rounds chose.
    expect(sameGroupFigures(withLp.release, without.release)).toBe(true);
    // Nothing hidden by the rounds' candidate (bound tightening, the sequence's hold-back) is
    // published again, and the LP stage hid more.
    const lpHidden = hiddenAnswers(withLp.release);
    for (const pair of hiddenAnswers(without.release)) expect(lpHidden.has(pair)).toBe(true);
    expect(lpHidden.size).toBeGreaterThan(hiddenAnswers(without.release).size);
    // The sequence audit, stacked, on what a reader then holds; the independent attackers on
    // the sequence and on the served release alone.
    const audit = auditReleaseSequence(highs, [first.release, withLp.release], {
      ...sequenceRules(input),
    });
    expect(audit.method).toBe("stacked");
    expect(audit.findings).toEqual([]);
    expect(attackReleaseSequence(highs, [first.release, withLp.release], sensitive)).toEqual([]);
    expect(attackItems(withLp.release, sensitive, highs)).toEqual([]);
    // Not vacuous: built with bound tightening alone, the same release leaks to the LP attack.
    expect(attackItems(without.release, sensitive, highs).length).toBeGreaterThan(0);
  }, 300_000);

  it("an organisation-only release (open link) is the same with the LP stage, which has nothing to check there, and is marked so without a second build", () => {
    const input = { ...campaign.input, openLink: true };
    const matrix = createResponseMatrix(input, campaign.rows);
    const off = buildRelease(highs, matrix, input);
    const on = buildRelease(highs, matrix, input, { itemLp: true });
    expect(off.audit.organisationOnly).toBe(true);
    expect(on).toEqual({ ...off, audit: { ...off.audit, itemLp: true } });
    const first = buildSequencedRelease(
      highs,
      createResponseMatrix(input, campaign.rows.slice(0, 75)),
      input,
      [],
    );
    const next = buildSequencedRelease(highs, matrix, input, [first.release]);
    expect(next.passes).toBe(true);
    expect(next.lpBuilds).toBe(0);
    // Without the LP stage, nor the answer audit of the stacked tables (which would withhold
    // much of what the LP stage does).
    const without = buildSequencedRelease(highs, matrix, input, [first.release], {
      itemLp: false,
      answerAudit: false,
    });
    expect(next.release).toEqual({
      ...without.release,
      audit: { ...without.release.audit, itemLp: true },
    });
  });

  it("keeps the group pattern of every build whatever the LP stage hides (random campaigns)", () => {
    fc.assert(
      fc.property(randomCampaign(80, ["mixed", "skewed", "unanimous"]), ({ input, rows }) => {
        const matrix = createResponseMatrix(input, rows);
        const off = buildRelease(highs, matrix, input);
        const on = buildRelease(highs, matrix, input, { itemLp: true });
        expect(sameGroupFigures(off, on)).toBe(true);
        expect(on.comments).toEqual(off.comments);
      }),
      { numRuns: 3, seed: 16 },
    );
  }, 300_000);
});
