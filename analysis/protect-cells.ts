import type { Highs } from "highs";
import { auditRanges } from "./audit-ranges";
import { applyPrimarySuppression, type CellModel, equationsByCell } from "./cell-model";
import { canHide, suppressByEquations } from "./suppress-by-equations";

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
  const settled = model.settled ?? new Uint8Array(model.n.length);
  model.settled = settled;
  let solves = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    suppressByEquations(model);
    const findings = auditRanges(highs, model);
    solves += findings.solves;
    const flagged = [...new Set([...findings.exact, ...findings.narrow])];
    if (flagged.length === 0) return { rounds: round, solves };
    let changed = false;
    const derivableSecondary = (cell: number) =>
      model.hidden[cell] === "secondary" && findings.exact.includes(cell);
    if (flagged.every(derivableSecondary)) {
      // Only secondary cells whose value follows from the published figures anyway are left:
      // they protect nothing, and publishing them tells an attacker nothing new.
      for (const cell of flagged) {
        model.hidden[cell] = null;
        settled[cell] = 1;
      }
      continue;
    }
    for (const cell of flagged) {
      if (derivableSecondary(cell)) continue;
      const next = nearestPublishedCell(model, byCell, cell);
      if (next === undefined) continue;
      model.hidden[next] = "secondary";
      changed = true;
    }
    if (!changed) {
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
            canHide(model, other) &&
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
