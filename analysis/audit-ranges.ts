import type { Highs } from "highs";
import { type CellModel, cellBounds, isSmallGroup, valueBounds } from "./cell-model";
import {
  type Elimination,
  eliminateDoubletons,
  keptBounds,
  keptCosts,
  originalValues,
} from "./eliminate-doubletons";
import { IntegerBounds } from "./item-bounds";
import { witnessRanges } from "./width-witnesses";

/** What the LP audit found: cells to protect better, and how many LPs it took. */
export interface RangeFindings {
  /** Hidden cells whose value an attacker pins down exactly (knowing values and reasons). */
  exact: number[];
  /** Primary cells whose feasible range from published values alone is narrower than k. */
  narrow: number[];
  solves: number;
}

const OPTIMAL = 7;
const UNBOUNDED = 10;
const EPSILON = 1e-6;

/**
 * Hidden cells already shown to keep a wide range (solutions seen). Hiding one more cell only
 * widens what an attacker must allow (its true value stays feasible), so these stay wide until
 * a cell is published again; `protectCells` keeps them across rounds and clears them then.
 */
export interface ProvenRanges {
  /** Model B range of at least two integers (not exact). */
  wide: Uint8Array;
  /** Model A range of at least k (primary cells). */
  wideWithoutReasons: Uint8Array;
  /**
   * The latest LP solutions the proofs came from (model B's also solve model A), kept when
   * asked for (`keepPoints`), so that publishing a cell need not forget every proof: see
   * `provenAfterPublishing`.
   */
  points?: { cells: Int32Array; values: Float64Array; model: "A" | "B" }[];
}

/** Nothing proven yet, for a model of `cells` cells. */
export function noProvenRanges(cells: number, { keepPoints = false } = {}): ProvenRanges {
  return {
    wide: new Uint8Array(cells),
    wideWithoutReasons: new Uint8Array(cells),
    ...(keepPoints ? { points: [] } : {}),
  };
}

/**
 * Values of the solutions kept for `provenAfterPublishing`, at most (the latest solutions):
 * 24 MB, more than an audit of the giant component at 1,000 units observes (about 60 × 11,000).
 */
const KEPT_VALUES = 3_000_000;

/**
 * The proofs that survive publishing `published` cells at their true values: a kept solution
 * in which each of them already holds its true value still solves the system with them
 * published, so the ranges it showed stand; every other proof is forgotten (asked again).
 * Without kept points, nothing survives.
 */
export function provenAfterPublishing(
  model: CellModel,
  proven: ProvenRanges,
  published: readonly number[],
): ProvenRanges {
  const fresh = noProvenRanges(model.n.length, { keepPoints: proven.points !== undefined });
  if (!proven.points || !fresh.points) return fresh;
  const isPublished = new Set(published);
  const low = new Map<number, { low: number; high: number; lowB: number; highB: number }>();
  for (const point of proven.points) {
    let valid = true;
    point.cells.forEach((cell, at) => {
      if (
        isPublished.has(cell) &&
        Math.abs((point.values[at] as number) - (model.n[cell] as number)) > EPSILON
      ) {
        valid = false;
      }
    });
    if (!valid) continue;
    fresh.points.push(point);
    point.cells.forEach((cell, at) => {
      const value = point.values[at] as number;
      const n = model.n[cell] as number;
      const range = low.get(cell) ?? { low: n, high: n, lowB: n, highB: n };
      range.low = Math.min(range.low, value);
      range.high = Math.max(range.high, value);
      if (point.model === "B") {
        range.lowB = Math.min(range.lowB, value);
        range.highB = Math.max(range.highB, value);
      }
      low.set(cell, range);
    });
  }
  for (const [cell, range] of low) {
    if (model.hidden[cell] === null) continue;
    if (notExact(range.lowB, range.highB, model.n[cell] as number)) fresh.wide[cell] = 1;
    if (range.high - range.low >= Math.min(model.k, model.upper[cell] as number)) {
      fresh.wideWithoutReasons[cell] = 1;
    }
  }
  return fresh;
}

