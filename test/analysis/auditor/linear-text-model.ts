import type { Highs } from "highs";

/** A linear expression Σ coefficient·variable + constant over a model's variables. */
export interface Linear {
  terms: ReadonlyMap<number, number>;
  constant: number;
}

export const constant = (value: number): Linear => ({ terms: new Map(), constant: value });

/** Σ coefficient·expression, with cancelled terms dropped. */
export function combine(parts: readonly (readonly [number, Linear])[]): Linear {
  const terms = new Map<number, number>();
  let sum = 0;
  for (const [coefficient, expression] of parts) {
    sum += coefficient * expression.constant;
    for (const [variable, a] of expression.terms)
      terms.set(variable, (terms.get(variable) ?? 0) + coefficient * a);
  }
  for (const [variable, a] of terms) if (a === 0) terms.delete(variable);
  return { terms, constant: sum };
}

/** The value of an expression at a point (one value per variable). */
export const valueAt = (expression: Linear, point: Float64Array): number => {
  let sum = expression.constant;
  for (const [variable, a] of expression.terms) sum += a * (point[variable] as number);
  return sum;
};

/**
 * A linear programme written as HiGHS's CPLEX LP text, as the other auditors do (the suppressor
 * builds its models through another API and other code): bounded variables, rows "= 0" and
 * rows "≥ 0", and one objective per solve. Every optimal point is kept, so that callers can
 * settle questions with points already found instead of new solves.
 */
export class LinearTextModel {
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];
  private readonly rows: string[] = [];
  readonly points: Float64Array[] = [];
  solves = 0;

  variable(low: number, high: number): Linear {
    this.lows.push(low);
    this.highs.push(high);
    return { terms: new Map([[this.lows.length - 1, 1]]), constant: 0 };
  }

  get size(): number {
    return this.lows.length;
  }

  /** expression = 0; a constant expression must already hold. */
  equal(expression: Linear): void {
    this.row(expression, "=");
  }

  /** expression ≥ 0. */
  atLeastZero(expression: Linear): void {
    this.row(expression, ">=");
  }

  private row(expression: Linear, sense: "=" | ">="): void {
    if (expression.terms.size === 0) {
      const holds =
        sense === "=" ? Math.abs(expression.constant) < 1e-9 : expression.constant > -1e-9;
      if (!holds) throw new Error("Attack: the published figures admit no solution");
      return;
    }
    this.rows.push(` r${this.rows.length}: ${text(expression)} ${sense} ${-expression.constant}`);
  }

  /** Optimum of the objective (±Infinity when unbounded); the point is kept in `points`. */
  optimum(highs: Highs, sense: "Minimize" | "Maximize", objective: Linear): number {
    if (objective.terms.size === 0) return objective.constant;
    this.solves++;
    const problem = [
      sense,
      ` obj: ${text(objective)}`,
      "Subject To",
      ...(this.rows.length > 0 ? this.rows : [" r0: + 1 v0 >= 0"]),
      "Bounds",
      ...this.lows.map((low, v) => {
        const high = this.highs[v] as number;
        return Number.isFinite(high) ? ` ${low} <= v${v} <= ${high}` : ` v${v} >= ${low}`;
      }),
      "End",
    ].join("\n");
    const result = highs.solve(problem, { output_flag: false } as never);
    if (result.Status === "Unbounded") return sense === "Maximize" ? Infinity : -Infinity;
    if (result.Status !== "Optimal") throw new Error(`Attack: ${result.Status}`);
    const point = new Float64Array(this.lows.length);
    for (const [name, column] of Object.entries(result.Columns))
      point[Number(name.slice(1))] = (column as { Primal: number }).Primal;
    this.points.push(point);
    return result.ObjectiveValue + objective.constant;
  }
}

const text = (expression: Linear) =>
  [...expression.terms].map(([v, a]) => `${a < 0 ? "-" : "+"} ${Math.abs(a)} v${v}`).join(" ");
