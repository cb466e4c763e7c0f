import type { Highs } from "highs";
import {
  asksLp,
  auditSmallGroups,
  type SmallGroupFindings,
  type SmallGroupSolver,
  type SmallGroupTask,
} from "./audit-small-groups";
import { type CellModel, cellBounds, isSmallGroup, valueBounds } from "./cell-model";
import {
  type ComponentLp,
  componentLp,
  EPSILON,
  filled,
  type Seen,
  spread,
  widenSeen,
} from "./component-lp";
import { disjointSets } from "./disjoint-sets";
import { type Elimination, eliminateDoubletons } from "./eliminate-doubletons";
import { exactInWindow, windowSystem } from "./exact-in-window";
import { IntegerBounds } from "./item-bounds";
import { type CheckRows, checkRows } from "./point-check";
import { witnessRanges } from "./width-witnesses";

export { lpData } from "./component-lp";

/** What the LP audit found: cells to protect better, and how many LPs it took. */
export interface RangeFindings {
  /** Hidden cells whose value an attacker pins down exactly (knowing values and reasons). */
  exact: number[];
  /** Primary cells whose feasible range from published values alone is narrower than k. */
  narrow: number[];
  solves: number;
}

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
   * The latest solutions the proofs came from (model B's also solve model A), kept when asked
   * for (`keepPoints`), so that publishing a cell need not forget every proof: see
   * `provenAfterPublishing`. An LP's solution lists every cell of its component; a witness point
   * only the cells it moves (every other cell holds its true value).
   */
  points?: { cells: Int32Array; values: Float64Array; model: "A" | "B" }[];
  /**
   * Cells an audit's whole LP found exact (model B). A hint, no proof: when a later round (one
   * more cell hidden further out) leaves only such cells open, each is asked first in a small
   * relaxation around it (`exactInWindow`), and a cell still pinned by the equations near it is
   * settled that way without the component's whole LP.
   */
  exactBefore: Uint8Array;
}

/** Nothing proven yet, for a model of `cells` cells. */
export function noProvenRanges(cells: number, { keepPoints = false } = {}): ProvenRanges {
  return {
    wide: new Uint8Array(cells),
    wideWithoutReasons: new Uint8Array(cells),
    exactBefore: new Uint8Array(cells),
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
  const fresh = {
    ...noProvenRanges(model.n.length, { keepPoints: proven.points !== undefined }),
    exactBefore: proven.exactBefore,
  };
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
    smallGroups,
    round,
  }: {
    /**
     * Components of at least this many hidden cells are first shown wide by checked witness
     * points (model B: width-witnesses.ts, when the model offers directions; model A: cycles of
     * the reduced equations, cycle-witnesses.ts), and the LP asked only about what they leave
     * open: same findings, fewer LPs.
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
    /**
     * Another solver (the server's second thread) for the model-A audit of large components,
     * run while this one audits model B: same findings, less waiting.
     */
    smallGroups?: SmallGroupSolver;
    /** The round's components and tightening, when `auditByBounds` already computed them. */
    round?: BoundsRound;
  } = {},
): RangeFindings {
  const findings: RangeFindings = { exact: [], narrow: [], solves: 0 };
  // Every component is prepared, and its model-A job sent to the other solver where it goes
  // there, before any is audited here: the other solver then works through its jobs while this
  // one audits model B, instead of each side waiting for the other component by component.
  const audits: (() => void)[] = [];
  for (const component of round?.components ?? hiddenComponents(model)) {
    const open = component.cells.some(
      (cell) =>
        !proven.wide[cell] || (isSmallGroup(model, cell) && !proven.wideWithoutReasons[cell]),
    );
    if (open) {
      const large = component.cells.length >= witnessesFrom;
      audits.push(
        auditComponent(highs, model, component, findings, proven, {
          witnesses: large && !!model.witnessDirections,
          cycles: large,
          sweeps,
          eliminate,
          smallGroups,
        }),
      );
    }
  }
  for (const audit of audits) audit();
  findings.exact.sort((a, b) => a - b);
  findings.narrow.sort((a, b) => a - b);
  return findings;
}

