import type { HiddenReason } from "./release-types";

/**
 * The linked model suppression works on: every published count is a cell, and every relation
 * an attacker can use is an equation `total = Σ parts` between cells.
 */
export interface CellModel {
  k: number;
  /** True counts. */
  n: number[];
  /** Why each cell is hidden; null while it is published. */
  hidden: (HiddenReason | null)[];
  /** Equations total = Σ parts, by cell index. */
  equations: Equation[];
  /** Known upper bound per cell (a unit's headcount), Infinity when unknown. */
  upper: number[];
  /**
   * Known lower bound per cell from outside these tables (release sequences: the least value
   * a reader of the releases already shown must allow, since counts never go down), never
   * above the true count; absent, every lower bound is 0. Both models of the audit apply it.
   */
  lower?: readonly number[];
  /** Preference order for secondary suppression: lower is hidden first. */
  cost: number[];
  /**
   * Cells that break down a group hidden as primary (by a dimension or into sub-units). They
   * are hidden with it, zeros included, so they may hold 0: "hidden" there says nothing.
   */
  breaksDownPrimary?: Uint8Array;
  /** Cells published because their value follows exactly anyway: never hidden again. */
  settled?: Uint8Array;
  /**
   * Secondary cells hidden for a reason outside these tables (headcounts: a change of 1..k−1
   * since an earlier date): never published as derivable, so the audit must leave them inexact.
   */
  keepHidden?: Uint8Array;
  /**
   * Candidate witness directions through a cell (cell → whole step) that the tables' structure
   * says balance every equation (headcounts: people moved or swapping type between two
   * places). Only candidates: `witnessRanges` checks every point against the equations, and
   * stops asking once the cell is shown wide.
   */
  witnessDirections?: (
    cell: number,
    random: () => number,
    movable: (cell: number) => boolean,
  ) => Iterable<Map<number, number>>;
}

export interface Equation {
  total: number;
  parts: number[];
  /** A split of one group by a dimension value (not a unit and its sub-units). */
  partition?: boolean;
}

/** What an attacker knows a hidden cell holds, given its published reason (model B). */
export function reasonBounds(reason: HiddenReason, k: number): { lower: number; upper: number } {
  switch (reason) {
    case "primary":
      return { lower: 1, upper: k - 1 };
    case "secondary":
      return { lower: k, upper: Number.POSITIVE_INFINITY };
    case "unanimity":
    case "protected":
      return { lower: 0, upper: Number.POSITIVE_INFINITY };
  }
}

/**
 * What an attacker knows one hidden cell holds: its reason's bounds, capped by headcount and
 * raised to its known lower bound.
 */
export function cellBounds(model: CellModel, cell: number): { lower: number; upper: number } {
  const { lower, upper } = reasonBounds(model.hidden[cell] ?? "unanimity", model.k);
  return {
    lower: Math.max(model.breaksDownPrimary?.[cell] ? 0 : lower, knownLower(model, cell)),
    upper: Math.min(upper, model.upper[cell] as number),
  };
}

/** What an attacker knows one hidden cell holds from the values alone (model A). */
export function valueBounds(model: CellModel, cell: number): { lower: number; upper: number } {
  return { lower: knownLower(model, cell), upper: model.upper[cell] as number };
}

function knownLower(model: CellModel, cell: number): number {
  return model.lower?.[cell] ?? 0;
}

/**
 * Whether a hidden cell is a small group whose range must stay at least k wide from the values
 * alone (model A): a primary cell, or a cell relabelled "protected" (headcounts, see
 * `protectCells`' `relabelStuck`) that holds 1..k−1 or splits a primary group. The label a
 * reader sees does not change what the true count gives away.
 */
export function isSmallGroup(model: CellModel, cell: number): boolean {
  const reason = model.hidden[cell];
  if (reason === "primary") return true;
  if (reason !== "protected") return false;
  const n = model.n[cell] as number;
  return (n >= 1 && n < model.k) || model.breaksDownPrimary?.[cell] === 1;
}

/** Equations each cell takes part in, for re-checking after a cell is hidden. */
export function equationsByCell(model: CellModel): number[][] {
  const byCell: number[][] = model.n.map(() => []);
  model.equations.forEach((equation, index) => {
    byCell[equation.total]?.push(index);
    for (const part of equation.parts) byCell[part]?.push(index);
  });
  return byCell;
}

/**
 * Hides every group of 1..k−1 respondents, and with it every cell splitting such a group (by
 * a dimension or into sub-units), zeros included: "0 of the 4 people in this unit" says as
 * much as the 4, and "hidden" on every sub-unit would say each holds at least one.
 */
export function applyPrimarySuppression(model: CellModel): void {
  model.n.forEach((n, cell) => {
    if (n >= 1 && n < model.k && model.hidden[cell] === null) model.hidden[cell] = "primary";
  });
  const contained = model.breaksDownPrimary ?? new Uint8Array(model.n.length);
  model.breaksDownPrimary = contained;
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of model.equations) {
      if (model.hidden[total] !== "primary") continue;
      for (const part of parts) {
        if (contained[part]) continue;
        contained[part] = 1;
        model.hidden[part] = "primary";
        changed = true;
      }
    }
  }
}

/**
 * The cheapest `candidate` cell sharing an equation with `start`; failing that, one ring further
 * out through the cells that `passThrough` lets the search cross, and so on. Undefined when the
 * search runs out of cells.
 */
export function cheapestNeighbour(
  model: CellModel,
  byCell: number[][],
  start: number,
  {
    candidate,
    passThrough,
  }: { candidate: (cell: number) => boolean; passThrough: (cell: number) => boolean },
): number | undefined {
  const visitedCells = new Set([start]);
  const visitedEquations = new Set<number>();
  let ring = [start];
  while (ring.length > 0) {
    let best: number | undefined;
    const nextRing: number[] = [];
    for (const cell of ring) {
      for (const index of byCell[cell] ?? []) {
        if (visitedEquations.has(index)) continue;
        visitedEquations.add(index);
        const equation = model.equations[index];
        if (!equation) continue;
        for (const other of [equation.total, ...equation.parts]) {
          if (visitedCells.has(other)) continue;
          visitedCells.add(other);
          if (passThrough(other)) {
            nextRing.push(other);
          } else if (
            candidate(other) &&
            (best === undefined || (model.cost[other] as number) < (model.cost[best] as number))
          ) {
            best = other;
          }
        }
      }
    }
    if (best !== undefined) return best;
    ring = nextRing;
  }
  return undefined;
}
