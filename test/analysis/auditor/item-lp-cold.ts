import type { Highs } from "highs";
import type { LinearSystem, LpAttackStats, LpOracle } from "./item-system";

/**
 * The item attack's first LP half, kept as the reference the faster one is tested against
 * (item-lp-witnesses.ts): a cold LP, written as CPLEX LP text, for the largest or least value
 * of every unknown its few spread-out points leave open. Exact over the LP relaxation, and far
 * too slow for the demo's components of 12,000–33,000 unknowns.
 */
const EPSILON = 1e-6;

/**
 * Largest and least values by LP over the attacker's system (its equations, with the bounds
 * tightening found). Every solution the solver returns is kept: a value already seen beyond what
 * is asked needs no solve of its own.
 */
export class ColdLpExtremes implements LpOracle {
  private readonly seenLow: Float64Array;
  private readonly seenHigh: Float64Array;
  private readonly solved = new Map<string, number>();
  private readonly rows: string[];
  private readonly boundLines: string[];

  constructor(
    private readonly highs: Highs,
    system: LinearSystem,
    private readonly stats: LpAttackStats,
  ) {
    const { rows, lows, highs: ups } = system;
    this.seenLow = new Float64Array(lows.length).fill(Number.POSITIVE_INFINITY);
    this.seenHigh = new Float64Array(lows.length).fill(Number.NEGATIVE_INFINITY);
    this.rows = rows.map(
      (row, index) =>
        ` r${index}: ${row.vars.map((v, i) => `${(row.coefficients[i] as number) < 0 ? "-" : "+"} ${Math.abs(row.coefficients[i] as number)} v${v}`).join(" ")} = ${row.rhs}`,
    );
    this.boundLines = lows.map((low, v) =>
      Number.isFinite(ups[v] as number) ? ` ${low} <= v${v} <= ${ups[v]}` : ` v${v} >= ${low}`,
    );
    // A few spread-out points first (every variable pushed up, every variable pushed down, and
    // two fixed mixes): each one settles many "can it reach …" questions without an LP of its own.
    const all = lows.map((_, v) => v);
    if (all.length === 0) return;
    this.spread(
      all.map((v) => [v, 1]),
      true,
    );
    this.spread(
      all.map((v) => [v, 1]),
      false,
    );
    this.spread(
      all.map((v) => [v, v % 2 === 0 ? 1 : -1]),
      true,
    );
    this.spread(
      all.map((v) => [v, v % 3 === 0 ? -1 : 1]),
      true,
    );
  }

  /** Solves once for a weighted objective, only to see one more point. */
  private spread(weights: [number, number][], maximise: boolean): void {
    const objective = weights.map(([v, w]) => `${w < 0 ? "-" : "+"} ${Math.abs(w)} v${v}`);
    const problem = [
      maximise ? "Maximize" : "Minimize",
      ` obj: ${objective.join(" ")}`,
      "Subject To",
      ...this.rows,
      "Bounds",
      ...this.boundLines,
      "End",
    ].join("\n");
    const result = this.highs.solve(problem, { output_flag: false } as never);
    this.stats.wholeLps++;
    if (result.Status === "Optimal") this.see(result.Columns);
  }

  private see(columns: Record<string, unknown>): void {
    for (const [name, column] of Object.entries(columns)) {
      const v = Number(name.slice(1));
      const primal = (column as { Primal: number }).Primal;
      if (primal < (this.seenLow[v] as number)) this.seenLow[v] = primal;
      if (primal > (this.seenHigh[v] as number)) this.seenHigh[v] = primal;
    }
  }

  reaches(asks: readonly { variable: number; value: number }[]): boolean[] {
    this.stats.checks += asks.length;
    return asks.map(({ variable, value }) => this.reachesOne({ variable }, value));
  }

  pinned(variables: readonly number[]): boolean[] {
    this.stats.checks += variables.length;
    return variables.map((variable) => this.pinnedOne({ variable }));
  }

  dispose(): void {}

  /** Whether some LP solution has the term at `value` or more (rounded as an attacker would). */
  private reachesOne(term: { variable: number }, value: number): boolean {
    if ((this.seenHigh[term.variable] as number) >= value - EPSILON) return true;
    return Math.floor(this.extreme(term, true) + EPSILON) >= value;
  }

  /** Whether the LP leaves the term a single whole value. */
  private pinnedOne(term: { variable: number }): boolean {
    const apart = (high: number, low: number) =>
      Math.floor(high + EPSILON) > Math.ceil(low - EPSILON);
    const v = term.variable;
    if (apart(this.seenHigh[v] as number, this.seenLow[v] as number)) return false;
    return !apart(this.extreme(term, true), this.extreme(term, false));
  }

  /** The term's largest (or least) value over the LP relaxation. */
  private extreme(term: { variable: number }, largest: boolean): number {
    const key = `${term.variable}${largest ? "+" : "-"}`;
    const known = this.solved.get(key);
    if (known !== undefined) return known;
    const problem = [
      largest ? "Maximize" : "Minimize",
      ` obj: v${term.variable}`,
      "Subject To",
      ...this.rows,
      "Bounds",
      ...this.boundLines,
      "End",
    ].join("\n");
    const result = this.highs.solve(problem, { output_flag: false } as never);
    this.stats.wholeLps++;
    let value: number;
    if (result.Status === "Unbounded") value = largest ? Infinity : -Infinity;
    else if (result.Status !== "Optimal") throw new Error(`Item LP attack: ${result.Status}`);
    else {
      value = result.ObjectiveValue;
      this.see(result.Columns);
    }
    this.solved.set(key, value);
    return value;
  }
}
