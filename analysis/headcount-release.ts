import type { Highs } from "highs";
import type { SmallGroupSolver } from "./audit-small-groups";
import { type CellModel, cheapestNeighbour, type Equation, equationsByCell } from "./cell-model";
import { protectForShownSurveys } from "./headcount-survey-caps";
import { type HeadcountCellGrid, personDirections } from "./headcount-witnesses";
import { protectCells, UnprotectableReleaseError } from "./protect-cells";
import type { Figure, HiddenReason, Release } from "./release-types";
import type { UnitNode } from "./types";
import { buildUnitTree, type UnitTree } from "./unit-tree";

/**
 * The published headcount tables of an organisation: for every reference date, staff counts per
 * unit (its whole subtree, and "directly in the unit" where a unit with sub-units has staff of
 * its own), per job level and per category value. Everything here is safe to show.
 *
 * Structure an auditor can rebuild from this alone (per date; `null` level is all levels,
 * `null` dimension is everyone). A unit "crosses" when it lists cells with both a level and a
 * dimension (the organisation and its top units, CROSS_DEPTH); others list only their level
 * totals and category totals. Equations hold where every cell in them is listed:
 * - Hierarchy: for every unit u with children, level l and category c,
 *   n(u, all, l, c) = n(u, direct, l, c) [0 when no direct cell is listed] + Σ n(child, all, l, c).
 *   The organisation is the unit whose parentId is null.
 * - Levels: n(u, p, null, c) = Σ over levels l of n(u, p, l, c).
 * - Categories: n(u, p, l, null) = Σ over a dimension's values v of n(u, p, l, D=v), per dimension.
 * - Reasons as in release-types.ts: primary 1..k−1 (0..k−1 for a cell splitting a primary
 *   group), secondary at least k, protected 0 or more (nothing said).
 * - Between dates: for a cell published at two dates (or absent at the earlier date, which then
 *   held 0), the change is never 1..k−1 people either way.
 */
export interface HeadcountRelease {
  k: number;
  units: { id: string; parentId: string | null }[];
  levels: string[];
  dimensions: { key: string; values: string[] }[];
  dates: HeadcountDateRelease[];
  audit: HeadcountAuditSummary;
}

export interface HeadcountDateRelease {
  referenceDate: string;
  cells: HeadcountCell[];
  /** Cells hidden at this date because their change since an earlier date was 1..k−1. */
  hiddenForChange?: number;
  /**
   * True when this date could not be protected cell by cell and every cell is hidden
   * ("protected"): the last resort, safe whatever the counts (see `protectDate`).
   */
  hiddenWhole?: boolean;
}

export interface HeadcountCell {
  unitId: string;
  part: "all" | "direct";
  /** Null is all levels together. */
  level: string | null;
  /** Null (with value null) is everyone. */
  dimension: string | null;
  value: string | null;
  n: Figure;
}

export interface HeadcountAuditSummary {
  cells: number;
  hiddenPrimary: number;
  hiddenSecondary: number;
  /** Of the secondary ones: hidden because the change since an earlier date was 1..k−1. */
  hiddenForChange: number;
  /**
   * Hidden as "protected", saying nothing of their size: where the reasons alone would pin a
   * cell (relabelled), and every cell of a date hidden whole.
   */
  hiddenProtected: number;
  /** Dates hidden whole (the last resort). */
  datesHiddenWhole: number;
  lpSolves: number;
  rounds: number;
}

/** One imported row: the staff of one unit at one job level, and their split per dimension. */
export interface HeadcountRow {
  unitId: string;
  level: string;
  total: number;
  /** dimension key → value → count. */
  categories: Record<string, Record<string, number>>;
}

export interface HeadcountReleaseInput {
  k: number;
  /** The root of the tree: the organisation. */
  organisationId: string;
  units: UnitNode[];
  levels: readonly string[];
  dimensions: readonly { key: string; values: readonly string[] }[];
  dates: readonly { referenceDate: string; rows: readonly HeadcountRow[] }[];
}

/**
 * Levels are crossed with categories (women in top management) for the organisation and its
 * top units; deeper units publish their level totals and their category totals. Crossing every
 * small unit hid over half of all cells and made the LP audit slow: a unit's top management by
 * gender is a group of a handful of people almost everywhere below the top units.
 */
