import { crc32, deflateRawSync } from "node:zlib";
import { CELL_TEXT_LIMIT, xmlEscape, xmlSafeText } from "./xml-safe-text";

/**
 * A minimal SpreadsheetML (Office Open XML) writer for large, plain tables: texts in a shared
 * string table (a release repeats the same unit names and answer texts thousands of times),
 * numbers with a few number formats, a bold header row, frozen panes and column widths. It
 * writes the XML as text and zips it with node:zlib, many times faster than building an ExcelJS
 * object model for the 100,000+ rows of a diagnosis release. Only what the results exports
 * need; anything else (formulas, merged cells, rich text) is left out on purpose.
 */

/** How a number is shown; the stored value is always the exact number. */
export type NumberStyle = "integer" | "percent" | "decimal";

export type SheetCell =
  | string
  | number
  | null
  | { number: number; style: NumberStyle }
  | { text: string; style: "bold" | "note" | "wrap" };

export interface Sheet {
  name: string;
  /** A first row in bold, frozen so it stays in view. */
  header?: readonly string[];
  rows: Iterable<readonly SheetCell[]>;
  /** How a plain number in each column is shown (a styled number cell sets its own). */
  numberStyles?: readonly (NumberStyle | undefined)[];
  /** Column widths in characters, from column A. */
  widths?: number[];
}

// Cell formats, indices into <cellXfs>: 0 plain, 1 bold, 2 percent 0.0%, 3 decimal 0.00,
// 4 integer 0, 5 note (italic grey: a hidden figure's reason), 6 wrapped text.
const STYLE_INDEX = { bold: 1, percent: 2, decimal: 3, integer: 4, note: 5, wrap: 6 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Writes the sheets as an .xlsx file. Sheet names must be unique and valid (see sheetName). */
export function writeWorkbook(sheets: readonly Sheet[]): Uint8Array<ArrayBuffer> {
  const strings = new SharedStrings();
  const sheetFiles = sheets.map((sheet, index): [string, Buffer] => [
    `xl/worksheets/sheet${index + 1}.xml`,
    sheetXml(sheet, strings),
  ]);
  const files: [string, string | Buffer][] = [
    ["[Content_Types].xml", contentTypes(sheets.length)],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ["xl/workbook.xml", workbookXml(sheets)],
    ["xl/_rels/workbook.xml.rels", workbookRels(sheets.length)],
    ["xl/styles.xml", STYLES],
    ["xl/sharedStrings.xml", strings.xml()],
    ...sheetFiles,
  ];
  return zip(
    files.map(([name, content]) => [
      name,
      typeof content === "string" ? Buffer.from(content, "utf8") : content,
    ]),
  );
}

/** A valid, unique sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    xmlSafeText(wanted)
      .replace(/[:\\/?*[\]\s]+/g, " ")
      .trim()
      .slice(0, 31) || "sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function contentTypes(count: number): string {
  const sheets = Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets}</Types>`;
}

function workbookXml(sheets: readonly Sheet[]): string {
  const list = sheets
    .map(
      (sheet, i) =>
        `<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${list}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const sheets = Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${count + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${count + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

const columnNames: string[] = [];
function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    name = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    }
    columnNames[index] = name;
  }
  return name;
}

/** The workbook's texts, each stored once; cells refer to them by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  of(value: string): number {
    this.uses++;
    let found = this.index.get(value);
    if (found === undefined) {
      found = this.list.length;
      this.list.push(value);
      this.index.set(value, found);
    }
    return found;
  }

  xml(): string {
    const items = this.list.map((value) => `<si><t xml:space="preserve">${text(value)}</t></si>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

/**
 * Collects XML as strings of about 64 KiB turned into bytes, so a sheet of a million cells
 * never holds a million small strings at once (which costs more in garbage collection than
 * the writing itself).
 */
class XmlBytes {
  private readonly chunks: Buffer[] = [];
  private pending = "";

  add(xml: string): void {
    this.pending += xml;
    if (this.pending.length > 65_536) this.flush();
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.pending === "") return;
    this.chunks.push(Buffer.from(this.pending, "utf8"));
    this.pending = "";
  }
}

function sheetXml(sheet: Sheet, strings: SharedStrings): Buffer {
  const out = new XmlBytes();
  out.add(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
  );
  out.add(
    sheet.header
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
  );
  if (sheet.widths && sheet.widths.length > 0) {
    out.add("<cols>");
    sheet.widths.forEach((width, i) => {
      out.add(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
    });
    out.add("</cols>");
  }
  out.add("<sheetData>");
  const numberStyles = (sheet.numberStyles ?? []).map((style) =>
    style ? ` s="${STYLE_INDEX[style]}"` : "",
  );
  let row = 0;
  const writeRow = (cells: readonly SheetCell[]) => {
    row++;
    let xml = `<row r="${row}">`;
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column] as SheetCell;
      if (
        cell === null ||
        cell === "" ||
        (typeof cell === "object" && "text" in cell && cell.text === "")
      )
        continue;
      const ref = columnName(column) + row;
      if (typeof cell === "number") {
        if (Number.isFinite(cell))
          xml += `<c r="${ref}"${numberStyles[column] ?? ""}><v>${cell}</v></c>`;
      } else if (typeof cell === "string") {
        xml += `<c r="${ref}" t="s"><v>${strings.of(cell)}</v></c>`;
      } else if ("number" in cell) {
        if (Number.isFinite(cell.number)) {
          xml += `<c r="${ref}" s="${STYLE_INDEX[cell.style]}"><v>${cell.number}</v></c>`;
        }
      } else {
        xml += `<c r="${ref}" s="${STYLE_INDEX[cell.style]}" t="s"><v>${strings.of(cell.text)}</v></c>`;
      }
    }
    out.add(`${xml}</row>`);
  };
  if (sheet.header) writeRow(sheet.header.map((text) => ({ text, style: "bold" })));
  for (const cells of sheet.rows) writeRow(cells);
  out.add("</sheetData></worksheet>");
  return out.bytes();
}

function text(value: string): string {
  // Truncate by code points, so a cut never leaves half a surrogate pair.
  if (value.length <= CELL_TEXT_LIMIT) return xmlEscape(value);
  return xmlEscape(`${Array.from(value.slice(0, CELL_TEXT_LIMIT)).slice(0, -2).join("")}…`);
}

/** A zip archive (deflated entries, no extras), as the .xlsx container needs. */
function zip(entries: [string, Buffer][]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 1 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, compressed);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}
