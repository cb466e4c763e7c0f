/**
 * Equations as the compressed sparse rows HiGHS takes: each row's unknowns (cells, variables)
 * mapped to the model's columns, with their coefficients.
 */
export function csrMatrix<Row extends { coefficients: readonly number[] }>(
  rows: readonly Row[],
  unknownsOf: (row: Row) => readonly number[],
  column: ReadonlyMap<number, number>,
  numCols: number,
) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    unknownsOf(row).forEach((unknown, position) => {
      indices.push(column.get(unknown) as number);
      values.push(row.coefficients[position] as number);
    });
    starts.push(indices.length);
  }
  return {
    format: "csr" as const,
    numRows: rows.length,
    numCols,
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}
