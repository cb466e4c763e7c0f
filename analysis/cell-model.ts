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
  /** Preference order for secondary suppression: lower is hidden first. */
  cost: number[];
}

export interface Equation {
  total: number;
  parts: number[];
}

/** What an attacker knows a hidden cell holds, given its published reason (model B). */
export function reasonBounds(reason: HiddenReason, k: number): { lower: number; upper: number } {
  switch (reason) {
    case "primary":
      return { lower: 1, upper: k - 1 };
    case "secondary":
      return { lower: k, upper: Number.POSITIVE_INFINITY };
    case "unanimity":
      return { lower: 0, upper: Number.POSITIVE_INFINITY };
  }
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

/** Hides every group of 1..k−1 respondents. */
export function applyPrimarySuppression(model: CellModel): void {
  model.n.forEach((n, cell) => {
    if (n >= 1 && n < model.k && model.hidden[cell] === null) model.hidden[cell] = "primary";
  });
}
