import type { Highs } from "highs";
import type { FilterSpace } from "./aggregate-counts";
import { type CellModel, cellBounds, cheapestNeighbour, equationsByCell } from "./cell-model";
import { IntegerBounds } from "./item-bounds";
import { type LpBudget, type LpCheck, lpClosedChecks, opensCheck } from "./item-lp";
import { SearchMemory } from "./item-lp-whole";
import {
  openByRespondentMoves,
  RESPONDENT_MOVES_PER_QUESTION,
  type RespondentPlaces,
} from "./item-respondent-moves";
import { type GroupCell, PART_ALL, PART_DIRECT } from "./release-cells";
import type { UnitTree } from "./unit-tree";

/** One question's option counts, as the item audit sees them. */
export interface AuditedQuestion {
  kind: "single" | "multi";
  /** Slots: 0 is "no answer" (single) or "ticked none" (multi), then the options in order. */
  slots: number;
  sensitive: boolean;
  /** True counts of a cell's slots. */
  countsOf: (cell: number) => ArrayLike<number>;
  /**
   * Per respondent (as in `ItemAuditContext.respondents`) the answer: single choice its slot,
   * multiple choice the options' bitmask. With both, moves of respondents are tried before LPs.
   */
  answers?: ArrayLike<number>;
}

export interface ItemAuditContext {
  model: CellModel;
  cells: GroupCell[];
  tree: UnitTree;
  space: FilterSpace;
  cellOf: (cell: GroupCell) => number;
  /** Cells published with their size (their questions may still be hidden). */
  published: (cell: number) => boolean;
  /** With a solver, what bound tightening leaves open is checked by LP too (item-lp.ts). */
  highs?: Highs;
  /**
   * From how many unknowns a system counts as large for the LP stage (`ITEM_LP_WHOLE_MAX_COLUMNS`
   * unless set; tests set it low so that small campaigns go through item-lp-whole.ts).
   */
  lpLargeFrom?: number;
  /** The LP stage's work budget per question (`ITEM_LP_WORK_PER_QUESTION` unless set: tests). */
  lpWork?: number;
  /** Where the respondents sit: the LP stage first tries points that move them around. */
  respondents?: RespondentPlaces;
}

/** What one question's audit needs of the release (the rest only builds the shared structure). */
export type QuestionAuditContext = Pick<
  ItemAuditContext,
  "model" | "published" | "highs" | "lpLargeFrom" | "lpWork" | "respondents"
>;

/**
 * What every question's audit shares, built once per release: the equations of each cell, the
 * published groups containing each cell (and the reverse), and the bounds an attacker gets on
 * the sizes of hidden groups from the size equations alone (tightened once, not per question).
 */
export interface ItemAuditStructure {
  byCell: number[][];
  containers: number[][];
  containedBy: number[][];
  sizeLow: Float64Array;
  sizeHigh: Float64Array;
}

/** What the item audit of one question found and did. */
export interface ItemAuditOutcome {
  /** Published cells whose answers to this question are hidden. */
  hidden: Set<number>;
  rounds: number;
  /** LPs solved for what bound tightening left open. */
  lpSolves: number;
  /**
   * 1 when the audit gave up on this question, which is then withheld for every group: the LP
   * stage ran out of its budget (what could not be shown open is treated as derivable), or the
   * rounds ran out, or nothing was left to hide next to a leak.
   */
  lpWithheld: number;
}

/**
 * The LP stage's budget per question, in simplex iterations × LP rows plus the nonzeros of every
 * LP built (deterministic, unlike a time limit, so a release does not depend on the machine's
 * load; interior-point iterations count their nonzeros, crossover iterations a quarter of their
 * rows): a few seconds of HiGHS. A question that needs more is withheld for every group (sound,
 * and counted in `itemLpWithheld`). 3e7 withheld 4–6 of diagnose-2020's questions with the
 * whole-system search of item-lp-whole.ts; 1e8 withholds 0–1 (the one: a multiple-choice question
 * whose unknowns form a single component of 32,000).
 */
export const ITEM_LP_WORK_PER_QUESTION = 1e8;

