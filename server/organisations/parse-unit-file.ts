import type { UnitFileFault } from "../contract/organisation-schemas";
import { UNIT_KINDS } from "../db/schema";
import {
  normaliseColumnName,
  readCsvTable,
  readTableFile,
  type TableFile,
} from "../files/read-table-file";

export type UnitKind = (typeof UNIT_KINDS)[number];

/** One unit as a file describes it. `row` is its line number in the file (the header is 1). */
export interface UnitRow {
  row: number;
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: { nl: string; fr: string; en: string };
  headcount: number | null;
}

/** A fault in the file: the row (0 for the file as a whole), the field it concerns and its kind. */
export interface UnitFileProblem {
  row: number;
  field: string;
  fault: UnitFileFault;
  message: string;
}

export type ParsedUnitFile =
  | { ok: true; separator: ";" | "," | null; units: UnitRow[] }
  | { ok: false; problems: UnitFileProblem[] };

const REQUIRED = ["code", "parent_code", "kind", "name_nl", "name_fr", "name_en"] as const;
const COLUMNS = [...REQUIRED, "headcount"] as const;
type Column = (typeof COLUMNS)[number];

/** Header spellings accepted for each column (compared lower-case, spaces and dashes as `_`). */
const ALIASES: Record<string, Column> = {
  code: "code",
  parent: "parent_code",
  parent_code: "parent_code",
  kind: "kind",
  name_nl: "name_nl",
  name_fr: "name_fr",
  name_en: "name_en",
  headcount: "headcount",
};

/** Whether a first row names the unit file's columns. */
const isUnitHeader = (names: string[]) =>
  names.includes("code") && names.some((name) => ALIASES[name] === "kind");

/**
 * Reads a unit tree file, CSV or XLSX (see `readTableFile`). Columns: code, parent_code, kind,
 * name_nl, name_fr, name_en, optional headcount. Every faulty row and field is named; a file
 * with any fault yields no units.
 */
export async function parseUnitFile(bytes: Uint8Array): Promise<ParsedUnitFile> {
  return parseUnitTable(await readTableFile(bytes, isUnitHeader));
}

/** `parseUnitFile` for CSV only, synchronous. */
export function parseUnitCsv(bytes: Uint8Array): ParsedUnitFile {
  return parseUnitTable(readCsvTable(bytes, isUnitHeader));
}

