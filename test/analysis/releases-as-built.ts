import type { Highs } from "highs";
import { createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease, groupsToHoldBack } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import type { TrueCounts } from "../../analysis/true-group-counts";
import type { RandomCampaign } from "./random-campaign";

/**
 * A campaign's responses arriving in batches of `sizes`, every rebuild kept as built (nothing
 * held back: many batches of 1..k−1 newcomers, many pinned), with each release's true counts.
 * Group sizes only: the answers' LP stage never changes them (sequence-item-lp.test.ts).
 */
export function releasesAsBuilt(
  highs: Highs,
  campaign: RandomCampaign,
  sizes: number[],
): { releases: Release[]; truths: TrueCounts[] } {
  const matrix = createResponseMatrix(campaign.input);
  const releases: Release[] = [];
  const truths: TrueCounts[] = [];
  let next = 0;
  for (const size of sizes) {
    for (const row of campaign.rows.slice(next, next + size)) matrix.append(row);
    next += size;
    const built = buildSequencedRelease(highs, matrix, campaign.input, [], { itemLp: false });
    releases.push(built.release);
    truths.push(built.truth);
  }
  return { releases, truths };
}

/**
 * The candidate with the partners of its pinned groups hidden, as a hold-back round hides them.
 */
export function heldBackCandidate(
  candidate: Release,
  findings: Parameters<typeof groupsToHoldBack>[1],
): Release {
  const hide = new Set(groupsToHoldBack(candidate, findings, new Set()));
  return {
    ...candidate,
    groups: candidate.groups.map((group) =>
      hide.has(group.id) ? { ...group, n: { hidden: "secondary" as const }, items: [] } : group,
    ),
  };
}
