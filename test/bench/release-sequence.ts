import highsLoader from "highs";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease, sequenceRules } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import type { TrueCounts } from "../../analysis/true-group-counts";
import type { ResponseRow } from "../../analysis/types";
import { syntheticCampaign } from "./release-build";

/** Wall and CPU time of one step (the machine is shared: wall time follows its load). */
export interface Timing {
  ms: number;
  cpuMs: number;
}

export interface SequenceBenchFigures {
  responses: number;
  releases: number;
  /** One release built and protected on its own, measured in the same run: the baseline. */
  singleRelease: Timing;
  /**
   * The served candidate audited against the 20 interim releases before it (true counts known),
   * as its first audit: witnesses of the shown releases kept, none of its own rebuild's.
   */
  sequenceAudit: Timing;
  solves: number;
  findings: number;
  /** Batches the witnesses left open, and the joint fallback's LPs. */
  open: number;
  windowSolves: number;
  method: string;
  /** The whole rebuild of the candidate (build, hold back, audit rounds) as the server runs it. */
  rebuild: Timing;
  rebuildRounds: number;
  rebuildPasses: boolean;
  /** Per interim: rounds, whether served, wall and CPU time of its rebuild. */
  interimRebuilds: { rounds: number; served: boolean; ms: number; cpuMs: number }[];
  /** Rebuilds attempted (a held-back one is tried again after the next arrivals). */
  attempts: number;
  arrivals: string;
  /** Whether the interims were built with the item audit's LP stage (as the server serves them). */
  itemLp: boolean;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timed<T>(run: () => T): [T, Timing] {
  const wall = performance.now();
  const cpu = cpuNow();
  const result = run();
  return [result, { ms: performance.now() - wall, cpuMs: cpuNow() - cpu }];
}

/**
 * Arrivals in waves, as invitations and reminders go out per faculty: each wave is the next
 * `size` responses of one faculty (its departments, its own staff), faculties in turn.
 */
export function facultyWaves(rows: ResponseRow[], size: number): ResponseRow[][] {
  const byFaculty = new Map<string, ResponseRow[]>();
  for (const row of rows) {
    const faculty = row.unitId.replace(/D\d+$/, "");
    byFaculty.set(faculty, [...(byFaculty.get(faculty) ?? []), row]);
  }
  const queues = [...byFaculty.values()];
  const waves: ResponseRow[][] = [];
  for (let turn = 0; queues.some((queue) => queue.length > 0); turn++) {
    const queue = queues[turn % queues.length] as ResponseRow[];
    if (queue.length > 0) waves.push(queue.splice(0, size));
  }
  return waves;
}

/**
 * A campaign read live: from half its responses on, interim releases while the rest arrive,
 * each served as the server serves it (built through the sequenced builder against every
 * release served before, with groups held back where needed; a release held back is tried
 * again after the next arrivals), until 20 interim releases were served; then the next
 * candidate is rebuilt and audited against all 20 with the true counts the release worker
 * keeps in memory. Arrivals come `spread` over all units (each wave a random sample of the
 * campaign) or in `faculty` waves. The releases are built without the item audit's LP stage
 * unless `itemLp` is set: it checks answers only, never decides a group (the group figures are
 * the same with and without it), and costs one LP build per served release that would drown the
 * sequence audit's figures.
 */
export async function measureReleaseSequence({
  responses = 20_000,
  interim = 20,
  wave = 250,
  arrivals = "faculty" as "faculty" | "spread",
  itemLp = false,
  progress = (_line: string) => {},
} = {}): Promise<SequenceBenchFigures> {
  const highs = await highsLoader();
  const { input, rows } = syntheticCampaign(responses);
  const half = Math.floor(rows.length / 2);
  const matrix = createResponseMatrix(input, rows.slice(0, half));
  const rest = rows.slice(half);
  const waves =
    arrivals === "faculty"
      ? facultyWaves(rest, wave)
      : Array.from({ length: Math.ceil(rest.length / wave) }, (_, i) =>
          rest.slice(i * wave, (i + 1) * wave),
        );
  const releases: Release[] = [];
  const truths: TrueCounts[] = [];
  const witnesses = new WitnessCache();
  const interimRebuilds: SequenceBenchFigures["interimRebuilds"] = [];
  let attempts = 0;
  for (const arrived of [[], ...waves]) {
    for (const row of arrived) matrix.append(row);
    if (releases.length === interim) break;
    attempts++;
    const [built, time] = timed(() =>
      buildSequencedRelease(highs, matrix, input, releases, { truths, witnesses, itemLp }),
    );
    interimRebuilds.push({ rounds: built.rounds, served: built.passes, ...time });
    progress(
      `interim ${releases.length + 1}: ${built.passes ? "served" : "held back"} after ${built.rounds} rounds, ${time.ms.toFixed(0)} ms wall, ${time.cpuMs.toFixed(0)} ms CPU, ${built.method}`,
    );
    if (built.passes) {
      releases.push(built.release);
      truths.push(built.truth);
    }
  }
  if (releases.length < interim) throw new Error(`only ${releases.length} interims served`);
  // The baseline, then the candidate's whole rebuild, then its audit alone as served.
  const [, singleRelease] = timed(() => buildRelease(highs, matrix, input));
  const earlier = new Set(witnesses.keptPoints());
  const [built, rebuild] = timed(() =>
    buildSequencedRelease(highs, matrix, input, releases, { truths, witnesses, itemLp }),
  );
  progress(
    `candidate: ${built.passes ? "passes" : "held back"} after ${built.rounds} rounds, ${rebuild.ms.toFixed(0)} ms wall, ${rebuild.cpuMs.toFixed(0)} ms CPU (one release alone ${singleRelease.ms.toFixed(0)} ms wall, ${singleRelease.cpuMs.toFixed(0)} ms CPU), ${built.method}`,
  );
  // Its audit as a first audit of that release: the witnesses of the shown releases and the
  // joint points of earlier rebuilds are kept (the server keeps them between rebuilds), what the
  // rebuild's own rounds found for this candidate is not (its joint points are dropped, and a
  // copy of its true counts is another key in the cache).
  const kept = witnesses.keptPoints();
  kept.splice(0, kept.length, ...kept.filter((point) => earlier.has(point)));
  const [audit, sequenceAudit] = timed(() =>
    auditReleaseSequence(highs, [...releases, built.release], {
      ...sequenceRules(input),
      truths: [...truths, new Map(built.truth)],
      witnesses,
    }),
  );
  return {
    responses,
    releases: releases.length + 1,
    singleRelease,
    sequenceAudit,
    solves: audit.solves,
    findings: audit.findings.length,
    open: audit.open ?? 0,
    windowSolves: audit.windowSolves ?? 0,
    method: audit.method,
    rebuild,
    rebuildRounds: built.rounds,
    rebuildPasses: built.passes,
    interimRebuilds,
    attempts,
    arrivals: `${arrivals === "faculty" ? "faculty waves" : "spread over all units"} of ${wave}`,
    itemLp,
  };
}
