/**
 * The attacker's system for one question, shared by its two halves: integer bound tightening
 * (exact, solver-free) and the LP relaxation over the same equations and the bounds tightening
 * found.
 */

/** Equations Σ coefficient·v = rhs over variables with bounds [lows, highs]. */
export interface LinearSystem {
  rows: readonly { vars: number[]; coefficients: number[]; rhs: number }[];
  lows: readonly number[];
  highs: readonly number[];
}

/** What the attack asks of the LP relaxation of one question's system. */
export interface LpOracle {
  /** For each ask: whether some LP point has the variable at `value` or more. */
  reaches(asks: readonly { variable: number; value: number }[]): boolean[];
  /** For each variable: whether the LP leaves it a single whole value. */
  pinned(variables: readonly number[]): boolean[];
  dispose(): void;
}

/** What an LP attack did (summed over questions). */
export interface LpAttackStats {
  /** LP questions asked (reaches and pinned), after tightening settled what it could. */
  checks: number;
  /** LPs over a whole component of the system (or the whole system), and over restricted ones. */
  wholeLps: number;
  restrictedLps: number;
  /** Checks shown open by a component's centre point, and by a restricted LP's point. */
  openedByCentre: number;
  openedRestricted: number;
  /** Checks the LP closes: candidate findings (before "can the group hold someone"). */
  closed: number;
}

export const emptyLpStats = (): LpAttackStats => ({
  checks: 0,
  wholeLps: 0,
  restrictedLps: 0,
  openedByCentre: 0,
  openedRestricted: 0,
  closed: 0,
});

/** A published figure (number) or a variable index into Bounds. */
export type Term = number | { variable: number };

/**
 * Integer bound tightening: each equation Σ a·v = c bounds every variable by what the others
 * allow, rounded to integers, until nothing changes. Every bound it finds is a valid deduction
 * an attacker can make; it is the exact (solver-free) half of the attack.
 */
export class Bounds {
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];
  private readonly rows: { vars: number[]; coefficients: number[]; rhs: number }[] = [];
  private readonly rowsOf: number[][] = [];

  variable(low: number, high: number): Term {
    this.lows.push(low);
    this.highs.push(high);
    this.rowsOf.push([]);
    return { variable: this.lows.length - 1 };
  }

  /** The equations and current bounds, for an LP over the same system. */
  system(): LinearSystem {
    return { rows: this.rows, lows: this.lows, highs: this.highs };
  }

  low(term: Term): number {
    return typeof term === "number" ? term : (this.lows[term.variable] as number);
  }

  high(term: Term): number {
    return typeof term === "number" ? term : (this.highs[term.variable] as number);
  }

  equal(terms: [number, Term][], rhs: number): void {
    const vars: number[] = [];
    const coefficients: number[] = [];
    let constant = rhs;
    for (const [coefficient, term] of terms) {
      if (typeof term === "number") constant -= coefficient * term;
      else {
        vars.push(term.variable);
        coefficients.push(coefficient);
      }
    }
    if (vars.length === 0) return;
    const index = this.rows.length;
    this.rows.push({ vars, coefficients, rhs: constant });
    for (const v of vars) this.rowsOf[v]?.push(index);
  }

  propagate(): void {
    const queued = new Uint8Array(this.rows.length).fill(1);
    const queue = this.rows.map((_, index) => index);
    let budget = 200 * Math.max(1, this.rows.length);
    for (let head = 0; head < queue.length && budget-- > 0; head++) {
      const index = queue[head] as number;
      queued[index] = 0;
      const row = this.rows[index] as (typeof this.rows)[number];
      let minSum = 0;
      let maxSum = 0;
      let minInf = 0;
      let maxInf = 0;
      row.vars.forEach((v, i) => {
        const a = row.coefficients[i] as number;
        const lo = a > 0 ? a * (this.lows[v] as number) : a * (this.highs[v] as number);
        const hi = a > 0 ? a * (this.highs[v] as number) : a * (this.lows[v] as number);
        if (Number.isFinite(lo)) minSum += lo;
        else minInf++;
        if (Number.isFinite(hi)) maxSum += hi;
        else maxInf++;
      });
      row.vars.forEach((v, i) => {
        const a = row.coefficients[i] as number;
        const lo = a > 0 ? a * (this.lows[v] as number) : a * (this.highs[v] as number);
        const hi = a > 0 ? a * (this.highs[v] as number) : a * (this.lows[v] as number);
        // a·v = rhs − (others): others range over [minOthers, maxOthers].
        const minOthers =
          minInf - (Number.isFinite(lo) ? 0 : 1) > 0
            ? Number.NEGATIVE_INFINITY
            : minSum - (Number.isFinite(lo) ? lo : 0);
        const maxOthers =
          maxInf - (Number.isFinite(hi) ? 0 : 1) > 0
            ? Number.POSITIVE_INFINITY
            : maxSum - (Number.isFinite(hi) ? hi : 0);
        const termLow = row.rhs - maxOthers;
        const termHigh = row.rhs - minOthers;
        const newLow = a > 0 ? termLow / a : termHigh / a;
        const newHigh = a > 0 ? termHigh / a : termLow / a;
        let changed = false;
        if (Math.ceil(newLow - 1e-9) > (this.lows[v] as number)) {
          this.lows[v] = Math.ceil(newLow - 1e-9);
          changed = true;
        }
        if (Math.floor(newHigh + 1e-9) < (this.highs[v] as number)) {
          this.highs[v] = Math.floor(newHigh + 1e-9);
          changed = true;
        }
        if ((this.lows[v] as number) > (this.highs[v] as number)) {
          throw new Error("Item attack: the published figures admit no solution");
        }
        if (!changed) return;
        for (const other of this.rowsOf[v] ?? []) {
          if (!queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      });
    }
  }
}
