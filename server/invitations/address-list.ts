import { normaliseAddress } from "./derive-code";

/** One recipient: a normalised address and the code of their unit, as the file names it. */
export interface Recipient {
  address: string;
  unitCode: string;
}

/** A problem in the file, named by line only: addresses are never echoed into answers or logs. */
export interface ListIssue {
  line: number;
  message: string;
}

export type ParsedList = { ok: true; recipients: Recipient[] } | { ok: false; issues: ListIssue[] };

/** Most addresses one upload may hold; the admin body limit (1 MiB) binds near this too. */
export const MAX_RECIPIENTS_PER_LIST = 20_000;

// Deliberately loose: one @, no spaces, a dot in the domain. The mail server has the last word.
const ADDRESS_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ADDRESS_HEADERS = new Set(["email", "e-mail", "mail", "address", "adres", "adresse"]);
const UNIT_HEADERS = new Set(["unit", "eenheid", "unité", "unite", "unit code", "code"]);

/** Splits one CSV line on `delimiter`, honouring double quotes ("" inside quotes is a quote). */
function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

/**
 * Reads an address list: CSV separated by `;` (what Excel writes in Belgium) or `,`, UTF-8 with
 * or without a byte-order mark, one recipient per line as `address;unit`. A header line is
 * optional; with one, the columns may come in either order. An address listed twice counts once
 * (the first unit wins, as the code is the address's, not the line's).
 */
export function parseAddressList(text: string): ParsedList {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const first = lines.find((line) => line.trim() !== "") ?? "";
  const delimiter = first.includes(";") ? ";" : ",";
  let addressColumn = 0;
  let unitColumn = 1;
  let start = 0;
  const header = splitLine(first, delimiter).map((name) => name.toLowerCase());
  if (!header.some((name) => name.includes("@"))) {
    addressColumn = header.findIndex((name) => ADDRESS_HEADERS.has(name));
    unitColumn = header.findIndex((name) => UNIT_HEADERS.has(name));
    if (addressColumn < 0 || unitColumn < 0) {
      return {
        ok: false,
        issues: [
          {
            line: lines.indexOf(first) + 1,
            message: "the header must name an address column (email) and a unit column (unit)",
          },
        ],
      };
    }
    start = lines.indexOf(first) + 1;
  }
  const issues: ListIssue[] = [];
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === "") continue;
    const fields = splitLine(line, delimiter);
    const address = normaliseAddress(fields[addressColumn] ?? "");
    const unitCode = fields[unitColumn] ?? "";
    if (!ADDRESS_PATTERN.test(address)) {
      issues.push({ line: index + 1, message: "not an e-mail address" });
    } else if (unitCode === "") {
      issues.push({ line: index + 1, message: "no unit" });
    } else if (!seen.has(address)) {
      seen.add(address);
      recipients.push({ address, unitCode });
    }
  }
  if (recipients.length > MAX_RECIPIENTS_PER_LIST) {
    issues.push({ line: 0, message: `more than ${MAX_RECIPIENTS_PER_LIST} addresses` });
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 50) };
  if (recipients.length === 0) return { ok: false, issues: [{ line: 1, message: "no addresses" }] };
  return { ok: true, recipients };
}