export const CROSS_DEPTH = 1;

/**
 * Builds the audited headcount release: per date (oldest first) the linked tables as one cell
 * model, protected by the survey's suppressor and LP audit (`protectCells`). A cell whose
 * change against a cell published at an earlier date would show a joiner or leaver group of
 * 1..k−1 is hidden before that protection ("secondary": it holds at least k) and kept hidden
 * and inexact by it, so one protection per date settles both rules.
 *
 * `previous` is the release readers were last shown: its dates before `previous.from` (the
 * earliest date whose counts changed) are kept exactly as published, since an attacker holds
 * them anyway, when the tables have the same structure (k, units, levels, dimensions). Only the
 * dates from `from` on are protected again.
 */
export function buildHeadcountRelease(
  highs: Highs,
  input: HeadcountReleaseInput,
  previous?: { release: HeadcountRelease; from: string },
  {
    witnessesFrom = WITNESSES_FROM_CELLS,
    shownSurveys = () => [],
    smallGroups,
  }: {
    /**
     * Hidden components this large get witness proofs first; infinite: the plain LP audit,
     * which tests compare with.
     */
    witnessesFrom?: number;
    /**
     * Survey releases readers were shown before this date, of campaigns whose reference date it
     * is: the date hides whatever would expose them (headcount-survey-caps.ts).
     */
    shownSurveys?: (referenceDate: string) => readonly Release[];
    /**
     * A second solver for the LP audit's model A on large components, run while this one audits
     * model B (the server's worker thread): the same release, sooner.
     */
    smallGroups?: SmallGroupSolver;
  } = {},
): HeadcountRelease {
  if (!Number.isInteger(input.k) || input.k < 3) throw new Error("k must be an integer ≥ 3.");
  const tree = buildUnitTree(input.organisationId, input.units);
  const layout = cellLayout(input.levels, input.dimensions);
  const dates = [...input.dates].sort((a, b) => a.referenceDate.localeCompare(b.referenceDate));
  const units = tree.ids.map((id, node) => ({
    id,
    parentId: node === 0 ? null : (tree.ids[tree.parent[node] as number] as string),
  }));
  const dimensions = input.dimensions.map((d) => ({ key: d.key, values: [...d.values] }));
  const audit: HeadcountAuditSummary = {
    cells: 0,
    hiddenPrimary: 0,
    hiddenSecondary: 0,
    hiddenForChange: 0,
    hiddenProtected: 0,
    datesHiddenWhole: 0,
    lpSolves: 0,
    rounds: 0,
  };
  const kept = new Map<string, HeadcountDateRelease>();
  if (
    previous &&
    JSON.stringify([previous.release.k, previous.release.units, previous.release.levels]) ===
      JSON.stringify([input.k, units, input.levels]) &&
    JSON.stringify(previous.release.dimensions) === JSON.stringify(dimensions)
  ) {
    for (const date of previous.release.dates) {
      if (date.referenceDate < previous.from) kept.set(date.referenceDate, date);
    }
  }
  /** Per earlier date: cell key → published value (absent key: the cell was not listed, so 0). */
  const published: Map<string, number | null>[] = [];
  const previouslyHidden = new Set<string>();
  const released: HeadcountDateRelease[] = [];
  const record = (date: HeadcountDateRelease) => {
    const { values, hiddenKeys, hidden } = shownDate(date);
    for (const key of hiddenKeys) previouslyHidden.add(key);
    audit.hiddenPrimary += hidden.primary;
    audit.hiddenSecondary += hidden.secondary;
    audit.hiddenProtected += hidden.protected;
    if (date.hiddenWhole) audit.datesHiddenWhole++;
    audit.hiddenForChange += date.hiddenForChange ?? 0;
    audit.cells += date.cells.length;
    published.push(values);
    released.push(date);
  };
  for (const date of dates) {
    const reused = kept.get(date.referenceDate);
    if (reused && released.every((d) => kept.has(d.referenceDate))) {
      record(reused);
      continue;
    }
    const table = dateTable(tree, layout, date.rows);
    const { model, forced, hiddenWhole } = protectForShownSurveys(
      highs,
      table.describe,
      shownSurveys(date.referenceDate),
      (alsoKeepHidden, whole) =>
        protectDate({
          highs,
          tree,
          table,
          k: input.k,
          previouslyHidden,
          published,
          audit,
          witnessesFrom,
          smallGroups,
          alsoKeepHidden,
          whole,
        }),
      (solves) => {
        audit.lpSolves += solves;
      },
    );
    const shown: ShownDate = {
      values: new Map(),
      hiddenKeys: [],
      hidden: { primary: 0, secondary: 0, unanimity: 0, protected: 0 },
    };
    const cells: HeadcountCell[] = table.keys.map((key, cell) => {
      const hidden = model.hidden[cell] ?? null;
      const value = model.n[cell] as number;
      shown.values.set(key, hidden === null ? value : null);
      if (hidden !== null) {
        shown.hiddenKeys.push(key);
        shown.hidden[hidden]++;
      }
      // Written out, not spread (17,000 cells a date), in the order of `describe`'s fields.
      const {
        unitId,
        part,
        level,
        dimension,
        value: category,
      } = table.describe[cell] as Omit<HeadcountCell, "n">;
      return {
        unitId,
        part,
        level,
        dimension,
        value: category,
        n: hidden === null ? { value } : { hidden },
      };
    });
    const built: HeadcountDateRelease = {
      referenceDate: date.referenceDate,
      cells,
      hiddenForChange: [...forced].filter((cell) => model.hidden[cell] === "secondary").length,
      ...(hiddenWhole ? { hiddenWhole } : {}),
    };
    // What `shownDate` would read back from the cells, from the keys the table already has.
    shownDates.set(built, shown);
    record(built);
  }
  return {
    k: input.k,
    units,
    levels: [...input.levels],
    dimensions,
    dates: released,
    audit,
  };
}