/**
 * Audits the hidden cells of a model by linear programming: for each hidden cell, the least
 * and greatest count consistent with every published figure, counts ≥ 0 and known
 * headcounts. Model B adds what the published reasons tell (primary 1..k−1, secondary ≥ k)
 * and must leave no cell exact; model A (values only) must leave every primary cell a range
 * of at least k. Hidden cells are split into independent components so each LP stays small.
 * Cells in `proven` are not asked again; cells found wide are added to it.
 */
export function auditRanges(
  highs: Highs,
  model: CellModel,
  proven: ProvenRanges = noProvenRanges(model.n.length),
  {
    witnessesFrom = Number.POSITIVE_INFINITY,
    sweeps = true,
    eliminate = true,
  }: {
    /**
     * Components of at least this many hidden cells are first shown wide by checked witness
     * points (width-witnesses.ts, when the model offers directions), and the LP asked only
     * about what they leave open: same findings, fewer LPs.
     */
    witnessesFrom?: number;
    /**
     * Batch LPs moving many open cells at once before asking cell by cell (the default). Off:
     * every open cell is asked by its own LPs, which tests compare the findings with.
     */
    sweeps?: boolean;
    /**
     * Substitute equations with two hidden cells away before building the LP
     * (eliminate-doubletons.ts: the same feasible set, fewer unknowns; the default). Off: the
     * LP holds every hidden cell, which tests compare the findings with.
     */
    eliminate?: boolean;
  } = {},
): RangeFindings {
  const findings: RangeFindings = { exact: [], narrow: [], solves: 0 };
  for (const component of hiddenComponents(model)) {
    const open = component.cells.some(
      (cell) =>
        !proven.wide[cell] || (isSmallGroup(model, cell) && !proven.wideWithoutReasons[cell]),
    );
    if (open) {
      const witnesses = component.cells.length >= witnessesFrom && !!model.witnessDirections;
      auditComponent(highs, model, component, findings, proven, { witnesses, sweeps, eliminate });
    }
  }
  findings.exact.sort((a, b) => a - b);
  findings.narrow.sort((a, b) => a - b);
  return findings;
}

/**
 * The findings bound tightening alone can make, without an LP: hidden cells it pins exactly
 * (model B) and primary cells whose outer bounds are narrower than k (model A). A subset of
 * what `auditRanges` finds, at a fraction of its cost; an empty answer proves nothing.
 */
export function auditByBounds(model: CellModel): RangeFindings {
  const findings: RangeFindings = { exact: [], narrow: [], solves: 0 };
  for (const { cells, rows } of hiddenComponents(model)) {
    const column = new Map(cells.map((cell, index) => [cell, index]));
    const tightB = tightened(
      cells,
      rows,
      column,
      cells.map((cell) => cellBounds(model, cell)),
    );
    const primaries = cells.filter((cell) => isSmallGroup(model, cell));
    const tightA =
      primaries.length > 0
        ? tightened(
            cells,
            rows,
            column,
            cells.map((cell) => valueBounds(model, cell)),
          )
        : undefined;
    cells.forEach((cell, index) => {
      if ((model.n[cell] as number) === 0) return;
      if ((tightB.lows[index] as number) === (tightB.highs[index] as number)) {
        findings.exact.push(cell);
      } else if (
        tightA &&
        isSmallGroup(model, cell) &&
        (tightA.highs[index] as number) - (tightA.lows[index] as number) <
          Math.min(model.k, model.upper[cell] as number)
      ) {
        findings.narrow.push(cell);
      }
    });
  }
  findings.exact.sort((a, b) => a - b);
  findings.narrow.sort((a, b) => a - b);
  return findings;
}

type Bounds = { lower: number; upper: number };

interface Component {
  cells: number[];
  rows: { cells: number[]; coefficients: number[]; rhs: number }[];
}