/**
 * The largest system the LP stage solves as a whole from scratch in every round. Larger ones get
 * a point well inside them, their two-answer moves, LPs around that point and the extremes of
 * the whole system on one kept model (item-lp-whole.ts): only those extremes close a check.
 */
export const ITEM_LP_WHOLE_MAX_COLUMNS = 2500;

/** From this many unknowns on, the LP stage tries the two-answer moves before the whole LP. */
export const ITEM_LP_RESTRICT_FROM_COLUMNS = 1500;

/**
 * Hard stop per question; each round hides the question for at least one more group. Past it
 * the question is withheld for every group (and counted in `itemLpWithheld`).
 */
const MAX_ROUNDS = 400;

/** Builds what the audits of all questions of one release share. */
export function itemAuditStructure(context: ItemAuditContext): ItemAuditStructure {
  const { model, published } = context;
  const { n } = model;
  const containers = containingCells(context);
  const containedBy: number[][] = n.map(() => []);
  containers.forEach((list, cell) => {
    for (const other of list) containedBy[other]?.push(cell);
  });
  const sizeLow = new Float64Array(n.length);
  const sizeHigh = new Float64Array(n.length);
  const bounds = new IntegerBounds(n.length);
  const variable = new Int32Array(n.length).fill(-1);
  n.forEach((size, cell) => {
    if (published(cell)) {
      sizeLow[cell] = size;
      sizeHigh[cell] = size;
      return;
    }
    const { lower, upper } = cellBounds(model, cell);
    variable[cell] = bounds.add(lower, upper);
  });
  for (const { total, parts } of model.equations) {
    let rhs = 0;
    const term = (cell: number, sign: number) => {
      const v = variable[cell] as number;
      if (v >= 0) bounds.term(v, sign);
      else rhs -= sign * (n[cell] as number);
    };
    term(total, 1);
    for (const part of parts) term(part, -1);
    bounds.close(rhs);
  }
  bounds.tighten();
  variable.forEach((v, cell) => {
    if (v < 0) return;
    sizeLow[cell] = bounds.lows[v] as number;
    sizeHigh[cell] = bounds.highs[v] as number;
  });
  return { byCell: equationsByCell(model), containers, containedBy, sizeLow, sizeHigh };
}

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
 * The unknowns fall apart into independent components (known figures cut them); after the first
 * round only the components that a newly hidden group touches, or that leaked, are checked again.
 */
export function protectItemCounts(
  context: QuestionAuditContext,
  structure: ItemAuditStructure,
  question: AuditedQuestion,
  initial: ReadonlySet<number>,
  { maxRounds = MAX_ROUNDS }: { maxRounds?: number } = {},
): ItemAuditOutcome {
  const { model, published } = context;
  const hidden = new Set(initial);
  const audit = new QuestionAudit(context, structure, question, {
    work: context.lpWork ?? ITEM_LP_WORK_PER_QUESTION,
  });
  // Components to check again (null: all): by bound tightening every round, by LP once
  // tightening finds nothing, for whatever changed since the last LP pass.
  let recheck: Set<number> | null = null;
  let lpRecheck: Set<number> | null = null;
  const check = (selected: Set<number> | null, withLp: boolean) => {
    audit.proofCells.clear();
    const leaks: number[] = [];
    const leaky: number[] = [];
    for (const component of unknownComponents(model, published, hidden)) {
      if (selected && !component.cells.some((cell) => selected.has(cell))) continue;
      const found = audit.leaks(component, hidden, withLp);
      if (found.length === 0) continue;
      leaks.push(...found);
      leaky.push(...component.cells);
    }
    return { leaks, leaky };
  };
  for (let round = 1; round <= maxRounds; round++) {
    let { leaks, leaky } = check(recheck, false);
    if (leaks.length === 0 && context.highs) {
      ({ leaks, leaky } = check(lpRecheck, true));
      lpRecheck = new Set();
    }
    if (audit.lpExhausted) return withheld(round);
    if (leaks.length === 0)
      return { hidden, rounds: round, lpSolves: audit.lpSolves, lpWithheld: 0 };
    leaks.sort((a, b) => a - b);
    const added: number[] = [];
    for (const leak of leaks) {
      const usable = (cell: number) =>
        published(cell) && !hidden.has(cell) && (model.n[cell] as number) > 0;
      // Nearest first among the groups an LP's proof of the leak uses, else nearest of all.
      const proof = audit.proofCells.get(leak);
      const inProof = proof && new Set(proof);
      const next =
        (inProof &&
          cheapestNeighbour(model, structure.byCell, leak, {
            candidate: (cell) => usable(cell) && inProof.has(cell),
            passThrough: (cell) => !usable(cell) || !inProof.has(cell),
          })) ??
        cheapestNeighbour(model, structure.byCell, leak, {
          candidate: usable,
          passThrough: (cell) => !usable(cell),
        });
      if (next === undefined || hidden.has(next)) continue;
      hidden.add(next);
      added.push(next);
    }
    if (added.length === 0) break;
    // Hiding a group changes its component and the exemptions of the groups it contains.
    recheck = new Set(leaky);
    for (const cell of added) {
      recheck.add(cell);
      for (const inside of structure.containedBy[cell] ?? []) recheck.add(inside);
    }
    if (lpRecheck) for (const cell of recheck) lpRecheck.add(cell);
  }
  // Rounds spent, or nothing left to hide next to the leak: the question is not published
  // for any group.
  return withheld(maxRounds);

  function withheld(rounds: number): ItemAuditOutcome {
    model.n.forEach((_, cell) => {
      if (published(cell)) hidden.add(cell);
    });
    return { hidden, rounds, lpSolves: audit.lpSolves, lpWithheld: 1 };
  }
}

