import { EPSILON, type Row, type SequenceSystem } from "./sequence-system";

/**
 * Points of the reader's stacked system found by a joint LP, kept across the hold-back rounds
 * of one rebuild. Between rounds only the candidate changes (more groups hidden, others
 * published, answers held back), so most points found for the batches witnesses leave open are
 * still points of the next round's system. A kept point is trusted only after it is checked
 * against that whole system: every moved count within its bounds (published values, reasons,
 * headcounts), every relation of its release and "counts never go down" still holding.
 * Counts a point does not move stay at the truth (published, or true where hidden), which the
 * next round's system allows because the candidate is built from the same true counts.
 */
export interface SequencePoint {
  /** "B": respects the reasons; "A": the published values alone. */
  model: "A" | "B";
  /** The counts the point moves away from the truth, by release and group id. */
  moved: { release: number; groupId: string; value: number }[];
}

/** Slack for the solver's rounding when a kept point is checked again. */
const TOLERANCE = 1e-6;

/** Each group's count in each release of the sequence: published, or true where hidden. */
export type BaseCounts = ReadonlyMap<string, readonly (number | undefined)[]>;

/**
 * The hidden counts of `system` that `point` moves (variable → value), or null when the point is
 * not a point of `system`: a count it moves is published there at another value, lies outside its
 * bounds (of the point's model), or a relation or a "never goes down" row touching it fails.
 */
export function pointInSystem(
  system: SequenceSystem,
  base: BaseCounts,
  rowsOf: (variable: number) => readonly Row[],
  point: SequencePoint,
): Map<number, number> | null {
  const moved = new Map<number, number>();
  for (const { release, groupId, value } of point.moved) {
    const entry = system.entries.get(groupId)?.[release];
    if (!entry) continue;
    if ("value" in entry) {
      if (Math.abs(value - entry.value) > TOLERANCE) return null;
      continue;
    }
    const variable = system.variables[entry.variable];
    if (!variable) return null;
    const lower = point.model === "B" ? variable.lowerB : variable.lowerA;
    const upper = point.model === "B" ? variable.upperB : variable.upperA;
    if (value < lower - TOLERANCE || value > upper + TOLERANCE) return null;
    moved.set(entry.variable, value);
  }
  const countOf = (v: number) => {
    const found = moved.get(v);
    if (found !== undefined) return found;
    const variable = system.variables[v];
    return base.get(variable?.groupId as string)?.[variable?.release as number] as number;
  };
  const checked = new Set<Row>();
  for (const v of moved.keys()) {
    for (const row of rowsOf(v)) {
      if (checked.has(row)) continue;
      checked.add(row);
      let sum = 0;
      row.variables.forEach((w, i) => {
        sum += (row.coefficients[i] as number) * countOf(w);
      });
      if (sum < row.lower - TOLERANCE || sum > row.upper + TOLERANCE) return null;
    }
  }
  return moved;
}

/** The rows (own relations and "never goes down") holding each hidden count of `system`. */
export function rowsByVariable(system: SequenceSystem): (variable: number) => readonly Row[] {
  let index: Map<number, Row[]> | undefined;
  return (variable) => {
    if (!index) {
      index = new Map();
      for (const row of [...system.chainRows, ...system.ownRows.flat()]) {
        for (const v of row.variables) {
          const rows = index.get(v);
          if (rows) rows.push(row);
          else index.set(v, [row]);
        }
      }
    }
    return index.get(variable) ?? [];
  };
}

/** A batch of one group's newcomers between releases `from` and `to`. */
export interface OpenBatch {
  groupId: string;
  from: number;
  to: number;
}

/**
 * The batches that points of the system settle, by the stacked audit's rule: sizes at 0 or at
 * k and above, or (with reasons) two sizes an integer apart and (values alone) one at 0 or k+.
 * `points` are points of the system (checked by pointInSystem), as moved hidden counts.
 */
export function settledByPoints(
  system: SequenceSystem,
  base: BaseCounts,
  points: { model: "A" | "B"; moved: Map<number, number> }[],
  batches: OpenBatch[],
  k: number,
): OpenBatch[] {
  return batches.filter(({ groupId, from, to }) => {
    const timeline = system.entries.get(groupId);
    const counts = base.get(groupId);
    if (!timeline || !counts) return false;
    const countIn = (moved: Map<number, number>, t: number) => {
      const entry = timeline[t];
      const own = counts[t] as number;
      return entry && "variable" in entry ? (moved.get(entry.variable) ?? own) : own;
    };
    const d = (counts[to] as number) - (counts[from] as number);
    let minB = d;
    let maxB = d;
    let minA = d;
    let maxA = d;
    for (const { model, moved } of points) {
      const size = countIn(moved, to) - countIn(moved, from);
      if (model === "B") {
        minB = Math.min(minB, size);
        maxB = Math.max(maxB, size);
      }
      minA = Math.min(minA, size);
      maxA = Math.max(maxA, size);
    }
    if (minB <= EPSILON || maxB >= k - EPSILON) return true;
    const notExact = Math.floor(maxB + EPSILON) > Math.ceil(minB - EPSILON);
    return notExact && (minA <= EPSILON || maxA >= k - EPSILON);
  });
}
