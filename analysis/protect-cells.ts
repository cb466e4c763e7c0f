import type { Highs } from "highs";
import { auditRanges } from "./audit-ranges";
import { applyPrimarySuppression, type CellModel, equationsByCell } from "./cell-model";
import { suppressByEquations } from "./suppress-by-equations";

/** A release cannot be protected: every cell that could be hidden already is. */
export class UnprotectableReleaseError extends Error {}

/** Hard stop for the hide-and-audit loop; each round hides at least one more cell. */
const MAX_ROUNDS = 500;

/**
 * Primary, unanimity and secondary suppression on one linked model, until the LP audit finds
 * no exactly recoverable hidden cell and no primary cell with a range under k.
 * `unanimousRows` are partitions to hide whole because (nearly) everyone is in one value.
 */
export function protectCells(
  highs: Highs,
  model: CellModel,
  unanimousRows: number[][],
): { rounds: number; solves: number } {
  applyPrimarySuppression(model);
  for (const row of unanimousRows) {
    for (const cell of row) if (model.hidden[cell] === null) model.hidden[cell] = "unanimity";
  }
  const byCell = equationsByCell(model);
  let solves = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    suppressByEquations(model);
    const findings = auditRanges(highs, model);
    solves += findings.solves;
    const flagged = [...new Set([...findings.exact, ...findings.narrow])];
    if (flagged.length === 0) return { rounds: round, solves };
    let hidOne = false;
    for (const cell of flagged) {
      const next = nearestPublishedCell(model, byCell, cell);
      if (next === undefined) continue;
      model.hidden[next] = "secondary";
      hidOne = true;
    }
    if (!hidOne) {
      throw new UnprotectableReleaseError(
        "No publishable cell is left that could protect the remaining hidden cells.",
      );
    }
  }
  throw new UnprotectableReleaseError(`Suppression did not settle in ${MAX_ROUNDS} rounds.`);
}

/**
 * The cheapest published non-zero cell sharing an equation with the flagged cell; failing
 * that, one ring further out through the hidden cells of those equations, and so on.
 */
function nearestPublishedCell(
  model: CellModel,
  byCell: number[][],
  start: number,
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
          if (model.hidden[other] !== null) {
            nextRing.push(other);
          } else if (
            (model.n[other] as number) > 0 &&
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
