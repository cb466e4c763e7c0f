import type { Highs } from "highs";
import type { LinearSystem, LpAttackStats, LpOracle } from "./item-system";

/**
 * The item attack's LP half, fast enough for the demo's components of up to 33,000 unknowns.
 * A check ("can this unknown reach that value", "is this count pinned") is open as soon as one
 * point of the LP relaxation shows it, so the attack looks for such witness points cheaply and
 * solves the whole system for a variable's own largest or least value only when none is found.
 * Per component of the system (variables linked by equations), on one kept HiGHS model:
 * 1. a point well inside the component (interior-point solver, zero objective, no crossover);
 * 2. for each check it leaves open, an LP over a neighbourhood of the check's variable (breadth
 *    first along the equations) where every other variable keeps its value at that centre,
 *    maximising Σ min(1, distance past each open threshold inside), its own first. A point of
 *    that restricted system is a point of the whole one, so it soundly opens what it reaches;
 *    it never closes anything;
 * 3. whatever is still open gets its variable's largest (or least) value over the whole
 *    component, re-solved on the kept model from the last basis (only the objective changes):
 *    only that makes a "derivable" verdict, exactly as the reference (item-lp-cold.ts) does.
 */
export class WitnessLp implements LpOracle {
  private readonly seenLow: Float64Array;
  private readonly seenHigh: Float64Array;
  /** Variables whose largest (least) value over the whole system was solved. */
  private readonly maxSolved = new Set<number>();
  private readonly minSolved = new Set<number>();
  private readonly rowsOf: number[][];
  private readonly componentOf: Int32Array;
  private readonly components: Component[] = [];

  constructor(
    private readonly highs: Highs,
    private readonly system: LinearSystem,
    private readonly stats: LpAttackStats,
    private readonly neighbourhoods: readonly number[] = NEIGHBOURHOODS,
  ) {
    const variables = system.lows.length;
    this.seenLow = new Float64Array(variables).fill(Number.POSITIVE_INFINITY);
    this.seenHigh = new Float64Array(variables).fill(Number.NEGATIVE_INFINITY);
    this.rowsOf = Array.from({ length: variables }, () => []);
    system.rows.forEach((row, index) => {
      for (const v of row.vars) this.rowsOf[v]?.push(index);
    });
    this.componentOf = new Int32Array(variables).fill(-1);
  }

  reaches(asks: readonly { variable: number; value: number }[]): boolean[] {
    this.stats.checks += asks.length;
    const checks = asks.map(({ variable, value }) => ({ variable, value }));
    this.settle(checks);
    return checks.map((check) => this.opens({ ...check, up: true }));
  }

  pinned(variables: readonly number[]): boolean[] {
    this.stats.checks += variables.length;
    this.settle(variables.map((variable) => ({ variable, value: null })));
    return variables.map((variable) => !this.apart(variable));
  }

  dispose(): void {
    for (const component of this.components) component.model?.dispose();
  }

  /** Leaves every check open by a point seen, or its variable's extremes solved. */
  private settle(checks: Check[]): void {
    const byComponent = new Map<number, Check[]>();
    for (const check of checks) {
      const index = this.componentAt(check.variable);
      const list = byComponent.get(index);
      if (list) list.push(check);
      else byComponent.set(index, [check]);
    }
    for (const [index, own] of byComponent) {
      const component = this.components[index] as Component;
      let open = own.filter((check) => !this.settled(check));
      if (open.length === 0) continue;
      this.start(component);
      const afterCentre = own.filter((check) => !this.settled(check));
      this.stats.openedByCentre += open.length - afterCentre.length;
      open = afterCentre;
      // A neighbourhood near the component's own size costs as much as the whole LP, which
      // the kept model re-solves faster than a new model is built and solved.
      for (const size of this.neighbourhoods) {
        if (open.length === 0 || size * 3 > component.vars.length) break;
        this.aroundEach(component, open, size);
        const left = open.filter((check) => !this.settled(check));
        this.stats.openedRestricted += open.length - left.length;
        open = left;
      }
      for (const check of open) this.solveExtremes(component, check);
    }
  }

  private settled(check: Check): boolean {
    const v = check.variable;
    if (check.value === null) {
      return this.apart(v) || (this.maxSolved.has(v) && this.minSolved.has(v));
    }
    return this.opens({ variable: v, up: true, value: check.value }) || this.maxSolved.has(v);
  }