/** What later dates need of a released date: its cells by key, and what it hid. */
interface ShownDate {
  /** Cell key → published value, null where hidden. */
  values: Map<string, number | null>;
  hiddenKeys: string[];
  /** Hidden cells per reason. */
  hidden: Record<HiddenReason, number>;
}

/**
 * Each released date's `ShownDate`, made once per date object: a build keeps the dates shown
 * before as the same objects (the server keeps the release it stored last), and every build
 * reads all of them again (17,000 cells a date at 1,000 units). Released dates are not changed
 * after they are made.
 */
const shownDates = new WeakMap<HeadcountDateRelease, ShownDate>();

function shownDate(date: HeadcountDateRelease): ShownDate {
  const known = shownDates.get(date);
  if (known) return known;
  const shown: ShownDate = {
    values: new Map(),
    hiddenKeys: [],
    hidden: { primary: 0, secondary: 0, unanimity: 0, protected: 0 },
  };
  for (const cell of date.cells) {
    const key = headcountCellKey(cell);
    const hidden = "hidden" in cell.n ? cell.n.hidden : null;
    shown.values.set(key, hidden === null ? (cell.n as { value: number }).value : null);
    if (hidden !== null) {
      shown.hiddenKeys.push(key);
      shown.hidden[hidden]++;
    }
  }
  shownDates.set(date, shown);
  return shown;
}

/**
 * Hidden components from this many cells are first shown wide by witnesses in people (moves and
 * swaps, headcount-witnesses.ts) before the LP sweeps. Below it the LPs are cheap and the
 * witnesses cost more than they save (measured at 100 units).
 */
export const WITNESSES_FROM_CELLS = 1000;

/** Hard stop for the fallback's rounds; each round hides more. */
const MAX_CHANGE_ROUNDS = 10;

/** One reference date to protect, with what the dates before it published and hid. */
interface DateToProtect {
  highs: Highs;
  tree: UnitTree;
  table: DateTable;
  k: number;
  previouslyHidden: ReadonlySet<string>;
  published: Map<string, number | null>[];
  audit: HeadcountAuditSummary;
  witnessesFrom: number;
  smallGroups?: SmallGroupSolver;
  /** Cells to keep hidden for shown survey releases (headcount-survey-caps.ts). */
  alsoKeepHidden?: ReadonlySet<number>;
  /** Hide the date whole at once (shown survey releases could not be protected otherwise). */
  whole?: boolean;
}

