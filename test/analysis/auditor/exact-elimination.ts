import type { ReleaseSystem } from "./release-system";

/** A fraction of BigInts, always normalised (positive denominator, lowest terms). */
interface Rational {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const make = (n: bigint, d: bigint): Rational => {
  if (d < 0n) return make(-n, -d);
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Rational, b: Rational) => make(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational) => make(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational) => make(a.n * b.d, a.d * b.n);
const ZERO = make(0n, 1n);

/**
 * Hidden cells whose value follows from the published values by the equations alone
 * (whatever the bounds), found by Gauss–Jordan elimination over exact rationals.
 */
export function determinedByEquations(system: ReleaseSystem): Map<number, number> {
  const hidden = system.cells.flatMap((cell, index) => (cell.value === null ? [index] : []));
  const column = new Map(hidden.map((cell, position) => [cell, position]));
  const rows: Rational[][] = [];
  for (const equation of system.equations) {
    const row: Rational[] = new Array(hidden.length + 1).fill(ZERO);
    let constant = 0n;
    let any = false;
    equation.cells.forEach((cell, position) => {
      const coefficient = BigInt(equation.coefficients[position] as number);
      const value = system.cells[cell]?.value;
      if (value === null || value === undefined) {
        const at = column.get(cell) as number;
        row[at] = make(
          (row[at] as Rational).n + coefficient * (row[at] as Rational).d,
          (row[at] as Rational).d,
        );
        any = true;
      } else constant -= coefficient * BigInt(value);
    });
    if (!any) continue;
    row[hidden.length] = make(constant, 1n);
    rows.push(row);
  }
  // Gauss–Jordan to reduced row echelon form.
  let pivotRow = 0;
  const pivotOf: number[] = [];
  for (let col = 0; col < hidden.length && pivotRow < rows.length; col++) {
    let found = -1;
    for (let r = pivotRow; r < rows.length; r++) {
      if (((rows[r] as Rational[])[col] as Rational).n !== 0n) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found] as Rational[], rows[pivotRow] as Rational[]];
    const pivot = rows[pivotRow] as Rational[];
    const lead = pivot[col] as Rational;
    for (let c = col; c <= hidden.length; c++) pivot[c] = div(pivot[c] as Rational, lead);
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow) continue;
      const row = rows[r] as Rational[];
      const factor = row[col] as Rational;
      if (factor.n === 0n) continue;
      for (let c = col; c <= hidden.length; c++) {
        row[c] = sub(row[c] as Rational, mul(factor, pivot[c] as Rational));
      }
    }
    pivotOf[pivotRow] = col;
    pivotRow++;
  }
  const determined = new Map<number, number>();
  for (let r = 0; r < pivotRow; r++) {
    const row = rows[r] as Rational[];
    const col = pivotOf[r] as number;
    const free = row.some((value, c) => c !== col && c < hidden.length && value.n !== 0n);
    if (free) continue;
    const value = row[hidden.length] as Rational;
    determined.set(hidden[col] as number, Number(value.n) / Number(value.d));
  }
  return determined;
}