  /**
   * The points that would open a check: past its threshold; for "pinned", past either end of
   * the range seen so far (two points a whole number apart).
   */
  private waysOf(check: Check): Way[] {
    const v = check.variable;
    if (check.value !== null) return [{ variable: v, up: true, value: check.value }];
    const high = Math.floor((this.seenHigh[v] as number) + EPSILON);
    const low = Math.ceil((this.seenLow[v] as number) - EPSILON);
    if (!Number.isFinite(high) || !Number.isFinite(low)) return [];
    return [
      { variable: v, up: true, value: low + 1 },
      { variable: v, up: false, value: high - 1 },
    ];
  }

  /** A point seen reaches the way's value (rounded as an attacker would, like the reference). */
  private opens(way: Way): boolean {
    return way.up
      ? (this.seenHigh[way.variable] as number) >= way.value - EPSILON
      : (this.seenLow[way.variable] as number) <= way.value + EPSILON;
  }

  /** Two points seen are a whole number apart. */
  private apart(variable: number): boolean {
    return (
      Math.floor((this.seenHigh[variable] as number) + EPSILON) >
      Math.ceil((this.seenLow[variable] as number) - EPSILON)
    );
  }

  /** The component of a variable, found (breadth first along the equations) when first asked. */
  private componentAt(variable: number): number {
    const known = this.componentOf[variable] as number;
    if (known >= 0) return known;
    const index = this.components.length;
    const vars: number[] = [variable];
    this.componentOf[variable] = index;
    const rows = new Set<number>();
    for (let head = 0; head < vars.length; head++) {
      for (const row of this.rowsOf[vars[head] as number] ?? []) {
        if (rows.has(row)) continue;
        rows.add(row);
        for (const other of (this.system.rows[row] as Row).vars) {
          if ((this.componentOf[other] as number) >= 0) continue;
          this.componentOf[other] = index;
          vars.push(other);
        }
      }
    }
    this.components.push({ vars, rows: [...rows], model: null, column: null, centre: null });
    return index;
  }

  /** The component's kept model and a point well inside it, seen. */
  private start(component: Component): void {
    if (component.model) return;
    const column = new Map<number, number>();
    component.vars.forEach((v, index) => {
      column.set(v, index);
    });
    component.column = column;
    const rows = component.rows.map((index) => {
      const row = this.system.rows[index] as Row;
      return { ...row, vars: row.vars.map((v) => column.get(v) as number) };
    });
    component.model = createLp(this.highs, {
      lows: component.vars.map((v) => this.system.lows[v] as number),
      highs: component.vars.map((v) => this.system.highs[v] as number),
      costs: [],
      rows,
      maximise: false,
    });
    component.centre = this.interior(component) ?? this.spreadMean(component);
    this.see(component.vars, component.centre);
  }

  /**
   * The interior-point solver's answer for a zero objective, stopped before crossover: its path
   * heads to the centre of the polytope, so every variable that can move has room there.
   */
  private interior(component: Component): Float64Array | null {
    const model = component.model as Model;
    model.options.set({ solver: "ipm", run_crossover: "off" });
    model.run();
    this.stats.wholeLps++;
    model.options.set({ solver: "simplex" });
    if (model.getModelStatus() !== this.highs.constants.modelStatus.optimal) return null;
    const point = model.getSolution().colValue.slice(0, component.vars.length);
    model.clearSolver();
    return point;
  }

  /** If the interior point fails: the mean of the points maximising and minimising Σ all. */
  private spreadMean(component: Component): Float64Array {
    const all = component.vars.map((_, column): [number, number] => [column, 1]);
    const points = [this.solveWhole(component, all, true), this.solveWhole(component, all, false)];
    const found = points.filter((point): point is Float64Array => point !== null);
    if (found.length === 0) throw new Error("Item LP attack: no point of the system");
    const mean = new Float64Array(component.vars.length);
    for (const point of found) {
      point.forEach((value, column) => {
        mean[column] = (mean[column] as number) + value / found.length;
      });
    }
    return mean;
  }

