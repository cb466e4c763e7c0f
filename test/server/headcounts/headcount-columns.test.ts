import { describe, expect, it } from "vitest";
import { HEADCOUNT_COLUMN_NAMES } from "../../../server/headcounts/headcount-columns";
import { parseHeadcountFile } from "../../../server/headcounts/parse-headcount-file";

const ENGLISH = Object.keys(HEADCOUNT_COLUMN_NAMES.en);
const ROWS = ["HR;top;6;2;4;0;0;6;0;1;5;0", "HR;support;30;18;12;0;3;25;2;1;27;2"];

const file = (header: string[]) => new TextEncoder().encode([header.join(";"), ...ROWS].join("\n"));

describe("headcount column names", () => {
  it("reads a Dutch and a French file as the English one", async () => {
    const english = await parseHeadcountFile(file(ENGLISH));
    expect(english.ok).toBe(true);
    for (const locale of ["nl", "fr"] as const) {
      const names = HEADCOUNT_COLUMN_NAMES[locale];
      const translated = await parseHeadcountFile(
        file(ENGLISH.map((column) => names[column] ?? column)),
      );
      expect(translated, locale).toEqual(english);
    }
  });

  it("reads a file whose columns mix languages, and still names an unknown column", async () => {
    const mixed = ENGLISH.map((column, index) =>
      index % 2 === 0
        ? (HEADCOUNT_COLUMN_NAMES.nl[column] ?? column)
        : (HEADCOUNT_COLUMN_NAMES.fr[column] ?? column),
    );
    expect((await parseHeadcountFile(file(mixed))).ok).toBe(true);
    const wrong = await parseHeadcountFile(file([...ENGLISH.slice(0, -1), "disability.maybe"]));
    expect(wrong.ok ? [] : wrong.problems.map((problem) => problem.fault)).toEqual([
      "unknown-value",
      "missing-column",
    ]);
  });
});