/** Cells whose answers are unknown to the attacker, linked by the equations they share. */
export interface UnknownComponent {
  cells: number[];
  equations: number[];
}

/**
 * The components of the cells whose answers to a question are unknown (not published, or the
 * question hidden for a non-empty group): equations whose cells are all known are constants.
 */
export function unknownComponents(
  model: CellModel,
  published: (cell: number) => boolean,
  hidden: ReadonlySet<number>,
): UnknownComponent[] {
  const { n } = model;
  const root = new Int32Array(n.length).fill(-1);
  n.forEach((size, cell) => {
    if (!published(cell) || (hidden.has(cell) && size !== 0)) root[cell] = cell;
  });
  const find = (cell: number): number => {
    let top = cell;
    while (root[top] !== top) top = root[top] as number;
    while (cell !== top) {
      const next = root[cell] as number;
      root[cell] = top;
      cell = next;
    }
    return top;
  };
  const firstUnknown = new Int32Array(model.equations.length).fill(-1);
  model.equations.forEach(({ total, parts }, index) => {
    let first = (root[total] as number) >= 0 ? total : -1;
    for (const part of parts) {
      if ((root[part] as number) < 0) continue;
      if (first < 0) first = part;
      else {
        const a = find(first);
        const b = find(part);
        if (a !== b) root[b] = a;
      }
    }
    firstUnknown[index] = first;
  });
  const byRoot = new Map<number, UnknownComponent>();
  root.forEach((value, cell) => {
    if (value < 0) return;
    const top = find(cell);
    let component = byRoot.get(top);
    if (!component) {
      component = { cells: [], equations: [] };
      byRoot.set(top, component);
    }
    component.cells.push(cell);
  });
  firstUnknown.forEach((cell, index) => {
    if (cell >= 0) byRoot.get(find(cell))?.equations.push(index);
  });
  return [...byRoot.values()];
}

/** One question's leak check, component by component. */
class QuestionAudit {
  lpSolves = 0;
  /**
   * Per cell found leaking by an LP over the whole system in the last check: the groups with
   * shown answers in the equations its proof uses (sorted).
   */
  readonly proofCells = new Map<number, number[]>();
  /** The LP budget ran out: some check could not be shown open. */
  lpExhausted = false;
  /** Where the whole-system searches of this question left off (item-lp-whole.ts). */
  private readonly memory = new SearchMemory();
  /**
   * Checks an LP point has shown open, by cell × slot × kind (exact, all, none). Hiding a
   * question for more groups only turns known figures into unknowns whose true values keep
   * every earlier point a solution, so a check once open stays open for the rest of the audit.
   */
  private readonly opened = new Set<number>();
  /** Checks respondent moves were tried on (not again in later rounds: they rarely open more). */
  private readonly moveTried = new Set<number>();
  private readonly moveBudget = { moves: RESPONDENT_MOVES_PER_QUESTION };
  private readonly slots: number;
  /** True counts, cell × slot. */
  private readonly table: Float64Array;
  private readonly sizeVar: Int32Array;
  private readonly countBase: Int32Array;
  private readonly restBase: Int32Array;
  /** Multiple choice: a cell's first slack variable (options 1.., then "ticks beyond one"). */
  private readonly slackBase: Int32Array;

