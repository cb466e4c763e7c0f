import type { Highs } from "highs";
import {
  auditByBounds,
  auditRanges,
  boundsRound,
  noProvenRanges,
  provenAfterPublishing,
  type RangeFindings,
} from "./audit-ranges";
import type { SmallGroupSolver } from "./audit-small-groups";
import {
  applyPrimarySuppression,
  type CellModel,
  cheapestNeighbour,
  equationsByCell,
} from "./cell-model";
import type { HiddenReason } from "./release-types";
import { canHide, suppressByEquations } from "./suppress-by-equations";

/** A release cannot be protected: every cell that could be hidden already is. */
export class UnprotectableReleaseError extends Error {}

/**
 * Cells hidden further out for a flagged cell whose own equations are all hidden, before it is
 * relabelled instead (`relabelStuck`): often one or two such cells do protect it, and its
 * "fewer than k" stays.
 */
const FURTHER_TRIES = 3;

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
    relabelStuck = false,
    witnessesFrom,
    known,
    smallGroups,
  }: {
    /**
     * Each round asks bound tightening first and runs the LP audit only when tightening finds
     * nothing more: far fewer LP rounds on large models (headcounts). The LP still has the last
     * word, so the result is as safe; the hidden pattern may differ.
     */
    boundsFirst?: boolean;
    /**
     * A flagged cell with no publishable cell left to hide beside it is exact because of what
     * the reasons tell (three primaries of k−1 under a total of 3(k−1): "fewer than k" each
     * pins them all), and hiding more cannot help. Relabel it, then its hidden neighbours,
     * "protected" (nothing said about its size) instead of giving up (headcounts).
     */
    relabelStuck?: boolean;
    /**
     * Hidden components of at least this many cells are first shown wide by checked witness
     * points (width-witnesses.ts), the LP asked only about the rest: same findings, fewer LPs
     * (headcounts; none when unset or infinite). With it, proofs are also kept through
     * publishing derivable cells where the solutions they came from allow (`provenAfterPublishing`).
     */
    witnessesFrom?: number;
    /**
     * Cells whose value is the least the reader allows from elsewhere (release sequences:
     * groups that did not change since a shown release published them). Hidden, such a cell
     * can only move up, so it makes no room for a cell beside it: they are not counted on,
     * treated as published while protecting (those hidden on entry are hidden again at the
     * end), and chosen as complementary cells only when nothing else is left.
     */
    known?: Uint8Array;
    /** A second solver for the LP audit's model A on large components (`auditRanges`). */
    smallGroups?: SmallGroupSolver;
  } = {},
): { rounds: number; solves: number } {
  applyPrimarySuppression(model);
  for (const row of unanimousRows) {
    for (const cell of row) if (model.hidden[cell] === null) model.hidden[cell] = "unanimity";
  }
  const byCell = equationsByCell(model);
  const settled = model.settled ?? new Uint8Array(model.n.length);
  model.settled = settled;
  const knownCells = setKnownAside(model, known);
  let solves = 0;
  // With witnesses (headcounts), proofs are kept through publishing where their solutions allow.
  const keepPoints = witnessesFrom !== undefined && Number.isFinite(witnessesFrom);
  let proven = noProvenRanges(model.n.length, { keepPoints });
  const triedFurther = new Uint8Array(model.n.length);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    suppressByEquations(model, byCell);
    const derivableIn = (found: RangeFindings, cell: number) =>
      model.hidden[cell] === "secondary" && !model.keepHidden?.[cell] && found.exact.includes(cell);
    const tightening = boundsFirst ? boundsRound(model) : undefined;
    const quick = tightening ? auditByBounds(model, tightening) : undefined;
    // Quick findings hide more cells; publishing cells as derivable waits for the whole audit,
    // which may still need them hidden to protect another cell.
    const findings =
      quick?.narrow.length || quick?.exact.some((cell) => !derivableIn(quick, cell))
        ? quick
        : auditRanges(highs, model, proven, {
            witnessesFrom,
            smallGroups,
            round: tightening,
          });
    solves += findings.solves;
    const flagged = [...new Set([...findings.exact, ...findings.narrow])];
    if (flagged.length === 0) {
      knownCells.restore();
      return { rounds: round, solves };
    }
    let changed = false;
    const stuck: number[] = [];
    const derivableSecondary = (cell: number) => derivableIn(findings, cell);
    if (flagged.every(derivableSecondary)) {
      // Only secondary cells whose value follows from the published figures anyway are left:
      // they protect nothing, and publishing them tells an attacker nothing new.
      for (const cell of flagged) {
        model.hidden[cell] = null;
        settled[cell] = 1;
      }
      // A published cell narrows what an attacker must allow: only proofs whose solutions already
      // held it at its value stand.
      proven = provenAfterPublishing(model, proven, flagged);
      continue;
    }
    for (const cell of flagged) {
      if (derivableSecondary(cell)) continue;
      // Nothing left to hide in the cell's own equations, and cells hidden further out did not
      // help before (FURTHER_TRIES times): what pins it is what the reasons of its hidden neighbours tell, which more
      // hidden cells further out do not undo (at 1,000 units this hid hundreds, round by round).
      const ownEquationsHidden = !sharesEquationWith(model, byCell, cell, (other) =>
        canHide(model, other),
      );
      if (relabelStuck && ownEquationsHidden && (triedFurther[cell] as number) >= FURTHER_TRIES) {
        if (relabelProtected(model, byCell, [cell])) {
          changed = true;
          continue;
        }
      }
      // The cheapest publishable cell sharing an equation with the flagged one; failing that, one
      // ring further out through the hidden cells of those equations.
      const passThrough = (other: number) => model.hidden[other] !== null;
      const next =
        cheapestNeighbour(model, byCell, cell, {
          candidate: (other) => canHide(model, other),
          passThrough,
        }) ?? cheapestNeighbour(model, byCell, cell, { candidate: knownCells.usable, passThrough });
      if (next === undefined) {
        stuck.push(cell);
        continue;
      }
      if (ownEquationsHidden) triedFurther[cell] = (triedFurther[cell] as number) + 1;
      knownCells.release(next);
      model.hidden[next] = "secondary";
      changed = true;
    }
    if (!changed && relabelStuck) changed = relabelProtected(model, byCell, stuck);
    if (!changed) {
      throw new UnprotectableReleaseError(
        "No publishable cell is left that could protect the remaining hidden cells.",
      );
    }
  }
  throw new UnprotectableReleaseError(`Suppression did not settle in ${MAX_ROUNDS} rounds.`);
}