/**
 * Protects one date, and never fails: cell by cell when it can (`protectCellByCell`); else,
 * the last resort, every cell of the date hidden as "protected". That is safe whatever the
 * counts: with no figure published and no reason saying more than "0 or more", every solution
 * scaled by any factor ≥ 0 still fits every equation, so each non-zero count ranges from 0 up
 * without bound, at this date and against every other.
 */
function protectDate(date: DateToProtect): {
  model: CellModel;
  forced: Set<number>;
  hiddenWhole?: boolean;
} {
  try {
    // `whole`: shown survey releases could not be kept safe cell by cell.
    const protectedDate = date.whole ? undefined : protectCellByCell(date);
    // What must hold by construction: a published cell never shows a small change.
    if (
      protectedDate &&
      smallChanges(protectedDate.model, date.table.keys, date.published).length === 0
    )
      return protectedDate;
  } catch {
    // Falls through to the last resort below: the reader gets a safe release, not an error.
  }
  const model = tableModel(date.tree, date.table, date.k, date.previouslyHidden);
  model.hidden = model.n.map(() => "protected");
  return { model, forced: new Set(), hiddenWhole: true };
}

/**
 * Protects one date cell by cell: cells whose change since an earlier published date is
 * 1..k−1 are hidden first and kept hidden and inexact by one protection. When that cannot be
 * done (every cell that could protect such a cell was published as derivable meanwhile), falls
 * back to rounds from a fresh model: the changed cells hidden as plain secondary cells, and
 * where one is published again as derivable, its cheapest publishable neighbour hidden too,
 * until no change shows. Throws when neither settles.
 */
function protectCellByCell({
  highs,
  tree,
  table,
  k,
  previouslyHidden,
  published,
  audit,
  witnessesFrom,
  smallGroups,
  alsoKeepHidden = new Set(),
}: DateToProtect): { model: CellModel; forced: Set<number> } {
  const fresh = () => tableModel(tree, table, k, previouslyHidden);
  const options = { boundsFirst: true, relabelStuck: true, witnessesFrom, smallGroups };
  let model = fresh();
  // Cells of 1..k−1 are hidden as primary by the protection itself.
  const forced = new Set(
    smallChanges(model, table.keys, published).filter((cell) => (model.n[cell] as number) >= k),
  );
  model.keepHidden = new Uint8Array(model.n.length);
  for (const cell of [...forced, ...alsoKeepHidden]) {
    model.hidden[cell] = "secondary";
    model.keepHidden[cell] = 1;
  }
  try {
    const result = protectCells(highs, model, [], options);
    audit.lpSolves += result.solves;
    audit.rounds += result.rounds;
    return { model, forced };
  } catch (error) {
    if (!(error instanceof UnprotectableReleaseError) || forced.size + alsoKeepHidden.size === 0)
      throw error;
  }
  for (let round = 1; ; round++) {
    model = fresh();
    for (const cell of [...forced, ...alsoKeepHidden]) model.hidden[cell] = "secondary";
    const result = protectCells(highs, model, [], options);
    audit.lpSolves += result.solves;
    audit.rounds += result.rounds;
    const changed = smallChanges(model, table.keys, published);
    if (changed.length === 0) return { model, forced };
    if (round >= MAX_CHANGE_ROUNDS) throw new Error("Headcount changes did not settle.");
    const byCell = equationsByCell(model);
    const current = model;
    for (const cell of changed) {
      forced.add(cell);
      if (!current.settled?.[cell]) continue;
      const next = cheapestNeighbour(current, byCell, cell, {
        candidate: (other) =>
          current.hidden[other] === null &&
          (current.n[other] as number) >= current.k &&
          !forced.has(other),
        passThrough: (other) => current.hidden[other] !== null,
      });
      if (next !== undefined) forced.add(next);
    }
  }
}

/** The key a cell keeps across dates. */
export function headcountCellKey(cell: Omit<HeadcountCell, "n">): string {
  // Each text with its length before it, null as -1: no two cells share a key (as with
  // JSON.stringify of the five, which cost a tenth of a later date's JavaScript at 1,000 units).
  return `${keyField(cell.unitId)}${cell.part}${keyField(cell.level)}${keyField(cell.dimension)}${keyField(cell.value)}`;
}