/** Equations reduced to their hidden cells, grouped into connected components. */
export function hiddenComponents(model: CellModel): Component[] {
  const { hidden, n } = model;
  const root = new Map<number, number>();
  const find = (cell: number): number => {
    let top = cell;
    while (root.get(top) !== top) top = root.get(top) as number;
    let walk = cell;
    while (walk !== top) {
      const next = root.get(walk) as number;
      root.set(walk, top);
      walk = next;
    }
    return top;
  };
  n.forEach((_, cell) => {
    if (hidden[cell] !== null) root.set(cell, cell);
  });
  const rows: Component["rows"] = [];
  for (const { total, parts } of model.equations) {
    const cells: number[] = [];
    const coefficients: number[] = [];
    let rhs = 0;
    const add = (cell: number, sign: number) => {
      if (hidden[cell] !== null) {
        cells.push(cell);
        coefficients.push(sign);
      } else rhs -= sign * (n[cell] as number);
    };
    add(total, 1);
    for (const part of parts) add(part, -1);
    if (cells.length === 0) continue;
    rows.push({ cells, coefficients, rhs });
    const first = find(cells[0] as number);
    for (const cell of cells) {
      const other = find(cell);
      if (other !== first) root.set(other, first);
    }
  }
  const components = new Map<number, Component>();
  for (const cell of root.keys()) {
    const top = find(cell);
    const component = components.get(top) ?? { cells: [], rows: [] };
    component.cells.push(cell);
    components.set(top, component);
  }
  for (const row of rows) components.get(find(row.cells[0] as number))?.rows.push(row);
  return [...components.values()];
}