/**
 * Publishes the known cells for the protection (marked settled, so that no rule picks them as
 * complementary cells) and remembers which were hidden; `restore` hides those again and clears
 * the marks. `usable` is a known cell that could still be hidden as a last resort, `release`
 * makes one an ordinary cell again when it is.
 */
function setKnownAside(model: CellModel, known: Uint8Array | undefined) {
  const settled = model.settled as Uint8Array;
  const marked = new Uint8Array(model.n.length);
  const hiddenAs = new Map<number, HiddenReason>();
  if (known) {
    known.forEach((isKnown, cell) => {
      const reason = model.hidden[cell];
      // A primary cell is never known to the reader; a settled one needs no mark.
      if (!isKnown || reason === "primary" || settled[cell]) return;
      if (reason != null) hiddenAs.set(cell, reason);
      model.hidden[cell] = null;
      settled[cell] = 1;
      marked[cell] = 1;
    });
  }
  const release = (cell: number) => {
    if (!marked[cell]) return;
    marked[cell] = 0;
    settled[cell] = 0;
    hiddenAs.delete(cell);
  };
  return {
    usable: (cell: number) =>
      marked[cell] === 1 && model.hidden[cell] === null && (model.n[cell] as number) > 0,
    release,
    restore: () => {
      for (const [cell, reason] of hiddenAs) model.hidden[cell] = reason;
      marked.forEach((mark, cell) => {
        if (mark) settled[cell] = 0;
      });
    },
  };
}

/**
 * Relabels stuck cells "protected" (bounds 0..∞: only widens what an attacker must allow, so
 * nothing shown wide becomes narrow); a stuck cell already protected passes it on to the hidden
 * cells it shares an equation with. A primary group relabelled takes its splits along, so no
 * "fewer than k" is left on a cell that may hold 0. Whether anything changed.
 */
function relabelProtected(model: CellModel, byCell: number[][], stuck: number[]): boolean {
  const queue: number[] = [];
  for (const cell of stuck) {
    if (model.hidden[cell] !== "protected") {
      queue.push(cell);
      continue;
    }
    for (const index of byCell[cell] ?? []) {
      const equation = model.equations[index];
      if (!equation) continue;
      for (const other of [equation.total, ...equation.parts]) {
        const reason = model.hidden[other];
        if (reason !== null && reason !== "protected") queue.push(other);
      }
    }
  }
  let changed = false;
  while (queue.length > 0) {
    const cell = queue.pop() as number;
    if (model.hidden[cell] === null || model.hidden[cell] === "protected") continue;
    const wasPrimary = model.hidden[cell] === "primary";
    model.hidden[cell] = "protected";
    changed = true;
    if (!wasPrimary) continue;
    for (const index of byCell[cell] ?? []) {
      const equation = model.equations[index];
      if (equation?.total !== cell) continue;
      for (const part of equation.parts) {
        if (model.breaksDownPrimary?.[part] && model.hidden[part] === "primary") queue.push(part);
      }
    }
  }
  return changed;
}

function sharesEquationWith(
  model: CellModel,
  byCell: number[][],
  cell: number,
  test: (other: number) => boolean,
): boolean {
  return (byCell[cell] ?? []).some((index) => {
    const equation = model.equations[index];
    return equation !== undefined && [equation.total, ...equation.parts].some(test);
  });
}
