import type { Highs } from "highs";
import { auditByBounds, auditRanges, noProvenRanges, type RangeFindings } from "./audit-ranges";
import {
  applyPrimarySuppression,
  type CellModel,
  cheapestNeighbour,
  equationsByCell,
} from "./cell-model";
import { canHide, suppressByEquations } from "./suppress-by-equations";

/** A release cannot be protected: every cell that could be hidden already is. */
export class UnprotectableReleaseError extends Error {}

/** Hard stop for the hide-and-audit loop; each round hides at least one more cell. */
const MAX_ROUNDS = 2000;

/**
 * Primary, unanimity and secondary suppression on one linked model, until the LP audit finds
 * no exactly recoverable hidden cell and no primary cell with a range under k.
 * `unanimousRows` are partitions to hide whole because (nearly) everyone is in one value.
 */
export function protectCells(
  highs: Highs,
  model: CellModel,
  unanimousRows: number[][],
  {
    boundsFirst = false,
  }: {
    /**
     * Each round asks bound tightening first and runs the LP audit only when tightening finds
     * nothing more: far fewer LP rounds on large models (headcounts). The LP still has the last
     * word, so the result is as safe; the hidden pattern may differ.
     */
    boundsFirst?: boolean;
  } = {},
): { rounds: number; solves: number } {
  applyPrimarySuppression(model);
  for (const row of unanimousRows) {
    for (const cell of row) if (model.hidden[cell] === null) model.hidden[cell] = "unanimity";
  }
  const byCell = equationsByCell(model);
  const settled = model.settled ?? new Uint8Array(model.n.length);
  model.settled = settled;
  let solves = 0;
  let proven = noProvenRanges(model.n.length);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    suppressByEquations(model);
    const derivableIn = (found: RangeFindings, cell: number) =>
      model.hidden[cell] === "secondary" && !model.keepHidden?.[cell] && found.exact.includes(cell);
    const quick = boundsFirst ? auditByBounds(model) : undefined;
    // Quick findings hide more cells; publishing cells as derivable waits for the whole audit,
    // which may still need them hidden to protect another cell.
    const findings =
      quick?.narrow.length || quick?.exact.some((cell) => !derivableIn(quick, cell))
        ? quick
        : auditRanges(highs, model, proven);
    solves += findings.solves;
    const flagged = [...new Set([...findings.exact, ...findings.narrow])];
    if (flagged.length === 0) return { rounds: round, solves };
    let changed = false;
    const derivableSecondary = (cell: number) => derivableIn(findings, cell);
    if (flagged.every(derivableSecondary)) {
      // Only secondary cells whose value follows from the published figures anyway are left:
      // they protect nothing, and publishing them tells an attacker nothing new.
      for (const cell of flagged) {
        model.hidden[cell] = null;
        settled[cell] = 1;
      }
      // A published cell narrows what an attacker must allow: ranges shown wide before may not be.
      proven = noProvenRanges(model.n.length);
      continue;
    }
    for (const cell of flagged) {
      if (derivableSecondary(cell)) continue;
      // The cheapest publishable cell sharing an equation with the flagged one; failing that, one
      // ring further out through the hidden cells of those equations.
      const next = cheapestNeighbour(model, byCell, cell, {
        candidate: (other) => canHide(model, other),
        passThrough: (other) => model.hidden[other] !== null,
      });
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
