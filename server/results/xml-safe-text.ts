/**
 * Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE and
 * U+FFFF) and UTF-16 surrogates without their pair. One of them in a cell makes a workbook
 * invalid, so a single respondent's comment could break the export of a whole campaign.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the controls XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** Replaces every character XML 1.0 forbids with U+FFFD, so the reader sees something was there. */
export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, "\uFFFD");
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  // A parser turns a raw CR (or CR LF) into LF; as a reference it survives.
  "\r": "&#13;",
};

/** Escaped XML text: safe characters, markup escaped, carriage returns kept. */
export function xmlEscape(text: string): string {
  return xmlSafeText(text).replace(/[&<>"\r]/g, (c) => ESCAPES[c] as string);
}
