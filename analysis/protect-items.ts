import type { FilterSpace } from "./aggregate-counts";
import { type CellModel, cellBounds, cheapestNeighbour, equationsByCell } from "./cell-model";
import { IntegerBounds } from "./item-bounds";
import { type GroupCell, PART_ALL, PART_DIRECT } from "./release-cells";
import type { UnitTree } from "./unit-tree";

/** One question's option counts, as the item audit sees them. */
export interface AuditedQuestion {
  kind: "single" | "multi";
  /** Slots: 0 is "no answer" (single) or "ticked none" (multi), then the options in order. */
  slots: number;
  sensitive: boolean;
  /** True counts of a cell's slots. */
  countsOf: (cell: number) => number[];
}

export interface ItemAuditContext {
  model: CellModel;
  cells: GroupCell[];
  tree: UnitTree;
  space: FilterSpace;
  cellOf: (cell: GroupCell) => number;
  /** Cells published with their size (their questions may still be hidden). */
  published: (cell: number) => boolean;
}

/** What the item audit of one question found and did. */
export interface ItemAuditOutcome {
  /** Published cells whose answers to this question are hidden. */
  hidden: Set<number>;
  rounds: number;
}

/** Hard stop per question; each round hides the question for at least one more group. */
const MAX_ROUNDS = 400;

/**
 * The item-level audit of one question (issue 16): the option counts of all groups are linked
 * tables with the equations of the group sizes, options add up to the group's size, and a
 * multi-choice question is one ticked / not-ticked table per option. Assuming the attacker
 * knows every published figure and reason, it hides the question for more published groups
 * (cheapest first, next to the leak) until
 * - no hidden group of 1..k−1 can be shown to have answered all one way (or, for a yes/no
 *   question or a multi-choice option, none of them that way),
 * - on a sensitive question, no group whose answers are not shown can be shown all or all but
 *   one on one answer (or at most one on a yes/no answer or option),
 * - no option count of a published group whose question is hidden can be pinned down exactly
 *   (a non-zero one; hidden groups' counts are covered by the two rules above),
 * except where a published group containing it already says as much (a published zero above
 * it, or a published unanimous non-sensitive answer).
 * Deductions are integer bound tightening; `initial` are the groups hidden by the unanimity rule.
 */
export function protectItemCounts(
  context: ItemAuditContext,
  question: AuditedQuestion,
  initial: ReadonlySet<number>,
): ItemAuditOutcome {
  const { model, published } = context;
  const hidden = new Set(initial);
  const byCell = equationsByCell(model);
  const containers = containingCells(context);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const leaks = findLeaks(context, question, hidden, containers);
    if (leaks.length === 0) return { hidden, rounds: round };
    let changed = false;
    for (const leak of leaks) {
      const usable = (cell: number) =>
        published(cell) && !hidden.has(cell) && (model.n[cell] as number) > 0;
      const next = cheapestNeighbour(model, byCell, leak, {
        candidate: usable,
        passThrough: (cell) => !usable(cell),
      });
      if (next === undefined || hidden.has(next)) continue;
      hidden.add(next);
      changed = true;
    }
    if (!changed) break;
  }
  // Nothing left to hide next to the leak: the question is not published for any group.
  model.n.forEach((_, cell) => {
    if (published(cell)) hidden.add(cell);
  });
  return { hidden, rounds: MAX_ROUNDS };
}

