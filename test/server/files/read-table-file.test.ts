import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTableFile } from "../../../server/files/read-table-file";
import { parseUnitFile } from "../../../server/organisations/parse-unit-file";

const utf8 = (text: string) => new TextEncoder().encode(text);
const isHeader = (names: string[]) => names.includes("code") && names.includes("name");

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("units");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("reading an uploaded table", () => {
  it("reads the first sheet of a workbook as text, numbers without locale, blank rows left out", async () => {
    const bytes = await workbook([
      ["Code", "Name", "Count"],
      ["A", "Financiën; boekhouding", 12],
      [],
      ["B", { richText: [{ text: "Droit " }, { text: "public" }] }, 3.5],
    ]);
    const table = await readTableFile(bytes, isHeader);
    expect(table).toEqual({
      ok: true,
      format: "xlsx",
      separator: null,
      rows: [
        { row: 1, fields: ["Code", "Name", "Count"] },
        { row: 2, fields: ["A", "Financiën; boekhouding", "12"] },
        { row: 4, fields: ["B", "Droit public", "3.5"] },
      ],
    });
  });

  it("reads CSV with ; or , as the header test decides, keeping file row numbers", async () => {
    const semicolon = await readTableFile(
      utf8("\uFEFFcode;name\r\nA;x,y\r\n\r\nB;z\r\n"),
      isHeader,
    );
    expect(semicolon).toMatchObject({
      ok: true,
      format: "csv",
      separator: ";",
      rows: [
        { row: 1, fields: ["code", "name"] },
        { row: 2, fields: ["A", "x,y"] },
        { row: 4, fields: ["B", "z"] },
      ],
    });
    const comma = await readTableFile(utf8('Code,Name\nA,"x;y"\n'), isHeader);
    expect(comma).toMatchObject({ separator: ",", rows: [{}, { fields: ["A", "x;y"] }] });
  });

  it("names the fault of a file that is neither", async () => {
    const broken = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readTableFile(broken, isHeader)).toEqual({
      ok: false,
      fault: { field: "file", message: expect.stringContaining("Excel") },
    });
    expect(await readTableFile(utf8("code\tname\nA\tb"), isHeader)).toMatchObject({
      ok: false,
      fault: { field: "separator" },
    });
  });

  it("reads a unit tree from a workbook as from the same CSV", async () => {
    const rows = [
      ["code", "parent_code", "kind", "name_nl", "name_fr", "name_en", "headcount"],
      ["CEN", "", "entity", "Centrale diensten", "Services centraux", "Central services", ""],
      ["HR", "CEN", "service", "Personeelsdienst", "Service du personnel", "HR", 42],
    ];
    const fromXlsx = await parseUnitFile(await workbook(rows));
    const fromCsv = await parseUnitFile(utf8(rows.map((row) => row.join(";")).join("\n")));
    expect(fromXlsx.ok && fromXlsx.units).toEqual(fromCsv.ok && fromCsv.units);
    expect(fromXlsx.ok && fromXlsx.units.map((unit) => unit.headcount)).toEqual([null, 42]);
  });
});