/**
 * A model's hidden components with their bound tightening under both models, computed once per
 * round of `protectCells` for `auditByBounds` and then `auditRanges`; valid only while the
 * model's hidden cells, reasons and bounds stay as they were.
 */
export interface BoundsRound {
  components: (Component & { tight: Tightening })[];
}

interface Tightening {
  /** From the values and reasons (model B). */
  b: IntegerBounds;
  /** From the values alone (model A), where the component holds a small group. */
  a?: IntegerBounds;
}

/** Components and tightening of the model as it is now (see `BoundsRound`). */
export function boundsRound(model: CellModel): BoundsRound {
  return {
    components: hiddenComponents(model).map((component) => {
      component.tight = tightening(model, component);
      return component as Component & { tight: Tightening };
    }),
  };
}

function tightening(model: CellModel, { cells, rows }: Component): Tightening {
  const b = boundedSystem(cells, rows, columnOf(model, cells), (cell) => cellBounds(model, cell));
  // Model A: the same equations (shared, not built again) from the values alone.
  const a = cells.some((cell) => isSmallGroup(model, cell))
    ? b.withBounds(cells.map((cell) => valueBounds(model, cell)))
    : undefined;
  b.tighten();
  a?.tighten();
  return a ? { b, a } : { b };
}

/**
 * Per model cell, its index among `cells` (−1: not one of them): a typed array, not a map,
 * since every round reads it for every term of the giant component's equations.
 */
function columnOf(model: CellModel, cells: readonly number[]): Int32Array {
  const column = new Int32Array(model.n.length).fill(-1);
  cells.forEach((cell, index) => {
    column[cell] = index;
  });
  return column;
}

/**
 * The findings bound tightening alone can make, without an LP: hidden cells it pins exactly
 * (model B) and primary cells whose outer bounds are narrower than k (model A). A subset of
 * what `auditRanges` finds, at a fraction of its cost; an empty answer proves nothing.
 */
