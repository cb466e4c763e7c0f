import { type CellModel, cellBounds, equationsByCell } from "./cell-model";

/**
 * Fast secondary suppression: hides more cells until, in every equation, the hidden cells
 * cannot be read off that equation alone. With a published total, the hidden parts must be
 * none or at least two, hold none or at least k respondents together, and not sit at the
 * edge of what their reasons allow (all at their minimum, or all primaries at k − 1). With a
 * hidden total, at least one part must be hidden too. It never hides a zero cell: hiding one
 * would protect nothing and would contradict "a hidden count is at least 1".
 * Returns the cells it hid. The LP audit checks what single equations cannot show.
 */
export function suppressByEquations(
  model: CellModel,
  byCell: readonly (readonly number[])[] = equationsByCell(model),
): number[] {
  const added: number[] = [];
  const queued = new Uint8Array(model.equations.length).fill(1);
  const queue = model.equations.map((_, index) => index);
  // First in, first out, read from a moving head: `shift` on a queue of many thousand
  // equations moves the rest each time.
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head] as number;
    queued[index] = 0;
    const cell = cellToHide(model, index);
    if (cell === undefined) continue;
    model.hidden[cell] = "secondary";
    added.push(cell);
    for (const other of byCell[cell] ?? []) {
      if (!queued[other]) {
        queued[other] = 1;
        queue.push(other);
      }
    }
  }
  return added;
}

/** The cell to hide next so that this equation no longer reveals a hidden cell, if any. */
export function cellToHide(model: CellModel, index: number): number | undefined {
  const equation = model.equations[index];
  if (!equation) return undefined;
  if (!revealsHiddenCell(model, equation.total, equation.parts)) return undefined;
  return cheapestPublished(model, equation.parts) ?? publishedNonZero(model, equation.total);
}

/** Whether one equation alone pins a hidden cell or shows a hidden group under k. */
export function revealsHiddenCell(model: CellModel, total: number, parts: number[]): boolean {
  const { k, hidden, n } = model;
  const hiddenParts = parts.filter((part) => hidden[part] !== null);
  if (hidden[total] !== null) return hiddenParts.length === 0;
  if (hiddenParts.length === 0) return false;
  if (hiddenParts.length === 1) return true;
  let sum = 0;
  let lowest = 0;
  let highest = 0;
  for (const part of hiddenParts) {
    sum += n[part] as number;
    const bounds = cellBounds(model, part);
    lowest += bounds.lower;
    highest += bounds.upper;
  }
  if (sum > 0 && sum < k) return true;
  return sum === lowest || sum === highest;
}

function cheapestPublished(model: CellModel, cells: number[]): number | undefined {
  let best: number | undefined;
  for (const cell of cells) {
    if (!canHide(model, cell)) continue;
    if (best === undefined || (model.cost[cell] as number) < (model.cost[best] as number)) {
      best = cell;
    }
  }
  return best;
}

function publishedNonZero(model: CellModel, cell: number): number | undefined {
  return canHide(model, cell) ? cell : undefined;
}

/** A published, non-zero cell that was not published for being derivable anyway. */
export function canHide(model: CellModel, cell: number): boolean {
  return model.hidden[cell] === null && (model.n[cell] as number) > 0 && !model.settled?.[cell];
}
