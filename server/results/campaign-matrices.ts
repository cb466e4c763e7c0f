import type { Highs } from "highs";
import { createResponseMatrix, type ReleaseInput } from "../../analysis/build-release";
import { buildSequencedRelease } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import type { ResponseMatrix } from "../../analysis/response-matrix";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import type { TrueCounts } from "../../analysis/true-group-counts";
import type { ResponseRow } from "../../analysis/types";

export interface StoredResponse {
  id: string;
  row: ResponseRow;
}

/** A release readers were shown (or may be), by its stored id. */
export interface ShownRelease {
  id: number;
  release: Release;
}

/**
 * What the builder remembers of a campaign's releases, in memory only: the true counts of each
 * release it built (by stored id) and the sequence audit's witnesses. Never written anywhere:
 * counts per release, with the releases' times, would tie answers to when they arrived. After a
 * restart it is empty and the sequence audit falls back to the stacked system.
 */
interface SequenceMemory {
  truths: Map<number, TrueCounts>;
  witnesses: WitnessCache;
  /** The last build's true counts, until the scheduler says under which id it stored it. */
  lastBuilt?: TrueCounts;
}

interface Entry {
  signature: string;
  matrix: ResponseMatrix;
  /** Ids read when the matrix was loaded: a late "append" for one of them is a duplicate. */
  loaded: Set<string>;
}

/**
 * The in-memory response matrices of the campaigns, built once from storage and appended to on
 * each submission, so a release counts from memory instead of re-reading every response.
 */
export class CampaignMatrices {
  private readonly entries = new Map<string, Entry>();
  private readonly memories = new Map<string, SequenceMemory>();

  constructor(private readonly readRows: (campaignId: string) => Iterable<StoredResponse>) {}

  append(campaignId: string, response: StoredResponse): void {
    const entry = this.entries.get(campaignId);
    if (!entry) return; // Loaded from storage, this response included, when first needed.
    if (entry.loaded.delete(response.id)) return;
    entry.matrix.append(response.row);
  }

  forget(campaignId: string): void {
    this.entries.delete(campaignId);
    this.memories.delete(campaignId);
  }

  /** The next release, audited against the releases readers were already shown (oldest first). */
  build(
    highs: Highs,
    campaignId: string,
    input: ReleaseInput,
    shown: ShownRelease[],
  ): { release: Release; respondents: number; servable: boolean; trueCountsKnown: boolean } {
    const matrix = this.matrixFor(campaignId, input);
    const memory = this.memoryFor(campaignId, shown);
    const built = buildSequencedRelease(
      highs,
      matrix,
      input,
      shown.map((entry) => entry.release),
      { truths: shown.map((entry) => memory.truths.get(entry.id)), witnesses: memory.witnesses },
    );
    memory.lastBuilt = built.truth;
    return {
      release: built.release,
      respondents: matrix.size,
      servable: built.passes,
      trueCountsKnown: built.truthsKnown,
    };
  }

  /** The last build of the campaign was stored under this id. */
  stored(campaignId: string, releaseId: number): void {
    const memory = this.memories.get(campaignId);
    if (!memory?.lastBuilt) return;
    memory.truths.set(releaseId, memory.lastBuilt);
    memory.lastBuilt = undefined;
  }

  /**
   * The campaign's memory, keeping the truths of the releases shown and of the newest build
   * only (an older build nobody saw is dropped from storage and can never be shown).
   */
  private memoryFor(campaignId: string, shown: ShownRelease[]): SequenceMemory {
    let memory = this.memories.get(campaignId);
    if (!memory) {
      memory = { truths: new Map(), witnesses: new WitnessCache() };
      this.memories.set(campaignId, memory);
    }
    const keep = new Set(shown.map((entry) => entry.id));
    const newest = Math.max(-1, ...memory.truths.keys());
    for (const id of memory.truths.keys()) {
      if (!keep.has(id) && id !== newest) memory.truths.delete(id);
    }
    return memory;
  }

  private matrixFor(campaignId: string, input: ReleaseInput): ResponseMatrix {
    // Units or items changed (a unit added to the organisation): the matrix is rebuilt.
    const signature = JSON.stringify([input.organisationId, input.units, input.items]);
    const current = this.entries.get(campaignId);
    if (current && current.signature === signature) return current.matrix;
    const matrix = createResponseMatrix(input);
    const loaded = new Set<string>();
    for (const { id, row } of this.readRows(campaignId)) {
      matrix.append(row);
      loaded.add(id);
    }
    this.entries.set(campaignId, { signature, matrix, loaded });
    return matrix;
  }
}
