/**
 * One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180); a value
 * a spreadsheet would run as a formula gets a leading apostrophe (CSV injection).
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The invitation codes of one unit as CSV for a mail merge: columns unit_code, unit_name, code,
 * CRLF line ends, and a byte order mark so that Excel reads the UTF-8 names correctly.
 */
export function codesCsv(unit: { code: string; name: string }, codes: readonly string[]): string {
  const lines = [
    "unit_code,unit_name,code",
    ...codes.map((code) => [unit.code, unit.name, code].map(field).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
