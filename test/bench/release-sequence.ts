import highsLoader from "highs";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease, sequenceRules } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import { type TrueCounts, trueGroupCounts } from "../../analysis/true-group-counts";
import { syntheticCampaign } from "./release-build";

export interface SequenceBenchFigures {
  responses: number;
  releases: number;
  /** One release built and protected on its own: the baseline. */
  singleReleaseMs: number;
  /** The candidate audited against the 20 interim releases before it, with the true counts. */
  sequenceAuditMs: number;
  solves: number;
  findings: number;
  /** Batches the witnesses left open, and the joint fallback's LPs. */
  open: number;
  windowSolves: number;
  method: string;
  /** The whole rebuild of the candidate (build, hold back, audit rounds) as the server runs it. */
  rebuildMs: number;
  rebuildRounds: number;
  rebuildPasses: boolean;
  /** How the interims were served: as built, or each through the sequenced builder. */
  interims: "as built" | "sequenced";
}

/**
 * A campaign read live: from half its responses on, 20 interim releases while the rest arrive
 * in equal batches, then a candidate audited against all of them with the true counts the
 * release worker keeps in memory. Interims are served as built (the audit has leaks to find)
 * or, as the server does, each through the sequenced builder.
 */
export async function measureReleaseSequence({
  responses = 20_000,
  interim = 20,
  interims = "sequenced" as SequenceBenchFigures["interims"],
  progress = (_line: string) => {},
} = {}): Promise<SequenceBenchFigures> {
  const highs = await highsLoader();
  const { input, rows } = syntheticCampaign(responses);
  const half = Math.floor(rows.length / 2);
  const matrix = createResponseMatrix(input, rows.slice(0, half));
  const releases: Release[] = [];
  const truths: TrueCounts[] = [];
  const witnesses = new WitnessCache();
  const batch = Math.ceil((rows.length - half) / interim);
  let singleReleaseMs = 0;
  let rebuild = { ms: 0, rounds: 0, passes: false };
  for (let start = half - batch; start < rows.length; start += batch) {
    if (start >= half) for (const row of rows.slice(start, start + batch)) matrix.append(row);
    if (releases.length === interim) {
      // The baseline, then the candidate's whole rebuild; its audit alone is measured below.
      let began = performance.now();
      const alone = buildRelease(highs, matrix, input);
      singleReleaseMs = performance.now() - began;
      began = performance.now();
      const built = buildSequencedRelease(highs, matrix, input, releases, { truths, witnesses });
      rebuild = { ms: performance.now() - began, rounds: built.rounds, passes: built.passes };
      progress(
        `candidate: ${built.passes ? "passes" : "held back"} after ${built.rounds} rounds, ${rebuild.ms.toFixed(0)} ms (one release alone ${singleReleaseMs.toFixed(0)} ms), ${built.method}`,
      );
      // Audited below as the server's first round does: the release as built, held figures apart.
      releases.push(alone);
      truths.push(built.truth);
      break;
    }
    if (interims === "as built") {
      releases.push(buildRelease(highs, matrix, input));
      truths.push(trueGroupCounts(matrix, input));
      continue;
    }
    const began = performance.now();
    const built = buildSequencedRelease(highs, matrix, input, releases, { truths, witnesses });
    progress(
      `interim ${releases.length + 1}: ${built.passes ? "served" : "held back"} after ${built.rounds} rounds, ${(performance.now() - began).toFixed(0)} ms, ${built.method}`,
    );
    if (built.passes) {
      releases.push(built.release);
      truths.push(built.truth);
    }
  }
  const began = performance.now();
  const audit = auditReleaseSequence(highs, releases, {
    ...sequenceRules(input),
    truths,
    witnesses,
  });
  const sequenceAuditMs = performance.now() - began;
  return {
    responses,
    releases: releases.length,
    singleReleaseMs,
    sequenceAuditMs,
    solves: audit.solves,
    findings: audit.findings.length,
    open: audit.open ?? 0,
    windowSolves: audit.windowSolves ?? 0,
    method: audit.method,
    rebuildMs: rebuild.ms,
    rebuildRounds: rebuild.rounds,
    rebuildPasses: rebuild.passes,
    interims,
  };
}