// Outside `headcountCellKey`: a closure made per call cost as much as the key (every cell of
// every date is keyed at each build).
function keyField(text: string | null): string {
  return text === null ? "-1:" : `${text.length}:${text}`;
}

/**
 * Cells of this date not hidden yet whose change against a cell published at an earlier date
 * (or absent there, so 0) is 1..k−1 people either way: someone who joined or left would show.
 * Published values are 0 or at least k, so such a cell holds at least k: hiding it as
 * "secondary" is truthful.
 */
function smallChanges(
  model: CellModel,
  keys: string[],
  earlier: Map<string, number | null>[],
): number[] {
  const found: number[] = [];
  keys.forEach((key, cell) => {
    if (model.hidden[cell] !== null) return;
    const now = model.n[cell] as number;
    for (const values of earlier) {
      // Absent: the cell was not listed at that date, so it held 0.
      const before = values.get(key) ?? (values.has(key) ? null : 0);
      if (before === null) continue;
      const change = Math.abs(now - before);
      if (change >= 1 && change < model.k) {
        found.push(cell);
        return;
      }
    }
  });
  return found;
}

interface Layout {
  levels: readonly string[];
  /** Category slots: 0 is everyone, then each dimension's values in order. */
  categories: { dimension: string | null; value: string | null }[];
  /** Per dimension, its slots. */
  dimensionSlots: number[][];
  /** dimension key → value → slot. */
  slotOf: Map<string, Map<string, number>>;
}

function cellLayout(
  levels: readonly string[],
  dimensions: readonly { key: string; values: readonly string[] }[],
): Layout {
  const categories: Layout["categories"] = [{ dimension: null, value: null }];
  const dimensionSlots: number[][] = [];
  const slotOf = new Map<string, Map<string, number>>();
  for (const dimension of dimensions) {
    const slots: number[] = [];
    for (const value of dimension.values) {
      const values = slotOf.get(dimension.key) ?? new Map<string, number>();
      slotOf.set(dimension.key, values);
      values.set(value, categories.length);
      slots.push(categories.length);
      categories.push({ dimension: dimension.key, value });
    }
    dimensionSlots.push(slots);
  }
  return { levels, categories, dimensionSlots, slotOf };
}

interface DateTable {
  /** Per listed cell: its key, description and count. */
  keys: string[];
  describe: Omit<HeadcountCell, "n">[];
  n: number[];
  depth: number[];
  equations: Equation[];
  /** Where each cell sits, for witness directions in people (headcount-witnesses.ts). */
  grid: HeadcountCellGrid;
}

/**
 * Counts every cell of one date and writes down the equations between them. In steps of their
 * own (counting, summing up the tree, listing cells, writing equations): as one function, each
 * loop's on-stack compile and each later date's new feedback compiled the whole of it again.
 */
function dateTable(tree: UnitTree, layout: Layout, rows: readonly HeadcountRow[]): DateTable {
  const L = layout.levels.length + 1;
  const C = layout.categories.length;
  const width = L * C;
  const nodes = tree.ids.length;
  const direct = directCounts(tree, layout, rows, width);
  const subtree = subtreeCounts(tree, direct, width);
  const hasDirect = (node: number) =>
    (tree.children[node]?.length ?? 0) > 0 && (direct[node * width] as number) > 0;
  const index = new Int32Array(nodes * 2 * width).fill(-1);
  const grid: HeadcountCellGrid = {
    tree,
    levels: L,
    dimensionSlots: layout.dimensionSlots,
    at: (node: number, part: number, l: number, c: number) =>
      index[(node * 2 + part) * width + l * C + c] as number,
    node: new Int32Array(0),
    part: new Int8Array(0),
    level: new Int32Array(0),
    slot: new Int32Array(0),
    hasDirect,
  };
  const table = listCells(grid, layout, index, direct, subtree);
  const equations = dateEquations(grid, layout);
  // Written out, not spread: a spread object's map differed between the first date and the next,
  // and every function reading the table was compiled again.
  return {
    keys: table.keys,
    describe: table.describe,
    n: table.n,
    depth: table.depth,
    equations,
    grid,
  };
}