export function auditByBounds(model: CellModel, round = boundsRound(model)): RangeFindings {
  const findings: RangeFindings = { exact: [], narrow: [], solves: 0 };
  for (const { cells, tight } of round.components) {
    const { b: tightB, a: tightA } = tight;
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

interface Component {
  cells: number[];
  rows: { cells: number[]; coefficients: number[]; rhs: number }[];
  /** Set by `boundsRound`; present (undefined) from the start, so every component has one shape. */
  tight: Tightening | undefined;
}

/** Equations reduced to their hidden cells, grouped into connected components. */
export function hiddenComponents(model: CellModel): Component[] {
  const { hidden, n } = model;
  // Over every cell (hidden ones only are ever joined): typed, as a Map it cost a round of a
  // later headcount date about as much as its equations.
  const sets = disjointSets(n.length);
  const rows = joinedRows(model, sets.join);
  const components = new Map<number, Component>();
  for (let cell = 0; cell < n.length; cell++) {
    if (hidden[cell] === null) continue;
    const top = sets.find(cell);
    let component = components.get(top);
    if (component === undefined) {
      component = { cells: [], rows: [], tight: undefined };
      components.set(top, component);
    }
    component.cells.push(cell);
  }
  for (const row of rows) components.get(sets.find(row.cells[0] as number))?.rows.push(row);
  return [...components.values()];
}

/**
 * The equations reduced to their hidden cells (`hiddenComponents`), each joining its cells in
 * `join`. A function of its own: as the first loop of `hiddenComponents`, its on-stack compile
 * left the code after it without feedback, and each round deoptimised there again.
 */
function joinedRows(model: CellModel, join: (a: number, b: number) => void): Component["rows"] {
  const { hidden, n } = model;
  const rows: Component["rows"] = [];
  for (const { total, parts } of model.equations) {
    const cells: number[] = [];
    const coefficients: number[] = [];
    let rhs = 0;
    // The total (+1), then its parts (−1); written out, not as a closure per equation (the
    // server runs under tsx, which names every closure as it is made: a cost per equation and round).
    if (hidden[total] !== null) {
      cells.push(total);
      coefficients.push(1);
    } else rhs -= n[total] as number;
    for (let at = 0; at < parts.length; at++) {
      const part = parts[at] as number;
      if (hidden[part] !== null) {
        cells.push(part);
        coefficients.push(-1);
      } else rhs += n[part] as number;
    }
    if (cells.length === 0) continue;
    rows.push({ cells, coefficients, rhs });
    for (let at = 1; at < cells.length; at++) join(cells[0] as number, cells[at] as number);
  }
  return rows;
}

function auditComponent(
  highs: Highs,
  model: CellModel,
  component: Component,
  findings: RangeFindings,
  proven: ProvenRanges,
  {
    witnesses,
    cycles,
    sweeps,
    eliminate,
    smallGroups,
  }: {
    witnesses: boolean;
    cycles: boolean;
    sweeps: boolean;
    eliminate: boolean;
    smallGroups?: SmallGroupSolver;
  },
): () => void {
  const { cells, rows } = component;
  const column = columnOf(model, cells);
  const { k } = model;
  const boundsB = cells.map((cell) => cellBounds(model, cell));
  const boundsA = cells.map((cell) => valueBounds(model, cell));
  // Bound tightening first: every bound it finds is a deduction an attacker can make, so a
  // cell it pins is exact (model B) or narrow (model A) without an LP. Cells it leaves open
  // still need the LP, which alone can show that a range is wide.
  const { b: tightB, a: tightA } = component.tight ?? tightening(model, component);
  // The LP's unknowns: every hidden cell, or what is left after substituting equations with
  // two hidden cells away. Costs, bounds and solutions are given and read per cell either way.
  const columnRows = indexRows(rows, column);
  // Made when an LP or the other solver's job needs it: a later round whose open cells are
  // settled in windows around them needs neither.
  let reducedOnce: Elimination | undefined;
  const reduced = () => {
    reducedOnce ??= eliminate
      ? eliminateDoubletons(cells.length, columnRows)
      : identity(cells.length, columnRows);
    return reducedOnce;
  };
  const seen: Seen = cells.map((cell) => ({
    low: model.n[cell] as number,
    high: model.n[cell] as number,
  }));
  // Model A's job (values only), sent to the other solver, when there is one, before model B
  // starts here: both run at once. Here, it runs after model B and starts from its solutions.
  const smallGroupJob = (seenSoFar: Seen): SmallGroupTask | undefined =>
    tightA
      ? {
          bounds: boundsA,
          n: cells.map((cell) => model.n[cell] as number),
          k,
          need: cells.map((cell) => Math.min(k, model.upper[cell] as number)),
          small: new Uint8Array(
            filled(cells.length, (at) => (isSmallGroup(model, cells[at] as number) ? 1 : 0)),
          ),
          proven: new Uint8Array(
            filled(cells.length, (at) => proven.wideWithoutReasons[cells[at] as number] as number),
          ),
          tight: { lows: tightA.lows, highs: tightA.highs },
          seen: seenSoFar,
          sweeps,
          keepPoints: proven.points !== undefined,
        }
      : undefined;
  // Cycle witnesses' check rows, made once, for a job that asks an LP.
  let flatRows: CheckRows | undefined;
  const withCycles = (job: SmallGroupTask): SmallGroupTask => {
    if (!cycles || !asksLp(job)) return job;
    flatRows ??= checkRows(columnRows);
    return { ...job, checkRows: flatRows };
  };
  // A job with nothing left for an LP (a later round, its small groups proven) is settled here
  // after model B, without copying it across and waiting for the other thread.
  const elsewhere =
    smallGroups && cells.length >= smallGroups.fromCells
      ? (() => {
          const job = smallGroupJob(seen.map((range) => ({ ...range })));
          return job && asksLp(job)
            ? smallGroups.start({ ...withCycles(job), reduced: reduced() })
            : undefined;
        })()
      : undefined;
  // Model B, then model A here or the other solver's findings (see auditRanges).
  return () => {
    const lp = componentLp(highs, reduced, boundsB);
    try {
      const keeper = new PointKeeper(proven.points, cells);
      const observe = () => {
        const values = lp.values();
        keeper.remember(values, "B");
        widenSeen(seen, values);
      };
      auditModelB(
        highs,
        lp,
        model,
        { component, columnRows, boundsB, tightB, seen },
        findings,
        proven,
        { keeper, observe, witnesses, sweeps },
      );

      // Model A: values only. Each primary cell's range must be at least k wide (and each small
      // group relabelled "protected": isSmallGroup).
      let found = elsewhere?.();
      if (found) findings.solves += found.solves;
      else {
        // Here (its LPs are counted with this LP's).
        const plain = smallGroupJob(seen);
        if (!plain) return;
        const job = withCycles(plain);
        found = auditSmallGroups(lp, job, job.checkRows ? reduced() : undefined);
      }
      recordModelA(found, cells, keeper, findings, proven);
    } finally {
      findings.solves += lp.solves;
      lp.dispose();
    }
  };
}

/**
 * Model A's findings into the release's: kept points, narrow cells, proven ranges. A function of
 * its own, like `auditModelB`: inlined into the component's closure, a branch first taken in a
 * later round (moves kept, a narrow cell) compiled the whole closure again.
 */
function recordModelA(
  found: SmallGroupFindings,
  cells: readonly number[],
  keeper: PointKeeper,
  findings: RangeFindings,
  proven: ProvenRanges,
): void {
  for (const values of found.points) keeper.remember(values, "A");
  if (found.moves && keeper.cellIds) {
    // Views into one array of cell ids: thousands of small arrays cost the thread in GC.
    const { cells: moved, values, ends } = found.moves;
    const ids = new Int32Array(moved.length);
    for (let at = 0; at < moved.length; at++)
      ids[at] = keeper.cellIds[moved[at] as number] as number;
    let from = 0;
    for (const end of ends) {
      keeper.remember(values.subarray(from, end), "A", ids.subarray(from, end));
      from = end;
    }
  }
  for (const index of found.narrow) findings.narrow.push(cells[index] as number);
  for (const index of found.wide) proven.wideWithoutReasons[cells[index] as number] = 1;
}

/**
 * The points kept as proofs through publishing (`ProvenRanges.points`), the oldest dropped past
 * KEPT_VALUES values: a whole solution (`values` per component cell), or a witness's cells and
 * values alone.
 */
class PointKeeper {
  /** The component's cell ids, when points are kept. */
  readonly cellIds: Int32Array | undefined;
  private kept = 0;

  constructor(
    private readonly keep: ProvenRanges["points"],
    cells: readonly number[],
  ) {
    this.cellIds = keep ? Int32Array.from(cells) : undefined;
    for (const point of keep ?? []) this.kept += point.values.length;
  }

  remember(values: Float64Array, phase: "A" | "B", moved = this.cellIds): void {
    const keep = this.keep;
    if (!keep || !moved) return;
    keep.push({ cells: moved, values, model: phase });
    this.kept += values.length;
    let drop = 0;
    while (this.kept > KEPT_VALUES && drop < keep.length - 1) {
      this.kept -= (keep[drop] as { values: Float64Array }).values.length;
      drop++;
    }
    if (drop > 0) keep.splice(0, drop);
  }
}

/**
 * Model B of one component (values and reasons): witnesses, windows around cells exact before,
 * sweeps, then each cell still open asked by its own LPs. A function of its own, not part of
 * the component's closure: TurboFan compiles it again when a branch first runs (a later round,
 * the first exact cell), and the closure with model A and everything inlined cost several times
 * more to compile again.
 */
function auditModelB(
  highs: Highs,
  lp: ComponentLp,
  model: CellModel,
  {
    component,
    columnRows,
    boundsB,
    tightB,
    seen,
  }: {
    component: Component;
    columnRows: Component["rows"];
    boundsB: { lower: number; upper: number }[];
    tightB: IntegerBounds;
    seen: Seen;
  },
  findings: RangeFindings,
  proven: ProvenRanges,
  {
    keeper,
    observe,
    witnesses,
    sweeps,
  }: { keeper: PointKeeper; observe: () => void; witnesses: boolean; sweeps: boolean },
): void {
  const { cells } = component;
  // Model B: values and reasons. Every hidden cell must keep at least two integer values. An
  // exact 0 only says a value is absent from a group the release already covers (a published
  // zero above it, or a whole row hidden for unanimity): no small group follows, so zeros are
  // not asked.
  const pinnedB = (index: number) =>
    (tightB.lows[index] as number) === (tightB.highs[index] as number);
  // Cells shown exact again in a relaxation around them (exactInWindow, below).
  const exactNearby = new Uint8Array(cells.length);
  // A zero is never a finding of model B (see below): only non-zero cells are asked.
  const openB = (index: number) =>
    !exactNearby[index] &&
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
      // Kept as proofs through publishing too (a point moves a dozen cells: kept as those).
      onPoint: keeper.cellIds ? (moved, values) => keeper.remember(values, "B", moved) : undefined,
    });
    seen.forEach((range, index) => {
      range.low = Math.min(range.low, shown.low[index] as number);
      range.high = Math.max(range.high, shown.high[index] as number);
    });
  }
  // Every cell still open was exact in the last audit (a later round of `protectCells` that
  // hid one more cell further out): each is asked first in a relaxation around it, and when
  // all are still exact there, the component's whole LP is not needed for model B. At the
  // first that is not, the whole LP asks the rest as usual.
  const open: number[] = [];
  for (let index = 0; index < cells.length; index++) if (openB(index)) open.push(index);
  if (open.length > 0 && open.every((index) => proven.exactBefore[cells[index] as number])) {
    const window = windowSystem(columnRows, boundsB);
    for (const index of open) {
      const tried = exactInWindow(highs, window, index);
      findings.solves += tried.solves;
      if (!tried.exact) break;
      exactNearby[index] = 1;
    }
  }
  if (sweeps) {
    spread(lp, {
      n: cells.map((cell) => model.n[cell] as number),
      seen,
      bounds: boundsB,
      open: openB,
      reach: 2,
      need: () => NOT_EXACT,
      observe,
    });
  }
  cells.forEach((cell, index) => {
    const range = seen[index] as { low: number; high: number };
    if (proven.wide[cell] || (model.n[cell] as number) === 0) return;
    if (pinnedB(index) || exactNearby[index]) {
      findings.exact.push(cell);
      return;
    }
    if (notExact(range.low, range.high, model.n[cell] as number)) {
      proven.wide[cell] = 1;
      return;
    }
    const max = lp.solve(index, "max");
    if (max !== null) observe();
    if (max === null || notExact(range.low, range.high, model.n[cell] as number)) {
      proven.wide[cell] = 1;
      return;
    }
    const min = lp.solve(index, "min");
    observe();
    const exact = Math.floor((max as number) + EPSILON) <= Math.ceil((min as number) - EPSILON);
    if (exact) {
      findings.exact.push(cell);
      proven.exactBefore[cell] = 1;
    } else proven.wide[cell] = 1;
  });
}

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

