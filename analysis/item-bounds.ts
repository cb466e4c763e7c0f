/**
 * Integer bound tightening over linear equations Σ a·v = c with bounds on every variable:
 * each equation bounds each of its variables by what the others allow, rounded to integers,
 * until nothing changes. Every bound found is a valid deduction (an attacker can make it), so
 * what it pins down is a leak; what it leaves open may still be pinned by an LP.
 */
export class IntegerBounds {
  readonly lows: number[] = [];
  readonly highs: number[] = [];
  private readonly rowVars: number[][] = [];
  private readonly rowCoefficients: number[][] = [];
  private readonly rowRhs: number[] = [];
  private readonly rowsOf: number[][] = [];

  /** A new variable within [low, high]; returns its index. */
  add(low: number, high: number): number {
    this.lows.push(low);
    this.highs.push(high);
    this.rowsOf.push([]);
    return this.lows.length - 1;
  }

  get rows(): number {
    return this.rowRhs.length;
  }

  /** Adds Σ coefficient·variable = rhs (an empty sum is ignored). */
  equation(vars: number[], coefficients: number[], rhs: number): void {
    if (vars.length === 0) return;
    const index = this.rowRhs.length;
    this.rowVars.push(vars);
    this.rowCoefficients.push(coefficients);
    this.rowRhs.push(rhs);
    for (const v of vars) this.rowsOf[v]?.push(index);
  }

  /** The equations as rows, for an LP over the same system. */
  row(index: number): { vars: number[]; coefficients: number[]; rhs: number } {
    return {
      vars: this.rowVars[index] as number[],
      coefficients: this.rowCoefficients[index] as number[],
      rhs: this.rowRhs[index] as number,
    };
  }

  /** Tightens to a fixpoint; throws if the bounds admit no solution (a modelling error). */
  tighten(): void {
    const count = this.rowRhs.length;
    const lows = this.lows;
    const highs = this.highs;
    const queued = new Uint8Array(count).fill(1);
    const queue: number[] = Array.from({ length: count }, (_, index) => index);
    let budget = 100 * Math.max(1, count);
    for (let head = 0; head < queue.length && budget > 0; head++, budget--) {
      const index = queue[head] as number;
      queued[index] = 0;
      const vars = this.rowVars[index] as number[];
      const coefficients = this.rowCoefficients[index] as number[];
      const rhs = this.rowRhs[index] as number;
      const size = vars.length;
      // Σ of each term's least and greatest value, counting infinite ones apart.
      let minSum = 0;
      let maxSum = 0;
      let minInfinite = 0;
      let maxInfinite = 0;
      for (let i = 0; i < size; i++) {
        const v = vars[i] as number;
        const a = coefficients[i] as number;
        const lo = a > 0 ? a * (lows[v] as number) : a * (highs[v] as number);
        const hi = a > 0 ? a * (highs[v] as number) : a * (lows[v] as number);
        if (lo === Number.NEGATIVE_INFINITY) minInfinite++;
        else minSum += lo;
        if (hi === Number.POSITIVE_INFINITY) maxInfinite++;
        else maxSum += hi;
      }
      if (minInfinite > 1 && maxInfinite > 1) continue;
      for (let i = 0; i < size; i++) {
        const v = vars[i] as number;
        const a = coefficients[i] as number;
        const lo = a > 0 ? a * (lows[v] as number) : a * (highs[v] as number);
        const hi = a > 0 ? a * (highs[v] as number) : a * (lows[v] as number);
        const loInfinite = lo === Number.NEGATIVE_INFINITY;
        const hiInfinite = hi === Number.POSITIVE_INFINITY;
        // a·v = rhs − (the other terms), which range over [minOthers, maxOthers].
        const minOthers =
          minInfinite - (loInfinite ? 1 : 0) > 0
            ? Number.NEGATIVE_INFINITY
            : minSum - (loInfinite ? 0 : lo);
        const maxOthers =
          maxInfinite - (hiInfinite ? 1 : 0) > 0
            ? Number.POSITIVE_INFINITY
            : maxSum - (hiInfinite ? 0 : hi);
        const termLow = rhs - maxOthers;
        const termHigh = rhs - minOthers;
        const newLow = Math.ceil((a > 0 ? termLow / a : termHigh / a) - 1e-9);
        const newHigh = Math.floor((a > 0 ? termHigh / a : termLow / a) + 1e-9);
        let changed = false;
        if (newLow > (lows[v] as number)) {
          lows[v] = newLow;
          changed = true;
        }
        if (newHigh < (highs[v] as number)) {
          highs[v] = newHigh;
          changed = true;
        }
        if (!changed) continue;
        if ((lows[v] as number) > (highs[v] as number)) {
          throw new Error("Item audit: the release's figures admit no solution");
        }
        for (const other of this.rowsOf[v] as number[]) {
          if (!queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      }
    }
  }
}
