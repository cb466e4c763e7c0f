import { aggregateCounts, filterSpace } from "./aggregate-counts";
import { describeFilters, formatGroupId, type ReleaseInput } from "./build-release";
import { PART_ALL, releaseCells } from "./release-cells";
import type { ResponseMatrix } from "./response-matrix";

/**
 * The true option counts of every group and question of a release: per question key, per
 * group id, one count per option in the order a release lists them (the questionnaire's
 * options, then "no answer"; for a multiple-choice question, respondents who ticked each).
 */
export type TrueAnswers = ReadonlyMap<string, ReadonlyMap<string, Uint32Array>>;

/**
 * The true size of every group of a release (before any suppression), by group id, and where
 * built by `trueGroupCounts`, the true answers too. Only the release worker holds these, in
 * memory and never on disk: together with the releases shown, they are one sequence every
 * attacker must allow, which the sequence audit uses as a witness.
 */
export type TrueCounts = ReadonlyMap<string, number> & { readonly answers?: TrueAnswers };

/** Counts every group a release of `input` declares, from the matrix as it is now. */
export function trueGroupCounts(matrix: ResponseMatrix, input: ReleaseInput): TrueCounts {
  const space = filterSpace(matrix.items, input.crosses ?? []);
  const counts = aggregateCounts(matrix, space);
  const describe = describeFilters(counts, matrix.items);
  const { model, cells } = releaseCells(matrix.tree, counts, {
    k: input.k,
    headcounts: input.knownHeadcounts ?? {},
    previouslyHidden: new Set(),
    groupId: () => "",
  });
  const truth = new Map<string, number>();
  const answers = new Map<string, Map<string, Uint32Array>>();
  const F = space.filters.length;
  const S = space.slots;
  cells.forEach((cell, index) => {
    const id = formatGroupId(
      matrix.tree.ids[cell.node] as string,
      cell.part,
      describe(cell.filter),
    );
    truth.set(id, model.n[index] as number);
    const source = cell.part === PART_ALL ? counts.subtree : counts.attached;
    for (const { item, offset, slots } of space.counted) {
      const spec = matrix.items[item];
      if (!spec || spec.kind === "text") continue;
      const base = (cell.node * F + cell.filter) * S + offset;
      // Options first (slots 1..), "no answer" (slot 0) last, as a release lists them.
      const row = new Uint32Array(slots);
      row.set(source.subarray(base + 1, base + slots));
      row[slots - 1] = source[base] as number;
      const byGroup = answers.get(spec.key) ?? new Map<string, Uint32Array>();
      byGroup.set(id, row);
      answers.set(spec.key, byGroup);
    }
  });
  return Object.assign(truth, { answers });
}
