import type { Highs } from "highs";
import { createResponseMatrix, type ReleaseInput } from "../../analysis/build-release";
import { buildSequencedRelease } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import type { ResponseMatrix } from "../../analysis/response-matrix";
import type { ResponseRow } from "../../analysis/types";

export interface StoredResponse {
  id: string;
  row: ResponseRow;
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

  constructor(private readonly readRows: (campaignId: string) => Iterable<StoredResponse>) {}

  append(campaignId: string, response: StoredResponse): void {
    const entry = this.entries.get(campaignId);
    if (!entry) return; // Loaded from storage, this response included, when first needed.
    if (entry.loaded.delete(response.id)) return;
    entry.matrix.append(response.row);
  }

  forget(campaignId: string): void {
    this.entries.delete(campaignId);
  }

  /** The next release, audited against the releases readers were already shown (oldest first). */
  build(
    highs: Highs,
    campaignId: string,
    input: ReleaseInput,
    shown: Release[],
  ): { release: Release; respondents: number; servable: boolean } {
    const matrix = this.matrixFor(campaignId, input);
    const built = buildSequencedRelease(highs, matrix, input, shown);
    return { release: built.release, respondents: matrix.size, servable: built.passes };
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
