/**
 * One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break, and with a
 * leading apostrophe when a spreadsheet would run it as a formula (CSV injection). Shared by the
 * server's exports and the admin screens' code download.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
