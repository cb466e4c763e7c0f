import highsLoader from "highs";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { sequenceRules } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { syntheticCampaign } from "./release-build";

export interface SequenceBenchFigures {
  responses: number;
  releases: number;
  /** One release built and protected on its own: the baseline. */
  singleReleaseMs: number;
  /** The candidate audited against the 20 interim releases before it (target < 5 s). */
  sequenceAuditMs: number;
  solves: number;
  findings: number;
}

/**
 * A campaign read live: 20 interim releases while responses arrive in equal batches, then a
 * candidate audited against all of them (every pair of releases, jointly).
 */
export async function measureReleaseSequence({
  responses = 3000,
  interim = 20,
} = {}): Promise<SequenceBenchFigures> {
  const highs = await highsLoader();
  const { input, rows } = syntheticCampaign(responses);
  const matrix = createResponseMatrix(input);
  const releases: Release[] = [];
  const batch = Math.ceil(rows.length / (interim + 1));
  let singleReleaseMs = 0;
  for (let start = 0; start < rows.length; start += batch) {
    for (const row of rows.slice(start, start + batch)) matrix.append(row);
    const began = performance.now();
    releases.push(buildRelease(highs, matrix, input));
    singleReleaseMs = performance.now() - began;
  }
  const began = performance.now();
  const audit = auditReleaseSequence(highs, releases, sequenceRules(input));
  const sequenceAuditMs = performance.now() - began;
  return {
    responses,
    releases: releases.length,
    singleReleaseMs,
    sequenceAuditMs,
    solves: audit.solves,
    findings: audit.findings.length,
  };
}
