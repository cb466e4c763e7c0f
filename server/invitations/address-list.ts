import {
  normaliseColumnName,
  readCsvTable,
  readTableFile,
  type TableFile,
} from "../files/read-table-file";
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
// Column names as normaliseColumnName spells them (lower case, spaces and dashes as _).
const ADDRESS_HEADERS = new Set(["email", "e_mail", "mail", "address", "adres", "adresse"]);
const UNIT_HEADERS = new Set(["unit", "eenheid", "unité", "unite", "unit_code", "code"]);

/**
 * The first row of an address list, split: a header naming both columns, or already a
 * recipient (a list without header). Two fields at least, so the separator is the right one.
 */
function isAddressListStart(names: string[]): boolean {
  if (names.length < 2) return false;
  if (names.some((name) => name.includes("@"))) return true;
  return (
    names.some((name) => ADDRESS_HEADERS.has(name)) && names.some((name) => UNIT_HEADERS.has(name))
  );
}

/**
 * Reads an address list file: CSV separated by `;` (what Excel writes in Belgium) or `,`, UTF-8
 * with or without a byte-order mark, or an Excel workbook (its first sheet), through the one
 * table reader (server/files/read-table-file.ts). One recipient per row as `address;unit`.
 */
export async function readAddressFile(bytes: Uint8Array): Promise<ParsedList> {
  return parseAddressTable(await readTableFile(bytes, isAddressListStart));
}

/** parseAddressFile for CSV text (the JSON API's `list`). */
export function parseAddressList(text: string): ParsedList {
  return parseAddressTable(readCsvTable(new TextEncoder().encode(text), isAddressListStart));
}

/**
 * The recipients of a table: a header row is optional; with one, the columns may come in either
 * order. An address listed twice counts once (the first unit wins, as the code is the
 * address's, not the row's). Faults name rows by number only.
 */
export function parseAddressTable(table: TableFile): ParsedList {
  if (!table.ok) return { ok: false, issues: [{ line: 0, message: table.fault.message }] };
  const [first, ...rest] = table.rows;
  if (!first) return { ok: false, issues: [{ line: 1, message: "no addresses" }] };
  let addressColumn = 0;
  let unitColumn = 1;
  let rows = table.rows;
  const header = first.fields.map(normaliseColumnName);
  if (!header.some((name) => name.includes("@"))) {
    addressColumn = header.findIndex((name) => ADDRESS_HEADERS.has(name));
    unitColumn = header.findIndex((name) => UNIT_HEADERS.has(name));
    if (addressColumn < 0 || unitColumn < 0) {
      return {
        ok: false,
        issues: [
          {
            line: first.row,
            message: "the header must name an address column (email) and a unit column (unit)",
          },
        ],
      };
    }
    rows = rest;
  }
  const issues: ListIssue[] = [];
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const { row, fields } of rows) {
    const address = normaliseAddress(fields[addressColumn] ?? "");
    const unitCode = (fields[unitColumn] ?? "").trim();
    if (!ADDRESS_PATTERN.test(address)) {
      issues.push({ line: row, message: "not an e-mail address" });
    } else if (unitCode === "") {
      issues.push({ line: row, message: "no unit" });
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
