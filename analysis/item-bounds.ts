/**
 * Integer bound tightening over linear equations Σ a·v = c with bounds on every variable:
 * each equation bounds each of its variables by what the others allow, rounded to integers,
 * until nothing changes. Every bound found is a valid deduction (an attacker can make it), so
 * what it pins down is a leak; what it leaves open may still be pinned by an LP (item-lp.ts).
 * Stored flat (one array per field, rows as offsets) because the item audit builds thousands of
 * these systems per release.
 */
export class IntegerBounds {
  lows: Float64Array;
  highs: Float64Array;
  private variables = 0;
  private readonly rowStart: number[];
  private readonly rowVar: number[];
  private readonly rowCoefficient: number[];
  private readonly rowRhs: number[];

  /** `rowsOf`: a system whose equations this one shares (see `withBounds`). */
  constructor(capacity = 64, rowsOf?: IntegerBounds) {
    this.lows = new Float64Array(capacity);
    this.highs = new Float64Array(capacity);
    this.rowStart = rowsOf?.rowStart ?? [0];
    this.rowVar = rowsOf?.rowVar ?? [];
    this.rowCoefficient = rowsOf?.rowCoefficient ?? [];
    this.rowRhs = rowsOf?.rowRhs ?? [];
  }

  /**
   * The same equations over the same variables, within other bounds (one per variable, in
   * order): the equations are shared, not copied, so neither system may get more of them.
   */
  withBounds(bounds: readonly { lower: number; upper: number }[]): IntegerBounds {
    if (bounds.length !== this.variables) throw new Error("One bound per variable is needed.");
    const other = new IntegerBounds(Math.max(1, this.variables), this);
    for (const b of bounds) other.add(b.lower, b.upper);
    return other;
  }

  /** A new variable within [low, high]; returns its index. */
  add(low: number, high: number): number {
    if (this.variables === this.lows.length) {
      const lows = new Float64Array(2 * this.variables);
      const highs = new Float64Array(2 * this.variables);
      lows.set(this.lows);
      highs.set(this.highs);
      this.lows = lows;
      this.highs = highs;
    }
    this.lows[this.variables] = low;
    this.highs[this.variables] = high;
    return this.variables++;
  }

  get size(): number {
    return this.variables;
  }

  get rows(): number {
    return this.rowRhs.length;
  }

  /** Starts Σ coefficient·variable = rhs; add its terms with `term`, then `close` it. */
  term(variable: number, coefficient: number): void {
    this.rowVar.push(variable);
    this.rowCoefficient.push(coefficient);
  }

  /** Closes the equation whose terms were just added (an empty sum is dropped). */
  close(rhs: number): void {
    if (this.rowVar.length === (this.rowStart[this.rowStart.length - 1] as number)) return;
    this.rowRhs.push(rhs);
    this.rowStart.push(this.rowVar.length);
  }

  /** Adds Σ coefficient·variable = rhs (an empty sum is ignored). */
  equation(vars: number[], coefficients: number[], rhs: number): void {
    vars.forEach((variable, index) => {
      this.term(variable, coefficients[index] as number);
    });
    this.close(rhs);
  }

  /** The equations in compressed-row form, for an LP over the same system. */
  matrix(): { starts: number[]; vars: number[]; coefficients: number[]; rhs: number[] } {
    return {
      starts: this.rowStart,
      vars: this.rowVar,
      coefficients: this.rowCoefficient,
      rhs: this.rowRhs,
    };
  }

  /** Tightens to a fixpoint; throws if the bounds admit no solution (a modelling error). */
  tighten(): void {
    const count = this.rowRhs.length;
    const lows = this.lows;
    const highs = this.highs;
    const start = this.rowStart;
    const vars = this.rowVar;
    const coefficients = this.rowCoefficient;
    const rowsOf = this.rowsOfVariables();
    const queued = new Uint8Array(count).fill(1);
    const queue = new Int32Array(count);
    for (let row = 0; row < count; row++) queue[row] = row;
    // A circular queue: every row is in it at most once.
    let head = 0;
    let length = count;
    let budget = 100 * Math.max(1, count);
    while (length > 0 && budget-- > 0) {
      const index = queue[head] as number;
      head = head + 1 === count ? 0 : head + 1;
      length--;
      queued[index] = 0;
      const from = start[index] as number;
      const to = start[index + 1] as number;
      const rhs = this.rowRhs[index] as number;
      // Σ of each term's least and greatest value, counting infinite ones apart.
      let minSum = 0;
      let maxSum = 0;
      let minInfinite = 0;
      let maxInfinite = 0;
      for (let i = from; i < to; i++) {
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
      for (let i = from; i < to; i++) {
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
        for (let r = rowsOf.start[v] as number; r < (rowsOf.start[v + 1] as number); r++) {
          const other = rowsOf.rows[r] as number;
          if (queued[other]) continue;
          queued[other] = 1;
          let tail = head + length;
          if (tail >= count) tail -= count;
          queue[tail] = other;
          length++;
        }
      }
    }
  }

  /** Per variable, the rows it appears in (compressed). */
  private rowsOfVariables(): { start: Int32Array; rows: Int32Array } {
    const start = new Int32Array(this.variables + 1);
    for (const v of this.rowVar) start[v + 1] = (start[v + 1] as number) + 1;
    for (let v = 0; v < this.variables; v++)
      start[v + 1] = (start[v + 1] as number) + (start[v] as number);
    const fill = start.slice(0, this.variables);
    const rows = new Int32Array(this.rowVar.length);
    for (let row = 0; row < this.rowRhs.length; row++) {
      for (let i = this.rowStart[row] as number; i < (this.rowStart[row + 1] as number); i++) {
        const v = this.rowVar[i] as number;
        rows[fill[v] as number] = row;
        fill[v] = (fill[v] as number) + 1;
      }
    }
    return { start, rows };
  }
}
