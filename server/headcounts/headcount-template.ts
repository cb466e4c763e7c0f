import { csvFieldSeparatedBy } from "../contract/csv-field";
import { HEADCOUNT_DIMENSIONS, JOB_LEVELS } from "../contract/headcount-schemas";
import type { Locale } from "../contract/locales";
import { HEADCOUNT_COLUMN_NAMES } from "./headcount-columns";

/**
 * A headcount file to fill in: the header, and one row per unit and job level with zeros.
 * Column names are the language's (the importer reads those of every language); level codes
 * are the same in all. The language also picks what Excel expects on double-click: `;` for nl
 * and fr, `,` for en, UTF-8 with a byte-order mark.
 */
export function headcountTemplate(unitCodes: readonly string[], locale: Locale): string {
  const separator = locale === "en" ? "," : ";";
  const field = csvFieldSeparatedBy(separator);
  const categories = HEADCOUNT_DIMENSIONS.flatMap((dimension) =>
    dimension.values.map((value) => `${dimension.key}.${value}`),
  );
  const named = HEADCOUNT_COLUMN_NAMES[locale];
  const header = ["unit_code", "job_level", "total", ...categories].map(
    (column) => named[column] ?? column,
  );
  const lines = [header.join(separator)];
  for (const code of unitCodes) {
    for (const level of JOB_LEVELS) {
      lines.push([field(code), level, "0", ...categories.map(() => "0")].join(separator));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
