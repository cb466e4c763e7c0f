import type { Highs } from "highs";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../analysis/build-release";
import { buildSequencedRelease, knownGroups } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { type TrueCounts, trueGroupCounts } from "../../analysis/true-group-counts";
import type { ResponseRow } from "../../analysis/types";

/*
 * A campaign whose second release, protected without the least counts a reader of the first
 * allows, pins a count of the first (the old protection held it back in its first round; with
 * them it is served in the first round). Found by a random search of faculty-like arrivals.
 */

/** Two faculties of two departments each; two dimensions, skewed as staff answers are. */
export const faculties: ReleaseInput = {
  organisationId: "org",
  units: [
    { id: "F0", parentId: null },
    { id: "F1", parentId: null },
    { id: "F0D0", parentId: "F0" },
    { id: "F0D1", parentId: "F0" },
    { id: "F1D0", parentId: "F1" },
    { id: "F1D1", parentId: "F1" },
  ],
  items: [
    {
      kind: "single",
      key: "g",
      path: ["g"],
      options: ["a", "b", "c"],
      breakdown: true,
      sensitive: false,
    },
    {
      kind: "single",
      key: "j",
      path: ["j"],
      options: ["x", "y", "z", "w"],
      breakdown: true,
      sensitive: false,
    },
  ],
  k: 5,
};
/** "unit:gj" → how many answered so, per arrival batch (found by a random search). */
export const leastCountBatches: Record<string, number>[] = [
  {
    "F0:bx": 3,
    "F0D0:ay": 3,
    "F1:bx": 2,
    "F1:ax": 4,
    "F0D1:aw": 1,
    "F0D0:bx": 3,
    "F0D1:ax": 3,
    "F1D1:ay": 3,
    "F0D1:bz": 1,
    "F1D1:ax": 4,
    "F0D1:by": 1,
    "F1D1:bx": 2,
    "F0:bw": 2,
    "F1:ay": 2,
    "F0D1:bw": 2,
    "F1D0:bx": 5,
    "F0D0:cy": 1,
    "F1D1:by": 1,
    "F0D0:ax": 2,
    "F0D1:ay": 1,
    "F0D1:cx": 1,
    "F1D1:aw": 1,
    "F1D0:ax": 4,
    "F0D0:az": 1,
    "F1D0:bw": 1,
    "F1D0:bz": 1,
    "F0:ay": 2,
    "F0D1:bx": 2,
    "F1:bz": 2,
    "F0D0:aw": 1,
    "F0:ax": 1,
  },
  { "F1D1:ay": 1, "F1D1:bz": 1, "F1D1:bx": 2, "F1D1:ax": 4, "F1D1:az": 2 },
];
export const rowsOf = (batch: Record<string, number>): ResponseRow[] =>
  Object.entries(batch).flatMap(([key, count]) => {
    const [unitId, answer] = key.split(":") as [string, string];
    return Array.from({ length: count }, () => ({
      unitId,
      answers: { g: answer[0] as string, j: answer[1] as string },
    }));
  });

/**
 * The releases served along the batches (the last candidate not among them), that candidate,
 * and its first round as the protection built it without the least counts (`blind`).
 */
export function leastCountSequence(highs: Highs) {
  const matrix = createResponseMatrix(faculties);
  const shown: Release[] = [];
  const truths: TrueCounts[] = [];
  let last: ReturnType<typeof buildSequencedRelease> | undefined;
  for (const batch of leastCountBatches) {
    for (const row of rowsOf(batch)) matrix.append(row);
    last = buildSequencedRelease(highs, matrix, faculties, shown, { truths, stackedUpTo: 0 });
    if (last.passes && batch !== leastCountBatches.at(-1)) {
      shown.push(last.release);
      truths.push(last.truth);
    }
  }
  if (!last) throw new Error("fixture: no leastCountBatches");
  // Ten newcomers in F1D1. The same first round without the least counts: its own audit saw
  // every hidden range as wide, the reader of the first release does not (the old protection
  // was held back here and served in the second round).
  const truth = trueGroupCounts(matrix, faculties);
  const alsoHide = new Set<string>();
  for (const release of shown)
    for (const group of release.groups)
      if ("value" in group.n && group.id !== "org/all") {
        const d = (truth.get(group.id) ?? 0) - group.n.value;
        if (d >= 1 && d < faculties.k) alsoHide.add(group.id);
      }
  for (const group of shown.at(-1)?.groups ?? [])
    if ("hidden" in group.n && group.n.hidden === "secondary") alsoHide.add(group.id);
  const blind = buildRelease(highs, matrix, faculties, {
    alsoHide,
    known: knownGroups(shown, truth),
  });
  return { shown, served: last, blind };
}
