import { csvFieldSeparatedBy } from "../contract/csv-field";
import type { ColumnKind, ExportLabels, LabelledCell, LabelledTable } from "./labelled-rows";
import type { ExportLocale } from "./unit-labels";
import { xmlSafeText } from "./xml-safe-text";

/**
 * How Excel reads a CSV file opened by double-click in each language: a Dutch or French Excel
 * expects `;` between fields and a decimal comma, an English one `,` and a decimal point.
 */
export const EXCEL_CSV_FORMAT: Record<ExportLocale, { separator: "," | ";"; decimal: "," | "." }> =
  {
    nl: { separator: ";", decimal: "," },
    fr: { separator: ";", decimal: "," },
    en: { separator: ",", decimal: "." },
  };

/** Byte-order mark: without it Excel reads UTF-8 as the system code page ("UniversitÃ©"). */
const BOM = "\uFEFF";

/**
 * Labelled rows as a CSV file for Excel in the reader's language: shares in percent with one
 * decimal, means with two, hidden figures as their reason in words, control characters that
 * would upset Excel replaced with U+FFFD.
 */
export function excelCsv(table: LabelledTable, locale: ExportLocale, labels: ExportLabels): string {
  const { separator, decimal } = EXCEL_CSV_FORMAT[locale];
  const field = csvFieldSeparatedBy(separator);
  const number = (value: number, digits: number) => {
    const text = value.toFixed(digits);
    return decimal === "." ? text : text.replace(".", decimal);
  };
  const format = (cell: LabelledCell, kind: ColumnKind | undefined): string => {
    if (cell === null) return "";
    if (typeof cell === "string") return field(xmlSafeText(cell));
    if (typeof cell === "object") return field(labels.messages.hidden(cell.hidden, labels.k));
    if (kind === "share") return number(100 * cell, 1);
    if (kind === "mean") return number(cell, 2);
    return String(cell);
  };
  const lines = [table.header.map((text) => field(xmlSafeText(text))).join(separator)];
  for (const row of table.rows) {
    lines.push(row.map((cell, column) => format(cell, table.kinds[column])).join(separator));
  }
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
