import fc from "fast-check";
import type { Highs } from "highs";
import { buildRelease, createResponseMatrix } from "../../../analysis/build-release";
import { buildSequencedRelease } from "../../../analysis/build-sequenced-release";
import type { Release } from "../../../analysis/release-types";
import { WitnessCache } from "../../../analysis/sequence-witnesses";
import type { TrueCounts } from "../../../analysis/true-group-counts";
import type { ResponseRow } from "../../../analysis/types";
import {
  breakdownItem,
  CLIMATE_ITEM,
  EXPERIENCED_ITEM,
  type RandomCampaign,
  randomCampaign,
} from "../random-campaign";

/**
 * What the sequence attacks' properties draw: a small random campaign (at most 8 units), the
 * sizes of 2 to `maxBatches` batches of arrivals (1–60 each) and the seed of their order.
 */
export const arrivals = (maxBatches: number) =>
  [
    randomCampaign(150).filter(({ input }) => input.units.length <= 8),
    fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: maxBatches }),
    fc.integer(),
  ] as const;

/** The questions under the unanimity rule. */
export const sensitive = ({ input }: RandomCampaign) =>
  new Set(input.items.filter((item) => item.sensitive).map((item) => item.key));

/**
 * Lets responses arrive in the given order and batch sizes, rebuilding after each batch, and
 * returns what a reader could have been served: every rebuilt release ("today": each is served
 * as it is), or only those that pass the sequence audit against what was shown: with the true
 * counts of the shown releases in memory, as the release worker keeps them ("witnesses"), or
 * without them, as after a restart ("stacked"). With `closesAfterLast`, every release but the
 * last is built as the server builds one while the campaign is open (the organisation only), and
 * the last as its release at close.
 */
export function serve(
  highs: Highs,
  campaign: RandomCampaign,
  order: ResponseRow[],
  batches: number[],
  policy: "today" | "witnesses" | "stacked",
  seen: { methods: string[]; truths: TrueCounts[] } = { methods: [], truths: [] },
  { closesAfterLast = false }: { closesAfterLast?: boolean } = {},
): Release[] {
  const matrix = createResponseMatrix(campaign.input);
  const shown: Release[] = [];
  const witnesses = new WitnessCache();
  let next = 0;
  for (const [index, size] of batches.entries()) {
    const batch = order.slice(next, next + size);
    if (batch.length === 0) break;
    for (const row of batch) matrix.append(row);
    next += size;
    const open = closesAfterLast && index < batches.length - 1 && next < order.length;
    const input = open ? { ...campaign.input, whileOpen: true } : campaign.input;
    if (policy === "today") {
      shown.push(buildRelease(highs, matrix, input));
      continue;
    }
    const candidate = buildSequencedRelease(
      highs,
      matrix,
      input,
      shown,
      // stackedUpTo 0: witnesses however small the campaign (the server uses them on large stacks).
      policy === "witnesses" ? { truths: seen.truths, witnesses, stackedUpTo: 0 } : {},
    );
    if (shown.length > 0) seen.methods.push(candidate.method);
    if (candidate.passes) {
      shown.push(candidate.release);
      seen.truths.push(candidate.truth);
    }
  }
  return shown;
}

/** One of `k` colleagues answers after the first release: the example of issue 10. */
export function oneNewcomer(): { campaign: RandomCampaign; rows: ResponseRow[] } {
  const units = [
    { id: "a", parentId: null },
    { id: "b", parentId: null },
  ];
  const answers = (i: number) => ({
    dim0: i % 3 === 0 ? "v1" : "v0",
    climate: 1 + (i % 5),
    experienced: i % 4 === 0 ? "yes" : "no",
  });
  const rows: ResponseRow[] = Array.from({ length: 41 }, (_, i) => ({
    unitId: i % 2 === 0 ? "a" : "b",
    answers: answers(i),
  }));
  const items = [breakdownItem("dim0", ["v0", "v1"]), CLIMATE_ITEM, EXPERIENCED_ITEM];
  return {
    campaign: { input: { organisationId: "org", units, items, k: 5 }, rows },
    rows,
  };
}

/** A seeded shuffle (the arrival order). */
export function shuffled<T>(items: T[], seed: number): T[] {
  const copy = items.slice();
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
