import ExcelJS from "exceljs";
import type { Release } from "../../analysis/release-types";
import { type ReleaseTable, releaseTables, tableGroups } from "./read-release";
import { releaseTableRows, type UnitLabel } from "./release-csv";

/**
 * The whole release as a workbook: a sheet per table, one for comments and one that says what
 * was published and how. Figures are the release's, nothing recomputed; exceljs writes
 * strings as inline text, never as formulas.
 */
export async function releaseWorkbook(
  release: Release,
  meta: {
    slug: string;
    builtAt: string;
    unitLabel: UnitLabel;
    visibleUnits?: ReadonlySet<string>;
  },
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Peilpunt";
  const about = workbook.addWorksheet("about");
  about.addRows([
    ["campaign", meta.slug],
    ["results computed at", meta.builtAt],
    ["minimum group size (k)", release.k],
    ["hidden (primary)", "fewer than k respondents"],
    ["hidden (secondary)", "hidden so that no small group can be worked out by subtraction"],
    ["hidden (unanimity)", "(nearly) everyone gave the same answer to a sensitive question"],
  ]);
  for (const table of releaseTables(release)) {
    const { groups } = tableGroups(release, table.id, meta.visibleUnits);
    const sheet = workbook.addWorksheet(sheetName(table));
    const rows = releaseTableRows(groups, table.dimensions, meta.unitLabel);
    sheet.addRows(rows.map((row, index) => (index === 0 ? row : row.map(numeric))));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  const comments = workbook.addWorksheet("comments");
  comments.addRow(["unit", "unit_name", "question", "comment"]).font = { bold: true };
  for (const entry of release.comments) {
    if (meta.visibleUnits && !meta.visibleUnits.has(entry.unitId)) continue;
    const unit = meta.unitLabel(entry.unitId);
    for (const text of entry.texts) comments.addRow([unit.code, unit.name, entry.item, text]);
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Uint8Array.from(bytes as unknown as ArrayLike<number>);
}

function sheetName(table: ReleaseTable): string {
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  return table.id
    .replace(/^dimension:/, "")
    .replace(/[:\\/?*[\]]/g, " × ")
    .slice(0, 31);
}

function numeric(value: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