  /** A neighbourhood LP around each check still open (the others inside get pushed too). */
  private aroundEach(component: Component, open: Check[], size: number): void {
    const byVariable = new Map<number, Check[]>();
    for (const check of open) {
      const list = byVariable.get(check.variable);
      if (list) list.push(check);
      else byVariable.set(check.variable, [check]);
    }
    for (const check of open) {
      if (!this.settled(check)) this.solveAround(component, check, size, byVariable);
    }
  }

  /**
   * One LP over the neighbourhood of a check's variable, every other variable at the centre,
   * maximising Σ weight·min(1, distance past the threshold) over the open checks inside, its own
   * weighted above all the others together.
   */
  private solveAround(
    component: Component,
    own: Check,
    size: number,
    byVariable: Map<number, Check[]>,
  ): void {
    const centre = component.centre as Float64Array;
    const column = component.column as Map<number, number>;
    const local = new Map<number, number>([[own.variable, 0]]);
    const members = [own.variable];
    const visited = new Set<number>();
    for (let head = 0; head < members.length && members.length < size; head++) {
      for (const row of this.rowsOf[members[head] as number] ?? []) {
        if (visited.has(row)) continue;
        visited.add(row);
        for (const v of (this.system.rows[row] as Row).vars) {
          if (local.has(v) || members.length >= size) continue;
          local.set(v, members.length);
          members.push(v);
        }
      }
    }
    // Every equation touching the neighbourhood, with the rest of it at the centre.
    const touched = new Set<number>();
    for (const v of members) for (const row of this.rowsOf[v] ?? []) touched.add(row);
    const rows: LpRow[] = [];
    for (const index of touched) {
      const row = this.system.rows[index] as Row;
      const vars: number[] = [];
      const coefficients: number[] = [];
      let rhs = row.rhs;
      row.vars.forEach((v, i) => {
        const a = row.coefficients[i] as number;
        const at = local.get(v);
        if (at === undefined) rhs -= a * (centre[column.get(v) as number] as number);
        else {
          vars.push(at);
          coefficients.push(a);
        }
      });
      rows.push({ vars, coefficients, rhs });
    }
    const witnesses: Way[] = [];
    const weights: number[] = [];
    for (const v of members) {
      for (const check of byVariable.get(v) ?? []) {
        if (this.settled(check)) continue;
        for (const way of this.waysOf(check)) {
          witnesses.push({ ...way, variable: local.get(way.variable) as number });
          weights.push(check === own ? 0 : 1);
        }
      }
    }
    const others = weights.filter((weight) => weight === 1).length;
    const model = createLp(this.highs, {
      lows: members.map((v) => this.system.lows[v] as number),
      highs: members.map((v) => this.system.highs[v] as number),
      costs: [],
      rows,
      witnesses: witnesses.map((way, i) => ({ ...way, weight: weights[i] || others + 1 })),
      maximise: true,
    });
    try {
      model.run();
      this.stats.restrictedLps++;
      // Anything but a solution (the centre is a point only to the solver's tolerance) opens
      // nothing; the whole system will answer.
      if (model.getModelStatus() !== this.highs.constants.modelStatus.optimal) return;
      this.see(members, model.getSolution().colValue.subarray(0, members.length));
    } finally {
      model.dispose();
    }
  }

  /** The variable's largest (and for "pinned", least) value over the whole component. */
  private solveExtremes(component: Component, check: Check): void {
    const v = check.variable;
    const at = component.column?.get(v);
    if (at === undefined) throw new Error("Item LP attack: a variable outside its component");
    for (const up of check.value === null ? [true, false] : [true]) {
      if (this.settled(check)) return;
      if (this.solveWhole(component, [[at, 1]], up) === null) {
        if (up) this.seenHigh[v] = Number.POSITIVE_INFINITY;
        else this.seenLow[v] = Number.NEGATIVE_INFINITY;
      }
      (up ? this.maxSolved : this.minSolved).add(v);
    }
  }

