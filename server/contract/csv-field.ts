/**
 * One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break, and with a
 * leading apostrophe when a spreadsheet would run it as a formula (CSV injection). Shared by the
 * server's exports and the admin screens' code download.
 */
export function csvField(value: string): string {
  return field(value, ",");
}

/**
 * csvField for a CSV for analysis, whose figures are numbers: a plain decimal number (a negative
 * change, a lower confidence bound) is written as it is, since a spreadsheet reads it as a
 * number, never as a formula; any other text is defused as by csvField.
 */
export function analysisCsvField(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? value : csvField(value);
}

/** csvField for a file separated by `separator` (`;` for a Dutch or French Excel). */
export function csvFieldSeparatedBy(separator: "," | ";"): (value: string) => string {
  return (value) => field(value, separator);
}

function field(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe)
    ? `"${safe.replaceAll('"', '""')}"`
    : safe;
}
