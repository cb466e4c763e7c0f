import ExcelJS from "exceljs";

/** One record of a table file: its row number in the file (the header is row 1) and its fields. */
export interface TableRow {
  row: number;
  fields: string[];
}

/** A fault of the file as a whole, before any row is read. */
export interface TableFileFault {
  field: "encoding" | "separator" | "file";
  message: string;
}

export type TableFile =
  | { ok: true; format: "csv"; separator: ";" | ","; rows: TableRow[] }
  | { ok: true; format: "xlsx"; separator: null; rows: TableRow[] }
  | { ok: false; fault: TableFileFault };

/** Whether a header's names (trimmed, lower-case) are the ones the caller expects. */
export type HeaderTest = (names: string[]) => boolean;

/** The column name as files spell it, compared: lower-case, spaces and dashes as `_`. */
export function normaliseColumnName(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * Reads an uploaded table: an Excel workbook (its first sheet) or a CSV file as Belgian and
 * English spreadsheets save it (UTF-8 with or without byte-order mark, `;` or `,` between
 * fields, RFC 4180 quotes). The separator is the one whose split of the first row passes
 * `isHeader`. Blank rows are left out; row numbers stay those of the file.
 */
export async function readTableFile(bytes: Uint8Array, isHeader: HeaderTest): Promise<TableFile> {
  return isZip(bytes) ? readXlsxTable(bytes) : readCsvTable(bytes, isHeader);
}

/** `readTableFile` for CSV only, synchronous. */
export function readCsvTable(bytes: Uint8Array, isHeader: HeaderTest): TableFile {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fault(
      "encoding",
      "The file is not UTF-8. Save it as “CSV UTF-8” (Excel) or choose UTF-8 when exporting.",
    );
  }
  const records = splitRecords(text);
  const header = records[0];
  if (!header || header.text.trim() === "") return fault("file", "The file is empty.");
  const separator = ([";", ","] as const).find((candidate) =>
    isHeader(splitFields(header.text, candidate).map(normaliseColumnName)),
  );
  if (separator === undefined) {
    return fault("separator", 'The first row must name the columns, separated by ";" or ",".');
  }
  const rows = records
    .filter((record) => record.text.trim() !== "")
    .map((record) => ({ row: record.line, fields: splitFields(record.text, separator) }));
  return { ok: true, format: "csv", separator, rows };
}

async function readXlsxTable(bytes: Uint8Array): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typing wants a Node Buffer; a view on the same bytes copies nothing.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    return fault("file", "The file is not a readable Excel workbook (.xlsx).");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return fault("file", "The file is empty.");
  let width = 0;
  sheet.eachRow((row) => {
    width = Math.max(width, row.cellCount);
  });
  const rows: TableRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const fields: string[] = [];
    for (let column = 1; column <= width; column++) fields.push(cellText(row.getCell(column)));
    if (fields.some((field) => field.trim() !== "")) rows.push({ row: rowNumber, fields });
  });
  return { ok: true, format: "xlsx", separator: null, rows };
}

/** A cell as the text a CSV of it would hold: numbers without locale, dates as YYYY-MM-DD. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return value.result === undefined ? "" : String(value.result);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function fault(field: TableFileFault["field"], message: string): TableFile {
  return { ok: false, fault: { field, message } };
}

/** Records with the line each starts on; a quoted field may span lines. */
function splitRecords(text: string): { line: number; text: string }[] {
  if (!text.includes('"')) {
    // Without quotes every line is a record: the same records as the loop below, found faster.
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    return lines.map((record, index) => ({ line: index + 1, text: record.replace(/\r$/, "") }));
  }
  const records: { line: number; text: string }[] = [];
  let line = 1;
  let start = 0;
  let startLine = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === "\n") {
      if (!quoted) {
        records.push({ line: startLine, text: text.slice(start, i).replace(/\r$/, "") });
        start = i + 1;
        startLine = line + 1;
      }
      line++;
    }
  }
  if (start < text.length)
    records.push({ line: startLine, text: text.slice(start).replace(/\r$/, "") });
  return records;
}

/** The fields of one record; `""` inside a quoted field is one quote. */
function splitFields(record: string, separator: string): string[] {
  if (!record.includes('"')) return record.split(separator);
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (quoted) {
      if (char === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** The media types an upload of a table may declare. */
export const TABLE_MEDIA_TYPES = [
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;