  constructor(
    private readonly context: QuestionAuditContext,
    private readonly structure: ItemAuditStructure,
    private readonly question: AuditedQuestion,
    private readonly budget: LpBudget,
  ) {
    const { n } = context.model;
    const slots = question.slots;
    this.slots = slots;
    this.table = new Float64Array(n.length * slots);
    // Every group's true counts: published ones are constants, the others are what the LP
    // stage tests first (the truth is one solution of the attacker's system).
    n.forEach((size, cell) => {
      if (size > 0) this.table.set(question.countsOf(cell), cell * slots);
    });
    this.sizeVar = new Int32Array(n.length);
    this.countBase = new Int32Array(n.length);
    this.restBase = new Int32Array(n.length);
    this.slackBase = new Int32Array(n.length);
  }

  /**
   * Systems around one check: the groups linked to its own by the equations, nearest first
   * (breadth first, in component order), while their variables fit in
   * `ITEM_LP_AROUND_MAX_VARIABLES`; each of their variables moves on its own.
   */
  private neighbourhoods(component: UnknownComponent, roles: VariableRole[]) {
    const { model } = this.context;
    const place = new Map<number, number>();
    component.cells.forEach((cell, index) => {
      place.set(cell, index);
    });
    const linked: number[][] = component.cells.map(() => []);
    for (const index of component.equations) {
      const { total, parts } = model.equations[index] as { total: number; parts: number[] };
      const members = [total, ...parts].flatMap((cell) => {
        const at = place.get(cell);
        return at === undefined ? [] : [at];
      });
      for (const a of members) for (const b of members) if (a !== b) linked[a]?.push(b);
    }
    const variablesOf: number[][] = component.cells.map(() => []);
    roles.forEach(({ owner }, variable) => {
      variablesOf[owner]?.push(variable);
    });
    const group = Int32Array.from(roles, (_, variable) => variable);
    return (variable: number) => {
      const start = (roles[variable] as VariableRole).owner;
      const distance = new Map<number, number>([[start, 0]]);
      let size = variablesOf[start]?.length ?? 0;
      const queue = [start];
      for (let head = 0; head < queue.length; head++) {
        const at = queue[head] as number;
        for (const next of linked[at] ?? []) {
          if (distance.has(next)) continue;
          const more = variablesOf[next]?.length ?? 0;
          if (size + more > ITEM_LP_AROUND_MAX_VARIABLES) continue;
          size += more;
          distance.set(next, (distance.get(at) as number) + 1);
          queue.push(next);
        }
      }
      const sign = Int8Array.from(roles, ({ owner }) => (distance.has(owner) ? 1 : 0));
      return {
        group,
        sign,
        settles: (other: number) => (distance.get((roles[other] as VariableRole).owner) ?? 2) <= 1,
      };
    };
  }

