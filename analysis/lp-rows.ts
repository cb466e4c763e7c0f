/**
 * Rows of an LP built for HiGHS in compressed form (the item LP stage builds hundreds of models
 * per release: typed arrays, no per-row strings or maps).
 */

/** A model's rows in compressed form, in growing typed arrays. */
export class RowBuilder {
  starts = new Int32Array(65);
  lower = new Float64Array(64);
  upper = new Float64Array(64);
  indices: Int32Array;
  values: Float64Array;
  count = 0;
  nonzeros = 0;

  constructor(nonzeros: number) {
    this.indices = new Int32Array(Math.max(64, nonzeros));
    this.values = new Float64Array(Math.max(64, nonzeros));
  }

  /** Adds a term to the row being built. */
  term(column: number, value: number): void {
    if (this.nonzeros === this.indices.length) {
      this.indices = grown(this.indices, new Int32Array(2 * this.nonzeros));
      this.values = grown(this.values, new Float64Array(2 * this.nonzeros));
    }
    this.indices[this.nonzeros] = column;
    this.values[this.nonzeros++] = value;
  }

  /** Closes the row being built as lower ≤ Σ terms ≤ upper. */
  close(lower: number, upper: number): void {
    if (this.count === this.lower.length) {
      this.lower = grown(this.lower, new Float64Array(2 * this.count));
      this.upper = grown(this.upper, new Float64Array(2 * this.count));
      this.starts = grown(this.starts, new Int32Array(2 * this.count + 1));
    }
    this.lower[this.count] = lower;
    this.upper[this.count++] = upper;
    this.starts[this.count] = this.nonzeros;
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Rows over columns, each summed term by term, kept only if not empty and not the same as a
 * row kept before up to its sign (the row's terms by column, all signs flipped so that the
 * first is positive): hashed, and every hash hit compared exactly.
 */
export class DistinctRows {
  private readonly sum: Float64Array;
  private readonly seen: Uint8Array;
  private touched: number[] = [];
  /** Hash → the kept rows with it: where their terms start in `columns`/`flipped`, and how many. */
  private readonly byHash = new Map<number, number[]>();
  private columns: number[] = [];
  private flipped: number[] = [];

  constructor(columns: number) {
    this.sum = new Float64Array(columns);
    this.seen = new Uint8Array(columns);
  }

  /** Adds a term to the current row (terms of one column are summed). */
  add(column: number, value: number): void {
    if (this.seen[column] === 0) {
      this.seen[column] = 1;
      this.touched.push(column);
    }
    this.sum[column] = (this.sum[column] as number) + value;
  }

  /** Closes the row: appends it to `rows` (= 0) unless empty or kept before. */
  emitInto(rows: RowBuilder): void {
    const { sum, seen } = this;
    const terms = this.touched.filter((column) => sum[column] !== 0).sort((a, b) => a - b);
    for (const column of this.touched) seen[column] = 0;
    this.touched = [];
    if (terms.length === 0) {
      for (const column of terms) sum[column] = 0;
      return;
    }
    const flip = (sum[terms[0] as number] as number) < 0 ? -1 : 1;
    let hash = terms.length;
    for (const column of terms) {
      hash = Math.imul(hash ^ column, 0x01000193);
      hash = Math.imul(hash ^ Math.round(flip * (sum[column] as number) * 1024), 0x01000193);
    }
    const starts = this.byHash.get(hash);
    const same = starts?.some(
      (at) =>
        this.columns[at - 1] === terms.length &&
        terms.every(
          (column, i) =>
            this.columns[at + i] === column &&
            this.flipped[at + i] === flip * (sum[column] as number),
        ),
    );
    if (!same) {
      this.columns.push(terms.length);
      this.flipped.push(0);
      const at = this.columns.length;
      for (const column of terms) {
        this.columns.push(column);
        this.flipped.push(flip * (sum[column] as number));
        rows.term(column, sum[column] as number);
      }
      rows.close(0, 0);
      if (starts) starts.push(at);
      else this.byHash.set(hash, [at]);
    }
    for (const column of terms) sum[column] = 0;
  }
}
