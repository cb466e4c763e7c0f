import { describe, expect, it } from "vitest";
import { DEMO_HEADCOUNT_DATES, demoHeadcountFiles } from "../../../server/demo/demo-headcounts";
import { parseHeadcountFile } from "../../../server/headcounts/parse-headcount-file";

/** Organisation-wide share of a category value, at one level or all, from a file's rows. */
function share(
  rows: { level: string; total: number; categories: Record<string, Record<string, number>> }[],
  dimension: string,
  value: string,
  level: string | null,
): number {
  const chosen = rows.filter((row) => level === null || row.level === level);
  const staff = chosen.reduce((sum, row) => sum + row.total, 0);
  const count = chosen.reduce((sum, row) => sum + (row.categories[dimension]?.[value] ?? 0), 0);
  return count / staff;
}

describe("demo headcounts", () => {
  it("are five valid files, 31 December 2021 to 2025, the same on every run", async () => {
    const files = demoHeadcountFiles();
    expect(files.map((file) => file.referenceDate)).toEqual(DEMO_HEADCOUNT_DATES);
    expect(DEMO_HEADCOUNT_DATES).toEqual([
      "2021-12-31",
      "2022-12-31",
      "2023-12-31",
      "2024-12-31",
      "2025-12-31",
    ]);
    expect(demoHeadcountFiles()).toEqual(files);
    for (const file of files) {
      const parsed = await parseHeadcountFile(new TextEncoder().encode(file.csv));
      expect(parsed.ok, file.referenceDate).toBe(true);
    }
  });

  it("tell a plausible story against the targets: more women in top management, disability under 3%", async () => {
    const shares = [];
    for (const file of demoHeadcountFiles()) {
      const parsed = await parseHeadcountFile(new TextEncoder().encode(file.csv));
      if (!parsed.ok) throw new Error("invalid demo file");
      shares.push({
        womenTop: share(parsed.rows, "gender", "woman", "top"),
        womenMiddle: share(parsed.rows, "gender", "woman", "middle"),
        foreign: share(parsed.rows, "foreign_origin", "yes", null),
        disability: share(parsed.rows, "disability", "yes", null),
      });
    }
    const [first, , , , last] = shares;
    expect(first?.womenTop).toBeGreaterThan(0.2);
    expect(first?.womenTop).toBeLessThan(0.3);
    expect(last?.womenTop).toBeGreaterThan(0.3);
    expect(last?.womenTop).toBeLessThan(0.4);
    expect(last?.womenMiddle).toBeGreaterThan(first?.womenMiddle ?? 1);
    for (const year of shares) {
      expect(year.foreign).toBeGreaterThan(0.05);
      expect(year.foreign).toBeLessThan(0.09);
      expect(year.disability).toBeGreaterThan(0.008);
      expect(year.disability).toBeLessThan(0.022);
    }
  });
});
