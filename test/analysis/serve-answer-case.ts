import type { Highs } from "highs";
import { createResponseMatrix, type ReleaseInput } from "../../analysis/build-release";
import { buildSequencedRelease } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import type { TrueCounts } from "../../analysis/true-group-counts";
import type { ResponseRow } from "../../analysis/types";

/**
 * Serves a campaign's answers in its batches, as the server does (true counts in memory): the
 * releases shown, their true counts, and the sensitive questions' keys.
 */
export function serveCase(
  highs: Highs,
  fixture: { input: unknown; rows: unknown; batches: number[] },
): { shown: Release[]; truths: TrueCounts[]; keys: Set<string> } {
  const caseInput = fixture.input as ReleaseInput;
  const matrix = createResponseMatrix(caseInput);
  const shown: Release[] = [];
  const truths: TrueCounts[] = [];
  const witnesses = new WitnessCache();
  let next = 0;
  for (const size of fixture.batches) {
    for (const row of (fixture.rows as ResponseRow[]).slice(next, next + size)) matrix.append(row);
    next += size;
    const built = buildSequencedRelease(highs, matrix, caseInput, shown, {
      truths,
      witnesses,
      stackedUpTo: 0,
    });
    if (!built.passes) continue;
    shown.push(built.release);
    truths.push(built.truth);
  }
  const keys = new Set(caseInput.items.filter((i) => i.sensitive).map((i) => i.key));
  return { shown, truths, keys };
}
