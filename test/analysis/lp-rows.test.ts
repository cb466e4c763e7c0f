import { describe, expect, it } from "vitest";
import { DistinctRows, RowBuilder } from "../../analysis/lp-rows";

/** The rows a builder holds, as [column, value] lists with their bounds. */
function rowsOf(rows: RowBuilder) {
  return Array.from({ length: rows.count }, (_, row) => ({
    terms: Array.from(
      { length: (rows.starts[row + 1] as number) - (rows.starts[row] as number) },
      (_, i) => [
        rows.indices[(rows.starts[row] as number) + i],
        rows.values[(rows.starts[row] as number) + i],
      ],
    ),
    lower: rows.lower[row],
    upper: rows.upper[row],
  }));
}

/** Feeds rows (lists of [column, value] terms) through DistinctRows into a builder. */
function distinct(columns: number, input: [number, number][][]) {
  const rows = new RowBuilder(0);
  const kept = new DistinctRows(columns);
  for (const row of input) {
    for (const [column, value] of row) kept.add(column, value);
    kept.emitInto(rows);
  }
  return rowsOf(rows);
}

describe("rows of a restricted LP", () => {
  it("keep a row once when it comes again, with the other sign, or with its terms in another order", () => {
    // A restricted system's rows often become the same equation over its few columns; keeping
    // one of them changes no solution, dropping a row that differs would admit points that are
    // not points of the system.
    expect(
      distinct(4, [
        [
          [2, 1],
          [0, -1],
        ],
        [
          [0, 1],
          [2, -1],
        ],
        [
          [2, 1],
          [0, -1],
        ],
        [
          [0, -1],
          [2, 1],
        ],
      ]),
    ).toEqual([
      {
        terms: [
          [0, -1],
          [2, 1],
        ],
        lower: 0,
        upper: 0,
      },
    ]);
  });

  it("keep rows that differ in one coefficient or one column, and drop rows whose terms cancel", () => {
    // −1 and −1.0001 hash alike: the kept rows are compared exactly on every hash hit.
    const differing: [number, number][][] = [
      [
        [0, 1],
        [1, -1],
      ],
      [
        [0, 1],
        [1, -2],
      ],
      [
        [0, 1],
        [3, -1],
      ],
      [
        [0, 1],
        [1, -1.0001],
      ],
    ];
    const cancelling: [number, number][][] = [
      [
        [1, 1],
        [1, -1],
      ],
      [
        [0, 1],
        [1, 1],
        [1, -2],
        [0, -1],
        [1, 1],
      ],
    ];
    expect(distinct(4, [...differing, ...cancelling]).map((row) => row.terms)).toEqual(differing);
  });

  it("grow past their first capacity", () => {
    const rows = new RowBuilder(0);
    for (let row = 0; row < 200; row++) {
      rows.term(row, 1);
      rows.term(row + 1, -1);
      rows.close(row, row + 1);
    }
    const read = rowsOf(rows);
    expect(read).toHaveLength(200);
    expect(read[199]).toEqual({
      terms: [
        [199, 1],
        [200, -1],
      ],
      lower: 199,
      upper: 200,
    });
  });
});