/** Groups whose answers to the question leak, by integer bound tightening. */
export function findLeaks(
  context: ItemAuditContext,
  question: AuditedQuestion,
  hidden: ReadonlySet<number>,
  containers: number[][],
): number[] {
  const { model, published } = context;
  const { n } = model;
  const slots = question.slots;
  const answers = (cell: number) => published(cell) && !hidden.has(cell);
  const bounds = new IntegerBounds();
  const constant = -1;
  // Per cell: a variable index, or −1 with the value known.
  const sizeVar = n.map((_, cell) => {
    if (published(cell)) return constant;
    const { lower, upper } = cellBounds(model, cell);
    return bounds.add(lower, upper);
  });
  const knownCounts = n.map((size, cell) =>
    answers(cell) ? question.countsOf(cell) : size === 0 && published(cell) ? zeros(slots) : null,
  );
  const unknown = (cell: number) => knownCounts[cell] === null;
  const countVar: Int32Array[] = n.map((_, cell) =>
    unknown(cell)
      ? Int32Array.from({ length: slots }, () => bounds.add(0, Number.POSITIVE_INFINITY))
      : new Int32Array(0),
  );
  const restVar: Int32Array[] = n.map((_, cell) =>
    unknown(cell)
      ? Int32Array.from({ length: slots }, () => bounds.add(0, Number.POSITIVE_INFINITY))
      : new Int32Array(0),
  );
  // Adds Σ sign·term = 0 where a term is a variable or a known value.
  const relation = (terms: [sign: number, variable: number, value: number][]) => {
    const vars: number[] = [];
    const coefficients: number[] = [];
    let rhs = 0;
    for (const [sign, variable, value] of terms) {
      if (variable === constant) rhs -= sign * value;
      else {
        vars.push(variable);
        coefficients.push(sign);
      }
    }
    bounds.equation(vars, coefficients, rhs);
  };
  const sizeTerm = (cell: number, sign: number): [number, number, number] => [
    sign,
    sizeVar[cell] as number,
    n[cell] as number,
  ];
  const countTerm = (cell: number, slot: number, sign: number): [number, number, number] => {
    const known = knownCounts[cell];
    return known
      ? [sign, constant, known[slot] as number]
      : [sign, countVar[cell]?.[slot] as number, 0];
  };
  const restTerm = (cell: number, slot: number, sign: number): [number, number, number] => {
    const known = knownCounts[cell];
    return known
      ? [sign, constant, (n[cell] as number) - (known[slot] as number)]
      : [sign, restVar[cell]?.[slot] as number, 0];
  };
  for (const { total, parts } of model.equations) {
    const involved = [total, ...parts];
    if (involved.every((cell) => !unknown(cell) && published(cell))) continue;
    relation([sizeTerm(total, 1), ...parts.map((part) => sizeTerm(part, -1))]);
    for (let slot = 0; slot < slots; slot++) {
      relation([countTerm(total, slot, 1), ...parts.map((part) => countTerm(part, slot, -1))]);
      relation([restTerm(total, slot, 1), ...parts.map((part) => restTerm(part, slot, -1))]);
    }
  }
  n.forEach((_, cell) => {
    if (!unknown(cell)) return;
    for (let slot = 0; slot < slots; slot++) {
      relation([countTerm(cell, slot, 1), restTerm(cell, slot, 1), sizeTerm(cell, -1)]);
    }
    const all = Array.from({ length: slots }, (_, slot) => countTerm(cell, slot, 1));
    if (question.kind === "single") {
      relation([...all, sizeTerm(cell, -1)]);
      return;
    }
    // "Ticked none" excludes every option; everyone ticked none or at least one option.
    for (let slot = 1; slot < slots; slot++) {
      relation([
        countTerm(cell, 0, 1),
        countTerm(cell, slot, 1),
        [1, bounds.add(0, Number.POSITIVE_INFINITY), 0],
        sizeTerm(cell, -1),
      ]);
    }
    relation([...all, [-1, bounds.add(0, Number.POSITIVE_INFINITY), 0], sizeTerm(cell, -1)]);
  });
  bounds.tighten();

  const high = (variable: number, value: number) =>
    variable === constant ? value : (bounds.highs[variable] as number);
  const containerShows = (
    cell: number,
    slot: number,
    test: (count: number, size: number) => boolean,
  ) =>
    (containers[cell] ?? []).some((other) => {
      const known = answers(other) ? knownCounts[other] : null;
      return known ? test(known[slot] as number, n[other] as number) : false;
    });
  // A yes/no question or a multi-choice option: "none of them" says as much as "all of them".
  const noneSide = (slot: number) => slot > 0 && (question.kind === "multi" || slots === 3);
  const leaks: number[] = [];
  n.forEach((size, cell) => {
    if (!unknown(cell)) return;
    const reason = model.hidden[cell];
    const small = reason !== null && reason !== "secondary";
    const rule = small ? 0 : question.sensitive ? 1 : -1;
    const canHoldSomeone = high(sizeVar[cell] as number, size) >= 1;
    const counts = countVar[cell] as Int32Array;
    const rests = restVar[cell] as Int32Array;
    for (let slot = 0; slot < slots; slot++) {
      const count = counts[slot] as number;
      const rest = rests[slot] as number;
      // Shown as hidden in a published group: its option counts must not be exactly recoverable.
      const exact =
        reason === null &&
        bounds.lows[count] === bounds.highs[count] &&
        (bounds.lows[count] as number) > 0;
      const all =
        rule >= 0 &&
        canHoldSomeone &&
        (bounds.highs[rest] as number) <= rule &&
        !containerShows(cell, slot, (c, s) => s - c <= rule);
      const none =
        rule >= 0 &&
        canHoldSomeone &&
        noneSide(slot) &&
        (bounds.highs[count] as number) <= rule &&
        !containerShows(cell, slot, (c) => c <= rule);
      if (exact || all || none) {
        leaks.push(cell);
        return;
      }
    }
  });
  return leaks;
}

function zeros(length: number): number[] {
  return new Array(length).fill(0);
}

/**
 * Per cell, the release's cells that contain it: the same unit's whole group (or direct part)
 * and every unit above it, with the same or fewer filters.
 */
export function containingCells({ cells, tree, space, cellOf }: ItemAuditContext): number[][] {
  const filterOf = (item: number, value: number) =>
    (space.dimensionStart[space.dimensions.indexOf(item)] as number) + value;
  const wider = (filter: number): number[] => {
    const dims = space.filters[filter]?.dims ?? [];
    if (dims.length === 0) return [];
    if (dims.length === 1) return [0];
    return [0, ...dims.map(({ item, value }) => filterOf(item, value))];
  };
  return cells.map(({ node, part, filter }) => {
    const found: number[] = [];
    const push = (cell: number) => {
      if (cell >= 0) found.push(cell);
    };
    const less = wider(filter);
    for (const f of less) push(cellOf({ node, part, filter: f }));
    if (part === PART_DIRECT)
      for (const f of [filter, ...less]) push(cellOf({ node, part: PART_ALL, filter: f }));
    for (
      let above = tree.parent[node] as number;
      above >= 0;
      above = tree.parent[above] as number
    ) {
      for (const f of [filter, ...less]) push(cellOf({ node: above, part: PART_ALL, filter: f }));
    }
    return found;
  });
}
