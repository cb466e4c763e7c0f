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
 * A campaign read live: from half its responses on, 20 interim releases while the rest arrive
 * in equal batches, then a candidate audited against all of them (every pair, jointly). Each
 * interim is served as built, so the audit has findings to report.
 */
export async function measureReleaseSequence({
  responses = 20_000,
  interim = 20,
} = {}): Promise<SequenceBenchFigures> {
  const highs = await highsLoader();
  const { input, rows } = syntheticCampaign(responses);
  // Read live over the second half of the campaign: 20 interim releases, then the candidate.
  const half = Math.floor(rows.length / 2);
  const matrix = createResponseMatrix(input, rows.slice(0, half));
  const releases: Release[] = [];
  const batch = Math.ceil((rows.length - half) / interim);
  let singleReleaseMs = 0;
  for (let start = half - batch; start < rows.length; start += batch) {
    if (start >= half) for (const row of rows.slice(start, start + batch)) matrix.append(row);
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