  /** The component's cells whose answers leak (by integer bound tightening). */
  leaks(component: UnknownComponent, hidden: ReadonlySet<number>, withLp: boolean): number[] {
    const { model, published } = this.context;
    const { n } = model;
    const { slots, table, sizeVar, countBase, restBase, question } = this;
    const { sizeLow, sizeHigh, containers } = this.structure;
    const answers = (cell: number) => published(cell) && !hidden.has(cell);
    const bounds = new IntegerBounds(component.cells.length * (2 * slots + 2) + 8);
    // Per variable, what it is (a kind and a slot), whose it is (the cell's place in the
    // component) and its true value: the LP stage first tries systems where people only move
    // between two answers (item-lp.ts, `movesBetweenTwoSlots`).
    const roles: VariableRole[] = [];
    const truthOf: number[] = [];
    // Stable keys of the variables across rounds (a cell's count of a slot is the same variable
    // whatever its place in this round's system), for the centre the searches carry over.
    const columnKeys: number[] = [];
    const columnWidth = 3 * slots + 2;
    let owner = 0;
    const add = (low: number, high: number, kind: number, slot: number, truth: number) => {
      roles.push({ kind, slot, owner });
      truthOf.push(truth);
      const local =
        kind === SIZE
          ? 0
          : kind === COUNT
            ? 1 + slot
            : kind === REST
              ? 1 + slots + slot
              : 2 + 2 * slots + slot;
      columnKeys.push((component.cells[owner] as number) * columnWidth + local);
      return bounds.add(low, high);
    };
    const unknown = new Set(component.cells);
    // Per equation row of answers, the groups whose counts it holds as known figures.
    const shownInRow = new Map<number, number[]>();
    for (const cell of component.cells) {
      const size = n[cell] as number;
      sizeVar[cell] = published(cell)
        ? -1
        : add(sizeLow[cell] as number, sizeHigh[cell] as number, SIZE, -1, size);
      countBase[cell] = bounds.size;
      for (let slot = 0; slot < slots; slot++)
        add(0, Number.POSITIVE_INFINITY, COUNT, slot, table[cell * slots + slot] as number);
      restBase[cell] = bounds.size;
      for (let slot = 0; slot < slots; slot++)
        add(0, Number.POSITIVE_INFINITY, REST, slot, size - (table[cell * slots + slot] as number));
      owner++;
    }
    owner = -1;
    // (Loops rather than closures: this runs for every component of every round.)
    for (const index of component.equations) {
      const { total, parts } = model.equations[index] as { total: number; parts: number[] };
      let rhs = 0;
      for (let m = -1; m < parts.length; m++) {
        const cell = m < 0 ? total : (parts[m] as number);
        const sign = m < 0 ? 1 : -1;
        if (unknown.has(cell) && (sizeVar[cell] as number) >= 0)
          bounds.term(sizeVar[cell] as number, sign);
        else rhs -= sign * (n[cell] as number);
      }
      bounds.close(rhs);
      const shown = [total, ...parts].filter((cell) => !unknown.has(cell));
      for (let slot = 0; slot < slots; slot++) {
        for (let side = 0; side < 2; side++) {
          const base = side === 1 ? restBase : countBase;
          rhs = 0;
          for (let m = -1; m < parts.length; m++) {
            const cell = m < 0 ? total : (parts[m] as number);
            const sign = m < 0 ? 1 : -1;
            if (unknown.has(cell)) {
              bounds.term((base[cell] as number) + slot, sign);
              continue;
            }
            const count = table[cell * slots + slot] as number;
            rhs -= sign * (side === 1 ? (n[cell] as number) - count : count);
          }
          const row = bounds.rows;
          bounds.close(rhs);
          if (bounds.rows > row && shown.length > 0) shownInRow.set(row, shown);
        }
      }
    }
    for (const cell of component.cells) {
      owner++;
      const sizeColumn = sizeVar[cell] as number;
      // The cell's size on the right-hand side, or its variable on the left.
      const size = n[cell] as number;
      const sizeRhs = sizeColumn >= 0 ? 0 : size;
      const count = countBase[cell] as number;
      for (let slot = 0; slot < slots; slot++) {
        bounds.term(count + slot, 1);
        bounds.term((restBase[cell] as number) + slot, 1);
        if (sizeColumn >= 0) bounds.term(sizeColumn, -1);
        bounds.close(sizeRhs);
      }
      if (question.kind === "single") {
        for (let slot = 0; slot < slots; slot++) bounds.term(count + slot, 1);
        if (sizeColumn >= 0) bounds.term(sizeColumn, -1);
        bounds.close(sizeRhs);
        continue;
      }
      // "Ticked none" excludes every option; everyone ticked none or at least one option.
      this.slackBase[cell] = bounds.size;
      const cellAt = cell * slots;
      for (let slot = 1; slot < slots; slot++) {
        bounds.term(count, 1);
        bounds.term(count + slot, 1);
        bounds.term(
          add(
            0,
            Number.POSITIVE_INFINITY,
            SLACK,
            slot,
            size - (table[cellAt] as number) - (table[cellAt + slot] as number),
          ),
          1,
        );
        if (sizeColumn >= 0) bounds.term(sizeColumn, -1);
        bounds.close(sizeRhs);
      }
      let ticks = 0;
      for (let slot = 0; slot < slots; slot++) {
        bounds.term(count + slot, 1);
        ticks += table[cellAt + slot] as number;
      }
      bounds.term(add(0, Number.POSITIVE_INFINITY, SLACK, -1, ticks - size), -1);
      if (sizeColumn >= 0) bounds.term(sizeColumn, -1);
      bounds.close(sizeRhs);
    }
    bounds.tighten();

    const containerShows = (
      cell: number,
      slot: number,
      test: (count: number, size: number) => boolean,
    ) =>
      (containers[cell] ?? []).some(
        (other) =>
          answers(other) && test(table[other * slots + slot] as number, n[other] as number),
      );
    // A yes/no question or a multi-choice option: "none of them" says as much as "all of them".
    const noneSide = (slot: number) => slot > 0 && (question.kind === "multi" || slots === 3);
    const leaks: number[] = [];
    // What the LP stage tests, per check the cell it would leak.
    let checks: LpCheck[] = [];
    let owners: number[] = [];
    let keys: number[] = [];
    // A check for the LP stage, unless a point already showed it open.
    const ask = (key: number, cell: number, check: LpCheck) => {
      if (this.opened.has(key)) return;
      keys.push(key);
      owners.push(cell);
      checks.push(check);
    };
    for (const cell of component.cells) {
      const reason = model.hidden[cell];
      const small = reason !== null && reason !== "secondary";
      const rule = small ? 0 : question.sensitive ? 1 : -1;
      const size = sizeVar[cell] as number;
      const canHoldSomeone =
        (size >= 0 ? (bounds.highs[size] as number) : (n[cell] as number)) >= 1;
      // A hidden group's size the tables pin down: rule 2 through the answers (the group-size
      // audit sees the size equations only; per option, counts ≥ 0 in every relation can narrow a
      // hidden size to one value, found on the demo's diagnoses by tightening alone), small
      // groups and groups hidden to protect them alike (rule 2: no hidden number can be worked
      // out). Only where the size equations alone leave the size open (an empty subdivision of
      // a small group is pinned at 0 by them, which the group-size audit accepts: the published
      // figures say so already).
      const sizeCheck =
        size >= 0 && reason !== null && (sizeLow[cell] as number) < (sizeHigh[cell] as number);
      if (sizeCheck && bounds.lows[size] === bounds.highs[size]) {
        leaks.push(cell);
        continue;
      }
      if (withLp && sizeCheck)
        ask(SIZE_KEY_BASE + cell, cell, pinnedCheck(size, n[cell] as number));
      let leaked = false;
      for (let slot = 0; slot < slots && !leaked; slot++) {
        const count = (countBase[cell] as number) + slot;
        const rest = (restBase[cell] as number) + slot;
        const truth = table[cell * slots + slot] as number;
        // Shown as hidden in a published group: its option counts must not be exactly recoverable.
        const exactCheck = reason === null && truth > 0;
        const allCheck =
          rule >= 0 && canHoldSomeone && !containerShows(cell, slot, (c, s) => s - c <= rule);
        const noneCheck =
          rule >= 0 &&
          canHoldSomeone &&
          noneSide(slot) &&
          !containerShows(cell, slot, (c) => c <= rule);
        leaked =
          (exactCheck && bounds.lows[count] === bounds.highs[count]) ||
          (allCheck && (bounds.highs[rest] as number) <= rule) ||
          (noneCheck && (bounds.highs[count] as number) <= rule);
        if (leaked) {
          leaks.push(cell);
          break;
        }
        if (!withLp) continue;
        const key = (cell * slots + slot) * 3;
        if (exactCheck) ask(key, cell, pinnedCheck(count, truth));
        if (allCheck) {
          const truthRest = (n[cell] as number) - truth;
          ask(key + 1, cell, {
            ways: [{ variable: rest, up: true, value: rule + 1, truth: truthRest }],
          });
        }
        if (noneCheck)
          ask(key + 2, cell, { ways: [{ variable: count, up: true, value: rule + 1, truth }] });
      }
    }
    const highs = this.context.highs;
    if (leaks.length > 0 || !withLp || !highs || checks.length === 0) return leaks;
    // Points that move real respondents first (no LP); what they open needs no LP.
    const places = this.context.respondents;
    if (places && question.answers && this.moveBudget.moves > 0) {
      const truth = Float64Array.from(truthOf);
      const left = checks.flatMap((check, index) =>
        this.moveTried.has(keys[index] as number) || opensCheck(check, truth) ? [] : [index],
      );
      for (const check of left) this.moveTried.add(keys[check] as number);
      const inComponent = new Set(component.cells);
      const moved = new Set(
        openByRespondentMoves(
          {
            places,
            answers: question.answers,
            kind: question.kind,
            slots,
            bounds,
            truth,
            n,
            table,
            variablesOf: (cell) =>
              inComponent.has(cell)
                ? {
                    size: sizeVar[cell] as number,
                    count: countBase[cell] as number,
                    rest: restBase[cell] as number,
                    slack: this.slackBase[cell] as number,
                  }
                : undefined,
            published,
            budget: this.moveBudget,
          },
          checks,
          owners,
          left,
        ),
      );
      if (moved.size > 0) {
        for (const check of moved) this.opened.add(keys[check] as number);
        const kept = (_: unknown, index: number) => !moved.has(index);
        checks = checks.filter(kept);
        owners = owners.filter(kept);
        keys = keys.filter(kept);
        if (checks.length === 0) return leaks;
      }
    }
    // Small systems go to the whole LP at once; large ones first to their two-answer moves.
    const largeFrom = this.context.lpLargeFrom ?? ITEM_LP_WHOLE_MAX_COLUMNS;
    const restrictions =
      bounds.size > Math.min(ITEM_LP_RESTRICT_FROM_COLUMNS, largeFrom)
        ? {
            truth: Float64Array.from(truthOf),
            passes: movesBetweenTwoSlots(slots, roles),
            around: this.neighbourhoods(component, roles),
            carry: { memory: this.memory, columnKeys },
            // Relaxations: one answer slot's counts and rests with the group sizes (for a
            // multi-choice question, one option's yes/no table), slacks in none.
            classes: Int32Array.from(roles, ({ kind, slot }) =>
              kind === SIZE ? -1 : kind === COUNT || kind === REST ? slot : -2,
            ),
          }
        : undefined;
    const { closed, solves, exhausted, proofs } = lpClosedChecks(
      highs,
      bounds,
      checks,
      this.budget,
      restrictions,
      largeFrom,
    );
    this.lpSolves += solves;
    if (exhausted) this.lpExhausted = true;
    const closedSet = new Set(closed);
    for (const [check, rows] of proofs ?? []) {
      const cell = owners[check] as number;
      const cells = new Set(this.proofCells.get(cell));
      for (const row of rows) for (const shown of shownInRow.get(row) ?? []) cells.add(shown);
      this.proofCells.set(
        cell,
        [...cells].sort((a, b) => a - b),
      );
    }
    keys.forEach((key, check) => {
      if (!closedSet.has(check)) this.opened.add(key);
    });
    // "All" or "none" of a group that may be empty says nothing: it must hold someone. One LP
    // system for all such groups; only a proof that a group is empty exempts it.
    const leaking = new Set<number>();
    const maybeEmpty: number[] = [];
    for (const check of closed) {
      const cell = owners[check] as number;
      const size = sizeVar[cell] as number;
      const side = (checks[check]?.ways.length ?? 0) === 1;
      if (side && size >= 0 && (bounds.lows[size] as number) < 1) maybeEmpty.push(cell);
      else leaking.add(cell);
    }
    const emptyCells = [...new Set(maybeEmpty)].filter((cell) => !leaking.has(cell));
    if (emptyCells.length > 0) {
      const empty = lpClosedChecks(
        highs,
        bounds,
        emptyCells.map((cell) => ({
          ways: [
            { variable: sizeVar[cell] as number, up: true, value: 1, truth: n[cell] as number },
          ],
        })),
        this.budget,
        restrictions,
        largeFrom,
      );
      this.lpSolves += empty.solves;
      if (empty.exhausted) this.lpExhausted = true;
      const provenEmpty = new Set(empty.proven ? empty.closed : []);
      emptyCells.forEach((cell, check) => {
        if (!provenEmpty.has(check)) leaking.add(cell);
      });
    }
    return [...leaking].sort((a, b) => a - b);
  }
}

