import { csvField } from "../../../server/contract/csv-field";

/**
 * The invitation codes of one unit as CSV for a mail merge: columns unit_code, unit_name, code,
 * CRLF line ends, and a byte order mark so that Excel reads the UTF-8 names correctly.
 */
export function codesCsv(unit: { code: string; name: string }, codes: readonly string[]): string {
  const lines = [
    "unit_code,unit_name,code",
    ...codes.map((code) => [unit.code, unit.name, code].map(csvField).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