/** Per node and (level, slot), the staff counted directly in it. */
function directCounts(
  tree: UnitTree,
  layout: Layout,
  rows: readonly HeadcountRow[],
  width: number,
): Float64Array {
  const direct = new Float64Array(tree.ids.length * width);
  const levelIndex = new Map(layout.levels.map((level, index) => [level, index + 1]));
  // A row at a time, in a function of its own, as in listCells.
  for (const row of rows) countRow(tree, layout, levelIndex, row, direct, width);
  return direct;
}

/** Adds one row's counts to its node's cells at its level and at all levels. */
function countRow(
  tree: UnitTree,
  layout: Layout,
  levelIndex: ReadonlyMap<string, number>,
  row: HeadcountRow,
  direct: Float64Array,
  width: number,
): void {
  const C = layout.categories.length;
  const node = tree.indexOf.get(row.unitId);
  const level = levelIndex.get(row.level);
  if (node === undefined || level === undefined) {
    throw new Error(`Headcount row for unknown unit or level: ${row.unitId} ${row.level}`);
  }
  const atLevel = node * width + level * C;
  const atAll = node * width;
  direct[atLevel] = (direct[atLevel] as number) + row.total;
  direct[atAll] = (direct[atAll] as number) + row.total;
  for (const [dimension, values] of Object.entries(row.categories)) {
    const slots = layout.slotOf.get(dimension);
    if (!slots) continue;
    for (const [value, count] of Object.entries(values)) {
      const slot = slots.get(value);
      if (slot === undefined) continue;
      direct[atLevel + slot] = (direct[atLevel + slot] as number) + count;
      direct[atAll + slot] = (direct[atAll + slot] as number) + count;
    }
  }
}

/** Per node and (level, slot), the staff of its whole subtree. */
function subtreeCounts(tree: UnitTree, direct: Float64Array, width: number): Float64Array {
  const subtree = Float64Array.from(direct);
  for (let node = tree.ids.length - 1; node > 0; node--) {
    const parent = tree.parent[node] as number;
    for (let i = 0; i < width; i++) {
      subtree[parent * width + i] =
        (subtree[parent * width + i] as number) + (subtree[node * width + i] as number);
    }
  }
  return subtree;
}

/** Whether a node lists (level `l`, slot `c`): a crossed node every pair, others margins only. */
function listed(tree: UnitTree, node: number, l: number, c: number): boolean {
  return (tree.depth[node] as number) <= CROSS_DEPTH || l === 0 || c === 0;
}

/** Lists the cells of every node and part, fills `index` and the grid's places. */
function listCells(
  grid: HeadcountCellGrid,
  layout: Layout,
  index: Int32Array,
  direct: Float64Array,
  subtree: Float64Array,
): Omit<DateTable, "grid" | "equations"> {
  const place: CellPlaces = { node: [], part: [], level: [], slot: [] };
  const table: Omit<DateTable, "grid" | "equations"> = { keys: [], describe: [], n: [], depth: [] };
  // A node at a time, in a function of its own: called a thousand times, it is compiled once
  // with its feedback, where one long loop was compiled on the stack and again at the next date.
  for (let node = 0; node < grid.tree.ids.length; node++) {
    listNodeCells(grid, layout, index, subtree, node, 0, table, place);
    if (grid.hasDirect(node)) listNodeCells(grid, layout, index, direct, node, 1, table, place);
  }
  grid.node = Int32Array.from(place.node);
  grid.part = Int8Array.from(place.part);
  grid.level = Int32Array.from(place.level);
  grid.slot = Int32Array.from(place.slot);
  return table;
}

/** Per listed cell, where it sits (see `HeadcountCellGrid`). */
interface CellPlaces {
  node: number[];
  part: number[];
  level: number[];
  slot: number[];
}

