import type { Highs } from "highs";
import type { ReleaseEquations } from "./release-equations";
import type { Release } from "./release-types";
import type { OpenBatch, SequencePoint } from "./sequence-points";
import {
  auditStackedBatches,
  type BatchFinding,
  type JointPointObserver,
  type SequenceSystem,
  sequenceSystem,
  type Variable,
} from "./sequence-system";
import type { TrueCounts } from "./true-group-counts";

/** A feasible point as counts per release (by group id); every other count at its truth. */
export type PointCounts = ReadonlyMap<number, ReadonlyMap<string, number>>;

export interface JointOptions {
  /** The most hidden counts of one joint LP; beyond, windows first (see auditJointly). */
  upTo: number;
  /** Sees every point a joint LP finds, as moves away from the true counts. */
  keep?: (point: SequencePoint) => void;
  /** Sees every point a joint LP finds, as counts (tests check each is a point of the whole). */
  observe?: (model: "A" | "B", counts: PointCounts) => void;
}

/**
 * The batches witnesses left open, audited jointly. When the reader's whole stacked system
 * holds at most `upTo` hidden counts, on it: exact. Otherwise in windows first, growing: a
 * window frees some consecutive releases and fixes every other one at its true counts (as if
 * published). The true sequence is a point of the whole, so a point of a window is one too, and
 * a batch a window moves is settled; a batch a window pins may still move in the whole (a
 * release fixed after it bounds it from above), so what the widest window still pins is
 * audited in the whole system, which decides. Findings are those of the whole system only.
 */
export function auditJointly(
  highs: Highs,
  releases: Release[],
  structures: ReleaseEquations[],
  system: SequenceSystem,
  truths: TrueCounts[],
  k: number,
  open: OpenBatch[],
  { upTo, keep, observe }: JointOptions,
): { findings: BatchFinding[]; solves: number; windowSolves: number } {
  const last = releases.length - 1;
  let solves = 0;
  const audit = (sequence: SequenceSystem, batches: OpenBatch[]) => {
    const wanted = new Set(batches.map(batchKey));
    const found = auditStackedBatches(
      highs,
      sequence,
      k,
      (id, from, to) => wanted.has(`${from} ${to} ${id}`),
      pointObserver(sequence, truths, keep, observe),
    );
    solves += found.solves;
    return found.findings;
  };
  let pinned = open;
  if (system.variables.length > upTo) {
    const hiddenIn = releases.map(
      (release) => release.groups.filter((group) => "hidden" in group.n).length,
    );
    const size = (a: number, b: number) =>
      hiddenIn.slice(a, b + 1).reduce((sum, hidden) => sum + hidden, 0);
    /** Releases a..b free, every other one at its true counts. */
    const window = (batches: OpenBatch[], a: number, b: number) => {
      const fixed = releases.map((release, t) =>
        t >= a && t <= b ? release : revealed(release, truths[t] as TrueCounts),
      );
      return audit(sequenceSystem(fixed, structures), batches);
    };
    // First each batch's own window: as many releases before its end as fit, and the one after.
    const byEnd = new Map<number, OpenBatch[]>();
    for (const batch of pinned) byEnd.set(batch.to, [...(byEnd.get(batch.to) ?? []), batch]);
    const still: OpenBatch[] = [];
    for (const [to, batches] of byEnd) {
      const b = Math.min(to + 1, last);
      let a = 0;
      while (a < to - 1 && size(a, b) > upTo) a++;
      if (size(a, b) > upTo) {
        still.push(...batches);
        continue;
      }
      still.push(...keyed(batches, window(batches, a, b)));
    }
    pinned = still;
    // Then one window reaching the candidate: every release after the batches free, so no
    // later release bounds them from above at its true counts.
    if (pinned.length > 0) {
      let a = Math.min(...pinned.map((batch) => batch.from));
      while (a < last && size(a, last) > upTo) a++;
      if (a > 0 && size(a, last) <= upTo) pinned = keyed(pinned, window(pinned, a, last));
    }
  }
  const windowSolves = solves;
  const findings = pinned.length > 0 ? audit(system, pinned) : [];
  return { findings, solves, windowSolves };
}

const batchKey = (batch: OpenBatch) => `${batch.from} ${batch.to} ${batch.groupId}`;

/** The batches of `batches` among `findings`. */
function keyed(batches: OpenBatch[], findings: BatchFinding[]): OpenBatch[] {
  const flagged = new Set(findings.map(batchKey));
  return batches.filter((batch) => flagged.has(batchKey(batch)));
}

/** Each LP point of a joint system, as moves away from the truth and as counts. */
function pointObserver(
  system: SequenceSystem,
  truths: TrueCounts[],
  keep: JointOptions["keep"],
  observe: JointOptions["observe"],
): JointPointObserver | undefined {
  if (!keep && !observe) return undefined;
  return (model, variables, values) => {
    const moved: SequencePoint["moved"] = [];
    variables.forEach((v, i) => {
      const variable = system.variables[v] as Variable;
      const value = values[i] as number;
      const truth = truths[variable.release]?.get(variable.groupId);
      // Kept as moves away from the truth: the counts an LP leaves at their truth need no check.
      if (truth === undefined || Math.abs(value - truth) > 1e-9)
        moved.push({ release: variable.release, groupId: variable.groupId, value });
    });
    keep?.({ model, moved });
    if (observe) {
      const counts = new Map<number, Map<string, number>>();
      for (const { release, groupId, value } of moved) {
        const found = counts.get(release) ?? new Map<string, number>();
        found.set(groupId, value);
        counts.set(release, found);
      }
      observe(model, counts);
    }
  };
}

/** A release with its hidden counts replaced by their truth. */
function revealed(release: Release, truth: TrueCounts): Release {
  return {
    ...release,
    groups: release.groups.map((group) =>
      "hidden" in group.n ? { ...group, n: { value: truth.get(group.id) as number } } : group,
    ),
  };
}