/** A value the reader must not pin: open if the LP reaches one more or one less than the truth. */
function pinnedCheck(variable: number, truth: number): LpCheck {
  return {
    ways: [
      { variable, up: true, value: truth + 1, truth },
      { variable, up: false, value: truth - 1, truth },
    ],
  };
}

/** Keys of the size checks in `opened`, apart from the slot checks' (cell × slot × 3 + kind). */
const SIZE_KEY_BASE = -1 - 2 ** 40;

/** At most this many variables move in a system around one check (item-lp.ts, `around`). */
export const ITEM_LP_AROUND_MAX_VARIABLES = 1200;

/** What a variable of a question's system is: a group's size, count or rest of a slot, or slack. */
const SIZE = 0;
const COUNT = 1;
const REST = 2;
/** Multi-choice: slot ≥ 1 is "neither ticked none nor this option", −1 "ticks beyond one". */
const SLACK = 3;

interface VariableRole {
  kind: number;
  slot: number;
  /** The cell's place in its component. */
  owner: number;
}

/**
 * The LP stage's restricted systems: for each two slots a, b, only "y people of a group move
 * from b to a" (sizes and every other slot stay as they are), with one y per group. Most
 * answers an LP leaves open are open by such moves, and these LPs have one column per group
 * instead of a dozen. Count a gains y, b loses y, their rests the other way; on a multi-choice
 * question the slacks "neither none nor option o" follow (a move to or from "ticked none"
 * changes them all).
 */
