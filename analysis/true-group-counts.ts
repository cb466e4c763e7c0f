import { aggregateCounts, filterSpace } from "./aggregate-counts";
import { describeFilters, formatGroupId, type ReleaseInput } from "./build-release";
import { releaseCells } from "./release-cells";
import type { ResponseMatrix } from "./response-matrix";

/**
 * The true size of every group of a release (before any suppression), by group id. Only the
 * release worker holds these, in memory and never on disk: together with the releases shown,
 * they are one sequence every attacker must allow, which the sequence audit uses as a witness.
 */
export type TrueCounts = ReadonlyMap<string, number>;

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
  cells.forEach((cell, index) => {
    const id = formatGroupId(
      matrix.tree.ids[cell.node] as string,
      cell.part,
      describe(cell.filter),
    );
    truth.set(id, model.n[index] as number);
  });
  return truth;
}
