import { csvFieldSeparatedBy } from "../contract/csv-field";
import type { Locale } from "../contract/locales";
import { EXCEL_CSV_FORMAT } from "../results/excel-csv";
import { writeWorkbook } from "../results/xlsx-writer";
import { xmlSafeText } from "../results/xml-safe-text";

/** One row of a campaign's code file: where the code belongs and the link that carries it. */
export interface CodeFileRow {
  unitCode: string;
  unitName: string;
  link: string;
}

const HEADERS: Record<Locale, { columns: [string, string, string]; sheet: string }> = {
  nl: { columns: ["Eenheidscode", "Eenheid", "Persoonlijke link"], sheet: "Codes" },
  fr: { columns: ["Code de l'unité", "Unité", "Lien personnel"], sheet: "Codes" },
  en: { columns: ["Unit code", "Unit", "Personal link"], sheet: "Codes" },
};

/**
 * The codes as CSV for Excel in the reader's language: byte-order mark (so Excel reads UTF-8),
 * `;` for nl/fr and `,` for en, CRLF, fields guarded against formulas.
 */
export function codesCsvFile(rows: readonly CodeFileRow[], locale: Locale): string {
  const { separator } = EXCEL_CSV_FORMAT[locale];
  const field = csvFieldSeparatedBy(separator);
  const line = (cells: readonly string[]) =>
    cells.map((cell) => field(xmlSafeText(cell))).join(separator);
  const lines = [
    line(HEADERS[locale].columns),
    ...rows.map((row) => line([row.unitCode, row.unitName, row.link])),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The codes as one XLSX sheet: the same three columns, header in bold and frozen. */
export function codesXlsxFile(rows: readonly CodeFileRow[], locale: Locale): Uint8Array {
  return writeWorkbook([
    {
      name: HEADERS[locale].sheet,
      header: HEADERS[locale].columns,
      rows: rows.map((row) => [row.unitCode, row.unitName, row.link]),
      widths: [16, 40, 70],
    },
  ]);
}