function notExactSeen(seen: Seen, index: number, n: number): boolean {
  const range = seen[index] as { low: number; high: number };
  return notExact(range.low, range.high, n);
}

/** The component's equations within the given bounds, not tightened yet. */
function boundedSystem(
  cells: number[],
  rows: Component["rows"],
  column: Int32Array,
  bounds: (cell: number) => { lower: number; upper: number },
): IntegerBounds {
  const system = new IntegerBounds(Math.max(1, cells.length));
  for (const cell of cells) {
    const b = bounds(cell);
    system.add(b.lower, b.upper);
  }
  for (const { cells: terms, coefficients, rhs } of rows) {
    for (let at = 0; at < terms.length; at++) {
      system.term(column[terms[at] as number] as number, coefficients[at] as number);
    }
    system.close(rhs);
  }
  return system;
}

/** A component's rows over column indices. */
function indexRows(rows: Component["rows"], column: Int32Array): Component["rows"] {
  // Built by push, not `map`: map's arrays came packed or holey from call to call, and
  // eliminateDoubletons was compiled again at each ("wrong map").
  const indexed: Component["rows"] = [];
  for (const row of rows) {
    const cells: number[] = [];
    for (const cell of row.cells) cells.push(column[cell] as number);
    indexed.push({ cells, coefficients: row.coefficients, rhs: row.rhs });
  }
  return indexed;
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