/** The cells of one node's part (0 all, 1 direct), counted from `source`. */
function listNodeCells(
  grid: HeadcountCellGrid,
  layout: Layout,
  index: Int32Array,
  source: Float64Array,
  node: number,
  part: number,
  table: Omit<DateTable, "grid" | "equations">,
  place: CellPlaces,
): void {
  const { tree, levels: L } = grid;
  const C = layout.categories.length;
  const width = L * C;
  for (let l = 0; l < L; l++) {
    for (let c = 0; c < C; c++) {
      if (!listed(tree, node, l, c)) continue;
      const category = layout.categories[c] as Layout["categories"][number];
      const describe = {
        unitId: tree.ids[node] as string,
        part: part === 0 ? ("all" as const) : ("direct" as const),
        level: l === 0 ? null : (layout.levels[l - 1] as string),
        dimension: category.dimension,
        value: category.value,
      };
      index[(node * 2 + part) * width + l * C + c] = table.n.length;
      table.describe.push(describe);
      table.keys.push(headcountCellKey(describe));
      table.n.push(source[node * width + l * C + c] as number);
      table.depth.push(tree.depth[node] as number);
      place.node.push(node);
      place.part.push(part);
      place.level.push(l);
      place.slot.push(c);
    }
  }
}

/** The equations between a date's cells: sub-units add up to their unit, levels and values to totals. */
function dateEquations(grid: HeadcountCellGrid, layout: Layout): Equation[] {
  const equations: Equation[] = [];
  // A node at a time, as in listCells.
  for (let node = 0; node < grid.tree.ids.length; node++) {
    nodeEquations(grid, layout, node, equations);
  }
  return equations;
}

/** The equations of one node: its sub-units', its levels' and its values' sums. */
function nodeEquations(
  grid: HeadcountCellGrid,
  layout: Layout,
  node: number,
  equations: Equation[],
): void {
  const { tree, levels: L, at } = grid;
  const C = layout.categories.length;
  const crossed = (tree.depth[node] as number) <= CROSS_DEPTH;
  const kids = tree.children[node] ?? [];
  const hasDirect = grid.hasDirect(node);
  if (kids.length > 0) {
    for (let l = 0; l < L; l++) {
      for (let c = 0; c < C; c++) {
        // A cross cell adds up over the sub-units only where they list it too.
        if (!kids.every((child) => listed(tree, child, l, c)) || !listed(tree, node, l, c))
          continue;
        // Every equation's parts built by push, as one elements kind, and every equation of
        // one shape: the audit's loops over them were recompiled at each new kind or shape.
        const parts: number[] = [];
        if (hasDirect) parts.push(at(node, 1, l, c));
        for (const child of kids) parts.push(at(child, 0, l, c));
        equations.push({ total: at(node, 0, l, c), parts, partition: false });
      }
    }
  }
  for (let part = 0; part < (hasDirect ? 2 : 1); part++) {
    for (let c = 0; c < C; c++) {
      if (c > 0 && !crossed) continue;
      const parts: number[] = [];
      for (let l = 1; l < L; l++) parts.push(at(node, part, l, c));
      equations.push({ total: at(node, part, 0, c), parts, partition: true });
    }
    for (let l = 0; l < L; l++) {
      if (l > 0 && !crossed) continue;
      for (const slots of layout.dimensionSlots) {
        const parts: number[] = [];
        for (const slot of slots) parts.push(at(node, part, l, slot));
        equations.push({ total: at(node, part, l, 0), parts, partition: true });
      }
    }
  }
}

/** Candidate directions tried per open cell before the generic windows. */
const PERSON_TRIES = 8;

/**
 * A fresh cell model of one date. Cheaper to hide (so hidden first): small cells, cells that are
 * not totals, cells deep in the tree, and cells hidden at an earlier date (a stable pattern
 * keeps trends readable).
 */
function tableModel(
  tree: UnitTree,
  table: DateTable,
  k: number,
  previouslyHidden: ReadonlySet<string>,
): CellModel {
  const isTotal = new Uint8Array(table.n.length);
  for (const equation of table.equations) isTotal[equation.total] = 1;
  const maxDepth = Math.max(0, ...tree.depth);
  const cost = table.n.map((n, cell) => {
    const earlier = previouslyHidden.has(table.keys[cell] as string) ? 0.5 : 1;
    return n * (isTotal[cell] ? 4 : 1) * earlier + (maxDepth - (table.depth[cell] as number)) * 0.1;
  });
  return {
    k,
    n: [...table.n],
    hidden: table.n.map(() => null),
    equations: table.equations,
    upper: table.n.map(() => Number.POSITIVE_INFINITY),
    cost,
    witnessDirections: (cell, random, movable) =>
      personDirections(table.grid, cell, random, PERSON_TRIES, movable),
  };
}