function movesBetweenTwoSlots(
  slots: number,
  roles: VariableRole[],
): { group: Int32Array; sign: Int8Array }[] {
  const count = roles.length;
  const group = new Int32Array(count);
  const kinds = new Int8Array(count);
  const slotOf = new Int32Array(count);
  roles.forEach(({ kind, slot, owner }, v) => {
    group[v] = owner;
    kinds[v] = kind;
    slotOf[v] = slot;
  });
  const passes: { group: Int32Array; sign: Int8Array }[] = [];
  for (let a = 0; a < slots; a++) {
    for (let b = a + 1; b < slots; b++) {
      const sign = new Int8Array(count);
      for (let v = 0; v < count; v++) {
        const kind = kinds[v] as number;
        const slot = slotOf[v] as number;
        if (kind === COUNT) sign[v] = slot === a ? 1 : slot === b ? -1 : 0;
        else if (kind === REST) sign[v] = slot === a ? -1 : slot === b ? 1 : 0;
        else if (kind === SLACK && slot >= 1) {
          // Slack of option o is size − none − o.
          if (a === 0) sign[v] = slot === b ? 0 : -1;
          else sign[v] = slot === a ? -1 : slot === b ? 1 : 0;
        }
      }
      passes.push({ group, sign });
    }
  }
  // Then y people who gave answer a (or ticked only a) move between groups: sizes change too.
  for (let a = 0; a < slots; a++) {
    const sign = new Int8Array(count);
    for (let v = 0; v < count; v++) {
      const kind = kinds[v] as number;
      const slot = slotOf[v] as number;
      if (kind === SIZE) sign[v] = 1;
      else if (kind === COUNT) sign[v] = slot === a ? 1 : 0;
      else if (kind === REST) sign[v] = slot === a ? 0 : 1;
      else if (kind === SLACK && slot >= 1) sign[v] = a === 0 || slot === a ? 0 : 1;
    }
    passes.push({ group, sign });
  }
  return passes;
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