  /**
   * One LP over the whole component on its kept model, only the objective changed (from the
   * second solve on, the primal simplex goes on from the last basis, which stays feasible);
   * the point is seen. Null when unbounded.
   */
  private solveWhole(
    component: Component,
    costs: [number, number][],
    maximise: boolean,
  ): Float64Array | null {
    const { highs } = this;
    const model = component.model as Model;
    const vector = new Float64Array(component.vars.length);
    for (const [at, cost] of costs) vector[at] = cost;
    model.changeColsCost({ kind: "range", from: 0, to: component.vars.length - 1 }, vector);
    model.changeObjectiveSense(
      maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    );
    model.run();
    this.stats.wholeLps++;
    model.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
    const status = model.getModelStatus();
    if (status === highs.constants.modelStatus.unbounded) return null;
    if (status !== highs.constants.modelStatus.optimal) {
      throw new Error(`Item LP attack: unexpected solver status ${status}`);
    }
    const point = model.getSolution().colValue;
    this.see(component.vars, point);
    return point;
  }

  private see(vars: readonly number[], point: Float64Array): void {
    vars.forEach((v, i) => {
      const value = point[i] as number;
      if (value < (this.seenLow[v] as number)) this.seenLow[v] = value;
      if (value > (this.seenHigh[v] as number)) this.seenHigh[v] = value;
    });
  }
}

/**
 * Neighbourhood sizes (variables) tried in turn for each check left open. On diagnose-2020's
 * largest component (32,644 unknowns), 3,000 opened 2,534 of the 2,584 checks the centre left
 * in 361 LPs and 10,000 the other 50 in 11; 300 opened almost nothing.
 */
const NEIGHBOURHOODS = [3000, 10000];

/**
 * An LP model: columns with bounds, equations, and optional witness columns t ≤ 1 with
 * t ≤ x − value (up) or t ≤ value − x (down) and cost `weight`.
 */
function createLp(
  highs: Highs,
  lp: {
    lows: number[];
    highs: number[];
    costs: number[];
    rows: LpRow[];
    witnesses?: (Way & { weight: number })[];
    maximise: boolean;
  },
): Model {
  const finite = (value: number) =>
    value === Number.POSITIVE_INFINITY
      ? highs.infinity
      : value === Number.NEGATIVE_INFINITY
        ? -highs.infinity
        : value;
  const witnesses = lp.witnesses ?? [];
  const columns = lp.lows.length + witnesses.length;
  const colCost = new Float64Array(columns);
  const colLower = new Float64Array(columns);
  const colUpper = new Float64Array(columns);
  lp.lows.forEach((low, column) => {
    colLower[column] = finite(low);
    colUpper[column] = finite(lp.highs[column] as number);
    colCost[column] = lp.costs[column] ?? 0;
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const row of lp.rows) {
    indices.push(...row.vars);
    values.push(...row.coefficients);
    starts.push(indices.length);
    rowLower.push(row.rhs);
    rowUpper.push(row.rhs);
  }
  witnesses.forEach((way, i) => {
    const column = lp.lows.length + i;
    colCost[column] = way.weight;
    colLower[column] = -highs.infinity;
    colUpper[column] = 1;
    indices.push(way.variable, column);
    values.push(way.up ? 1 : -1, -1);
    starts.push(indices.length);
    rowLower.push(way.up ? way.value : -way.value);
    rowUpper.push(highs.infinity);
  });
  const model = highs.createModel({
    numCols: columns,
    numRows: rowLower.length,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: "csr",
      numRows: rowLower.length,
      numCols: columns,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    sense: lp.maximise
      ? highs.constants.objectiveSense.maximize
      : highs.constants.objectiveSense.minimize,
  });
  model.options.set({ output_flag: false });
  return model;
}

type Model = ReturnType<Highs["createModel"]>;
type Row = LinearSystem["rows"][number];
type LpRow = { vars: number[]; coefficients: number[]; rhs: number };

/** Can the variable reach `value` (at or above); or, with value null, is it pinned. */
interface Check {
  variable: number;
  value: number | null;
}

/** A point that would open a check: the variable at `value` or beyond (up or down). */
interface Way {
  variable: number;
  up: boolean;
  value: number;
}

interface Component {
  vars: number[];
  rows: number[];
  model: Model | null;
  /** Each variable's column in the component's model. */
  column: Map<number, number> | null;
  /** A point well inside the component, which neighbourhood LPs move around. */
  centre: Float64Array | null;
}

const EPSILON = 1e-6;
/** HiGHS's `simplex_strategy` for the primal simplex. */
const PRIMAL_SIMPLEX = 4;