function auditComponent(
  highs: Highs,
  model: CellModel,
  component: Component,
  findings: RangeFindings,
  proven: ProvenRanges,
  { witnesses, sweeps, eliminate }: { witnesses: boolean; sweeps: boolean; eliminate: boolean },
): void {
  const { cells, rows } = component;
  const column = new Map(cells.map((cell, index) => [cell, index]));
  const { k } = model;
  const boundsB = cells.map((cell) => cellBounds(model, cell));
  const boundsA = cells.map((cell) => valueBounds(model, cell));
  // Bound tightening first: every bound it finds is a deduction an attacker can make, so a
  // cell it pins is exact (model B) or narrow (model A) without an LP. Cells it leaves open
  // still need the LP, which alone can show that a range is wide.
  const tightB = tightened(cells, rows, column, boundsB);
  const tightA = cells.some((cell) => isSmallGroup(model, cell))
    ? tightened(cells, rows, column, boundsA)
    : undefined;
  // The LP's unknowns: every hidden cell, or what is left after substituting equations with
  // two hidden cells away. Costs, bounds and solutions are given and read per cell either way.
  const reduced = eliminate
    ? eliminateDoubletons(cells.length, indexRows(rows, column))
    : identity(cells.length, indexRows(rows, column));
  const columns = reduced.columns;
  const lp = highs.createModel(
    lpData(
      highs,
      columns,
      reduced.rows,
      new Map(Array.from({ length: columns }, (_, at) => [at, at])),
      keptBounds(reduced, boundsB),
    ),
  );
  try {
    lp.options.set({ output_flag: false, presolve: "off" });
    // The objective's constant part (cells mapped to kept columns with an offset).
    let constant = 0;
    const objective = () => lp.getObjectiveValue() + constant;
    const run = (cellCosts: Float64Array, sense: "min" | "max"): boolean => {
      findings.solves++;
      const kept = keptCosts(reduced, cellCosts);
      constant = kept.constant;
      const costs = kept.costs;
      if (columns > 0)
        lp.changeColsCost({ kind: "range" as const, from: 0, to: columns - 1 }, costs);
      lp.changeObjectiveSense(
        sense === "min"
          ? highs.constants.objectiveSense.minimize
          : highs.constants.objectiveSense.maximize,
      );
      lp.run();
      let status = lp.getModelStatus();
      if (status !== OPTIMAL && status !== UNBOUNDED) {
        // HiGHS's simplex sometimes stops without a verdict ("unknown": seen on a cold start
        // whose objective is unbounded); from a cleared state it decides.
        lp.clearSolver();
        lp.run();
        status = lp.getModelStatus();
      }
      if (status === UNBOUNDED) return false;
      if (status !== OPTIMAL) throw new Error(`LP audit: unexpected solver status ${status}`);
      return true;
    };
    const solve = (index: number, sense: "min" | "max"): number | null => {
      const costs = new Float64Array(cells.length);
      costs[index] = 1;
      return run(costs, sense) ? objective() : null;
    };
    const setBounds = (cellBounds: { lower: number; upper: number }[]) => {
      if (columns === 0) return;
      const bounds = keptBounds(reduced, cellBounds);
      lp.changeColsBounds(
        { kind: "range" as const, from: 0, to: columns - 1 },
        Float64Array.from(bounds, (b) => finite(highs, b.lower)),
        Float64Array.from(bounds, (b) => finite(highs, b.upper)),
      );
    };

    // Model B: values and reasons. Every hidden cell must keep at least two integer values. An
    // exact 0 only says a value is absent from a group the release already covers (a published
    // zero above it, or a whole row hidden for unanimity): no small group follows, so zeros are
    // not asked.
    const seen = cells.map((cell) => ({
      low: model.n[cell] as number,
      high: model.n[cell] as number,
    }));
    let phase: "A" | "B" = "B";
    const keep = proven.points;
    const cellIds = keep ? Int32Array.from(cells) : undefined;
    const observe = () => {
      const values = originalValues(reduced, lp.getSolution().colValue);
      if (keep && cellIds) {
        keep.push({
          cells: cellIds,
          values: Float64Array.from(values),
          model: phase,
        });
        let total = 0;
        for (const point of keep) total += point.values.length;
        let drop = 0;
        while (total > KEPT_VALUES && drop < keep.length - 1) {
          total -= (keep[drop] as { values: Float64Array }).values.length;
          drop++;
        }
        if (drop > 0) keep.splice(0, drop);
      }
      seen.forEach((range, index) => {
        const value = values[index] as number;
        if (value < range.low) range.low = value;
        if (value > range.high) range.high = value;
      });
    };
    /**
     * Moves many cells at once before asking cell by cell. Each sweep maximises a signed sum of
     * open cells, each of them boxed to true value ± `reach` (the box keeps the objective
     * bounded; every other cell keeps its own bounds, so it can make room). The first sweep
     * pushes every open cell up; later ones push each the way that could still show it wide
     * (its `need`): down when the highest value seen is far enough above the box's floor, up when
     * the lowest is far enough below its ceiling, and, when both could, the other way than the
     * last push, which did not do it (leaving half the cells out at random, as before, cost more
     * sweeps). Sweeps only show cells wide: what they leave open is asked cell by cell, so the
     * findings do not depend on them.
     */
    const spread = (
      bounds: { lower: number; upper: number }[],
      open: (index: number) => boolean,
      reach: number,
      need: (index: number) => number,
    ) => {
      let pending = cells.map((_, index) => index).filter(open);
      if (!sweeps || pending.length < BATCH_MIN) return;
      const box = cells.map((cell, index) => {
        const n = model.n[cell] as number;
        const b = bounds[index] as { lower: number; upper: number };
        return { lower: Math.max(b.lower, n - reach), upper: Math.min(b.upper, n + reach) };
      });
      const pushed = new Int8Array(cells.length);
      const direction = (index: number) => {
        const range = seen[index] as { low: number; high: number };
        const b = box[index] as { lower: number; upper: number };
        const wanted = need(index) - EPSILON;
        const up = b.upper - range.low;
        const down = range.high - b.lower;
        if (up < wanted || down < wanted) return up >= down ? 1 : -1;
        // Every cell was pushed up first.
        return -(pushed[index] as number);
      };
      for (let attempt = 0; attempt < BATCH_ATTEMPTS && pending.length >= BATCH_MIN; attempt++) {
        const costs = new Float64Array(cells.length);
        for (const index of pending) {
          const sign = attempt === 0 ? 1 : direction(index);
          costs[index] = sign;
          pushed[index] = sign;
        }
        setBounds(cells.map((_, index) => (costs[index] !== 0 ? box : bounds)[index] as Bounds));
        if (run(costs, "max")) observe();
        const left = pending.filter(open);
        // Past the first two, stop when a sweep settles fewer cells than asking them one by one
        // would cost LPs.
        if (attempt >= 1 && pending.length - left.length < SWEEP_GAIN) break;
        pending = left;
      }
      setBounds(bounds);
    };
    const pinnedB = (index: number) =>
      (tightB.lows[index] as number) === (tightB.highs[index] as number);
    // A zero is never a finding of model B (see below): only non-zero cells are asked.
    const openB = (index: number) =>
      !proven.wide[cells[index] as number] &&
      (model.n[cells[index] as number] as number) > 0 &&
      !pinnedB(index) &&
      !notExactSeen(seen, index, model.n[cells[index] as number] as number);
    if (witnesses) {
      // Model B only: for model A (a range of k, values only) the witnesses cost more than the
      // sweeps they save.
      const shown = witnessRanges(model, component, boundsB, {
        open: openB,
        need: () => 1,
        fixed: pinnedB,
      });
      seen.forEach((range, index) => {
        range.low = Math.min(range.low, shown.low[index] as number);
        range.high = Math.max(range.high, shown.high[index] as number);
      });
    }
    spread(boundsB, openB, 2, () => NOT_EXACT);
    cells.forEach((cell, index) => {
      const range = seen[index] as { low: number; high: number };
      if (proven.wide[cell] || (model.n[cell] as number) === 0) return;
      if (pinnedB(index)) {
        findings.exact.push(cell);
        return;
      }
      if (notExact(range.low, range.high, model.n[cell] as number)) {
        proven.wide[cell] = 1;
        return;
      }
      const max = solve(index, "max");
      if (max !== null) observe();
      if (max === null || notExact(range.low, range.high, model.n[cell] as number)) {
        proven.wide[cell] = 1;
        return;
      }
      const min = solve(index, "min");
      observe();
      const exact = Math.floor((max as number) + EPSILON) <= Math.ceil((min as number) - EPSILON);
      if (exact) findings.exact.push(cell);
      else proven.wide[cell] = 1;
    });

    // Model A: values only. Each primary cell's range must be at least k wide (and each small
    // group relabelled "protected": isSmallGroup).
    const primaries = cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell }) => isSmallGroup(model, cell));
    if (primaries.length === 0 || !tightA) return;
    phase = "A";
    setBounds(boundsA);
    // A known headcount under k caps what any release could leave open.
    const need = (cell: number) => Math.min(k, model.upper[cell] as number);
    const isPrimary = new Uint8Array(cells.length);
    for (const { index } of primaries) isPrimary[index] = 1;
    // Outer bounds narrower than needed: an attacker pins the group to fewer than k values.
    const narrowByBounds = (cell: number, index: number) =>
      (tightA.highs[index] as number) - (tightA.lows[index] as number) < need(cell) &&
      (model.n[cell] as number) > 0;
    // A zero cell splitting a primary group is a finding only when it can hold 1..k−1 (its least
    // value is 0, so its greatest decides). Pinned at 0 it is no finding, but it is not proven
    // either: hiding more may widen it. Such cells are settled together, without an LP per cell
    // and round: by tightening, or by one LP maximising their sum.
    const zeroPinned = new Uint8Array(cells.length);
    const openA = (index: number) =>
      isPrimary[index] === 1 &&
      !zeroPinned[index] &&
      !proven.wideWithoutReasons[cells[index] as number] &&
      !narrowByBounds(cells[index] as number, index) &&
      width(seen, index) < need(cells[index] as number);
    const zeros = primaries.filter(({ cell }) => (model.n[cell] as number) === 0);
    for (const { index } of zeros) {
      if ((tightA.highs[index] as number) <= EPSILON) zeroPinned[index] = 1;
    }
    const openZeros = zeros.filter(({ index }) => openA(index));
    if (openZeros.length > 0) {
      const costs = new Float64Array(cells.length);
      for (const { index } of openZeros) costs[index] = 1;
      if (run(costs, "max")) {
        if (objective() <= EPSILON) {
          for (const { index } of openZeros) zeroPinned[index] = 1;
        } else observe();
      }
    }
    // Solutions seen under model B are feasible under A too: they still count.
    spread(boundsA, openA, k, (index) => need(cells[index] as number));
    for (const { cell, index } of primaries) {
      const range = seen[index] as { low: number; high: number };
      if (proven.wideWithoutReasons[cell] || zeroPinned[index]) continue;
      if (narrowByBounds(cell, index)) {
        findings.narrow.push(cell);
        continue;
      }
      if (range.high - range.low >= need(cell)) {
        proven.wideWithoutReasons[cell] = 1;
        continue;
      }
      const max = solve(index, "max");
      if (max !== null) observe();
      if (max === null || range.high - range.low >= need(cell)) {
        proven.wideWithoutReasons[cell] = 1;
        continue;
      }
      // A zero cell's least value is 0 (its lower bound, and its true value).
      const min = (model.n[cell] as number) === 0 ? 0 : solve(index, "min");
      if ((model.n[cell] as number) > 0) observe();
      // A cell pinned at 0 is an exact zero, not a small group (see model B above).
      if ((max as number) - (min as number) < need(cell) - EPSILON) {
        if ((max as number) > EPSILON) findings.narrow.push(cell);
      } else proven.wideWithoutReasons[cell] = 1;
    }
  } finally {
    lp.dispose();
  }
}