function parseUnitTable(table: TableFile): ParsedUnitFile {
  if (!table.ok) {
    const { field, message } = table.fault;
    return fileProblem(
      field,
      field === "file" ? "unreadable" : field,
      field === "separator"
        ? `The header must list ${REQUIRED.join(", ")} separated by ";" or ",".`
        : message,
    );
  }
  const [header, ...records] = table.rows;
  if (!header) return fileProblem("file", "unreadable", "The file is empty.");
  const headerFields = header.fields;
  const positions = new Map<Column, number>();
  const problems: UnitFileProblem[] = [];
  headerFields.forEach((raw, index) => {
    const column = ALIASES[normaliseColumnName(raw)];
    if (column === undefined) {
      problems.push({
        row: 1,
        field: raw,
        fault: "unknown-column",
        message: `Unknown column "${raw}".`,
      });
    } else if (positions.has(column)) {
      problems.push({
        row: 1,
        field: column,
        fault: "duplicate-column",
        message: `Column "${column}" appears twice.`,
      });
    } else {
      positions.set(column, index);
    }
  });
  for (const column of REQUIRED) {
    if (!positions.has(column)) {
      problems.push({
        row: 1,
        field: column,
        fault: "missing-column",
        message: `Column "${column}" is missing.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const units: UnitRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { row, fields } of records) {
    if (fields.length !== headerFields.length) {
      problems.push({
        row,
        field: "row",
        fault: "field-count",
        message: `Expected ${headerFields.length} fields separated by "${table.separator}", found ${fields.length}.`,
      });
      continue;
    }
    const value = (column: Column) => {
      const at = positions.get(column);
      return at === undefined ? "" : (fields[at] ?? "").trim();
    };
    const rowProblems: UnitFileProblem[] = [];
    const code = value("code");
    if (code === "")
      rowProblems.push({ row, field: "code", fault: "missing", message: "The code is missing." });
    else if (code.length > 64)
      rowProblems.push({
        row,
        field: "code",
        fault: "too-long",
        message: "The code is longer than 64 characters.",
      });
    const earlier = firstRowOfCode.get(code);
    if (code !== "" && earlier !== undefined) {
      rowProblems.push({
        row,
        field: "code",
        fault: "duplicate-code",
        message: `Code "${code}" is also used on row ${earlier}.`,
      });
    } else if (code !== "") {
      firstRowOfCode.set(code, row);
    }
    const kind = value("kind").toLowerCase();
    if (!UNIT_KINDS.some((known) => known === kind)) {
      rowProblems.push({
        row,
        field: "kind",
        fault: "kind",
        message: `Kind must be one of ${UNIT_KINDS.join(", ")}.`,
      });
    }
    const name = { nl: value("name_nl"), fr: value("name_fr"), en: value("name_en") };
    for (const locale of ["nl", "fr", "en"] as const) {
      if (name[locale] === "") {
        rowProblems.push({
          row,
          field: `name_${locale}`,
          fault: "missing",
          message: "The name is missing.",
        });
      } else if (name[locale].length > 200) {
        rowProblems.push({
          row,
          field: `name_${locale}`,
          fault: "too-long",
          message: "The name is longer than 200 characters.",
        });
      }
    }
    const headcountText = value("headcount");
    let headcount: number | null = null;
    if (headcountText !== "") {
      if (/^\d{1,7}$/.test(headcountText)) headcount = Number(headcountText);
      else
        rowProblems.push({
          row,
          field: "headcount",
          fault: "headcount",
          message: "The headcount must be a whole number of at least 0.",
        });
    }
    const parentCode = value("parent_code") || null;
    if (parentCode !== null && parentCode === code) {
      rowProblems.push({
        row,
        field: "parent_code",
        fault: "own-parent",
        message: "A unit cannot be its own parent.",
      });
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) {
      units.push({ row, code, parentCode, kind: kind as UnitKind, name, headcount });
    }
  }
  problems.push(...treeProblems(units, firstRowOfCode));
  if (problems.length > 0) return { ok: false, problems };
  if (units.length === 0) return fileProblem("file", "no-units", "The file lists no units.");
  return { ok: true, separator: table.separator, units };
}

/** Unknown parents and cycles, each named on every row concerned. */
function treeProblems(units: UnitRow[], rowOfCode: Map<string, number>): UnitFileProblem[] {
  const problems: UnitFileProblem[] = [];
  const parentOf = new Map(units.map((unit) => [unit.code, unit.parentCode]));
  for (const unit of units) {
    if (unit.parentCode !== null && !rowOfCode.has(unit.parentCode)) {
      problems.push({
        row: unit.row,
        field: "parent_code",
        fault: "unknown-parent",
        message: `Parent "${unit.parentCode}" is not a code in this file.`,
      });
    }
  }
  // Walk up from each unit once; a walk that meets its own path is a cycle.
  const state = new Map<string, "walking" | "done">();
  const inCycle = new Set<string>();
  for (const start of units) {
    const path: string[] = [];
    let code: string | null = start.code;
    while (code !== null && state.get(code) === undefined && parentOf.has(code)) {
      state.set(code, "walking");
      path.push(code);
      code = parentOf.get(code) ?? null;
    }
    if (code !== null && state.get(code) === "walking") {
      for (const member of path.slice(path.indexOf(code))) inCycle.add(member);
    }
    for (const member of path) state.set(member, "done");
  }
  for (const unit of units) {
    if (inCycle.has(unit.code)) {
      problems.push({
        row: unit.row,
        field: "parent_code",
        fault: "cycle",
        message: `Unit "${unit.code}" is its own ancestor (a cycle through its parents).`,
      });
    }
  }
  return problems;
}

function fileProblem(field: string, fault: UnitFileFault, message: string): ParsedUnitFile {
  return { ok: false, problems: [{ row: 0, field, fault, message }] };
}