/** Open cells at least this many before a batch LP moves them together. */
const BATCH_MIN = 4;
/** A sweep must show at least this many more cells wide to be worth the next one. */
const SWEEP_GAIN = 2;
/**
 * Model B needs two integer values in a cell's range. The true value is always among the values
 * seen (every range starts there), and the range is convex: a seen value one away from it gives
 * two integers, the LP's own test (floor(max) > ceil(min)) with the same tolerance.
 */
const NOT_EXACT = 1 - EPSILON;

/**
 * Whether values seen from `low` to `high` around the true integer `n` show a cell not exact:
 * one of them at least one away from `n`. A width of one alone is not enough: LP points may be
 * fractional, and 2.5 and 3.5 around 3 leave 3 the only integer (the LP's own test,
 * floor(max) > ceil(min), calls that exact).
 */
function notExact(low: number, high: number, n: number): boolean {
  return high >= n + NOT_EXACT || low <= n - NOT_EXACT;
}

function notExactSeen(seen: { low: number; high: number }[], index: number, n: number): boolean {
  const range = seen[index] as { low: number; high: number };
  return notExact(range.low, range.high, n);
}
/** Batch LPs per model and component, at most. */
const BATCH_ATTEMPTS = 64;

function width(seen: { low: number; high: number }[], index: number): number {
  const range = seen[index] as { low: number; high: number };
  return range.high - range.low;
}

/** The component's equations tightened to integer bounds from the given ones. */
function tightened(
  cells: number[],
  rows: Component["rows"],
  column: Map<number, number>,
  bounds: { lower: number; upper: number }[],
): IntegerBounds {
  const system = new IntegerBounds(Math.max(1, cells.length));
  for (const b of bounds) system.add(b.lower, b.upper);
  for (const row of rows) {
    system.equation(
      row.cells.map((cell) => column.get(cell) as number),
      row.coefficients,
      row.rhs,
    );
  }
  system.tighten();
  return system;
}

function finite(highs: Highs, value: number): number {
  if (Number.isFinite(value)) return value;
  return value > 0 ? highs.infinity : -highs.infinity;
}

/** A component's rows over column indices. */
function indexRows(rows: Component["rows"], column: Map<number, number>): Component["rows"] {
  return rows.map((row) => ({
    cells: row.cells.map((cell) => column.get(cell) as number),
    coefficients: row.coefficients,
    rhs: row.rhs,
  }));
}

/** No elimination: every cell is its own column. */
function identity(size: number, rows: Component["rows"]): Elimination {
  return {
    columns: size,
    column: Int32Array.from({ length: size }, (_, at) => at),
    scale: new Float64Array(size).fill(1),
    offset: new Float64Array(size),
    rows,
  };
}

/** A component's rows as a HiGHS model with these column bounds (no objective). */
export function lpData(
  highs: Highs,
  numCols: number,
  rows: Component["rows"],
  column: Map<number, number>,
  bounds: { lower: number; upper: number }[],
) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, position) => {
      indices.push(column.get(cell) as number);
      values.push(row.coefficients[position] as number);
    });
    starts.push(indices.length);
  }
  return {
    numCols,
    numRows: rows.length,
    colCost: new Float64Array(numCols),
    colLower: Float64Array.from(bounds, (b) => finite(highs, b.lower)),
    colUpper: Float64Array.from(bounds, (b) => finite(highs, b.upper)),
    rowLower: Float64Array.from(rows, (row) => row.rhs),
    rowUpper: Float64Array.from(rows, (row) => row.rhs),
    matrix: {
      format: "csr" as const,
      numRows: rows.length,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  };
}
