import type { HeadcountRow } from "../../analysis/headcount-release";
import type { HeadcountFault, HeadcountFaultParams } from "../contract/headcount-faults";
import {
  HEADCOUNT_DIMENSIONS,
  JOB_LEVELS,
  OPTIONAL_HEADCOUNT_COLUMNS,
} from "../contract/headcount-schemas";
import {
  normaliseColumnName,
  readTableFile,
  type TableFile,
  type TableRow,
} from "../files/read-table-file";
import { canonicalHeadcountColumn } from "./headcount-columns";

/**
 * A fault in the file: the row (0 for the file as a whole, 1 the header) and its field, its
 * kind and what it names (for the screens' own words), and the English message.
 */
export interface HeadcountFileProblem {
  row: number;
  field: string;
  message: string;
  fault: HeadcountFault;
  params?: HeadcountFaultParams;
}

export type ParsedHeadcountFile =
  | {
      ok: true;
      /** Rows by unit code (the caller maps codes to units). */
      rows: (Omit<HeadcountRow, "unitId"> & { unitCode: string; row: number })[];
      /** Every dimension with its values, the fixed ones first. */
      dimensions: { key: string; values: string[] }[];
    }
  | { ok: false; problems: HeadcountFileProblem[] };

/**
 * Columns that only a file of people has. Peilpunt takes aggregates only: such a file is
 * refused as a whole, whatever else it holds.
 */
const PERSONAL_COLUMNS = new Set([
  "name",
  "first_name",
  "last_name",
  "firstname",
  "lastname",
  "naam",
  "voornaam",
  "achternaam",
  "familienaam",
  "nom",
  "prenom",
  "prénom",
  "staff_number",
  "employee_number",
  "employee_id",
  "personeelsnummer",
  "stamnummer",
  "matricule",
  "birth_date",
  "date_of_birth",
  "birthdate",
  "geboortedatum",
  "date_de_naissance",
  "email",
  "e_mail",
  "rijksregisternummer",
  "national_number",
  "niss",
]);

/** One category per column, as a person-level export has it (instead of counts per value). */
const PER_PERSON_CATEGORY = new Set([
  "gender",
  "geslacht",
  "sexe",
  "genre",
  "foreign_origin",
  "origin",
  "herkomst",
  "origine",
  "disability",
  "handicap",
  "beperking",
]);

const isHeadcountHeader = (read: string[]) => {
  const names = read.map(canonicalHeadcountColumn);
  return (
    names.includes("unit_code") ||
    names.includes("total") ||
    names.some((name) => PERSONAL_COLUMNS.has(name) || PER_PERSON_CATEGORY.has(name))
  );
};

const COUNT = /^\d{1,7}$/;
const DIMENSION_COLUMN = /^([a-z][a-z0-9_]{0,39})\.([a-z0-9][a-z0-9_]{0,39})$/;

/**
 * Reads a headcount file, CSV or XLSX: `unit_code`, `job_level`, `total`, then one
 * `dimension.value` column per category (see HEADCOUNT_DIMENSIONS), or the same columns as the
 * Dutch or French template names them (headcount-columns.ts). Every faulty row and field
 * is named; a file with any fault yields no rows.
 */
export async function parseHeadcountFile(bytes: Uint8Array): Promise<ParsedHeadcountFile> {
  return parseHeadcountTable(await readTableFile(bytes, isHeadcountHeader));
}

export function parseHeadcountTable(table: TableFile): ParsedHeadcountFile {
  if (!table.ok) {
    const { field, message } = table.fault;
    return fail(
      0,
      field,
      field === "separator"
        ? 'The header must list unit_code, job_level, total and the category columns, separated by ";" or ",".'
        : message,
      field === "file" ? (/empty/.test(message) ? "empty" : "unreadable") : field,
    );
  }
  const [header, ...records] = table.rows;
  if (!header) return fail(0, "file", "The file is empty.", "empty");
  const names = header.fields.map(normaliseColumnName).map(canonicalHeadcountColumn);
  const personal = names.filter((name) => PERSONAL_COLUMNS.has(name));
  if (personal.length > 0) {
    return fail(
      0,
      "file",
      `This looks like a list of people (column ${personal.join(", ")}). Peilpunt takes counts per unit and job level only: never upload staff records.`,
      "person-columns",
      { columns: personal.join(", ") },
    );
  }
  const perPerson = names.filter((name) => PER_PERSON_CATEGORY.has(name));
  if (perPerson.length > 0) {
    return fail(
      0,
      "file",
      `This looks like one row per person (column ${perPerson.join(", ")} holds a category, not a count). Count the staff per unit and job level, one column per category value (e.g. gender.woman).`,
      "per-person-category",
      { columns: perPerson.join(", ") },
    );
  }
  const problems: HeadcountFileProblem[] = [];
  const position = new Map<string, number>();
  const dimensions = new Map<string, string[]>();
  for (const dimension of HEADCOUNT_DIMENSIONS) dimensions.set(dimension.key, []);
  names.forEach((name, index) => {
    if (position.has(name)) {
      problems.push({
        row: 1,
        field: name,
        message: `Column "${name}" appears twice.`,
        fault: "duplicate-column",
        params: { column: name },
      });
      return;
    }
    position.set(name, index);
    if (name === "unit_code" || name === "job_level" || name === "total") return;
    const match = DIMENSION_COLUMN.exec(name);
    if (!match) {
      problems.push({
        row: 1,
        field: header.fields[index] ?? name,
        message: `Unknown column "${header.fields[index]}": category columns are named dimension.value (e.g. gender.woman).`,
        fault: "unknown-column",
        params: { column: header.fields[index] ?? name },
      });
      return;
    }
    const [, dimension, value] = match as unknown as [string, string, string];
    const fixed = HEADCOUNT_DIMENSIONS.find((candidate) => candidate.key === dimension);
    if (fixed && !(fixed.values as readonly string[]).includes(value)) {
      problems.push({
        row: 1,
        field: name,
        message: `"${dimension}" takes the values ${fixed.values.join(", ")}.`,
        fault: "unknown-value",
        params: { dimension, values: fixed.values.join(", ") },
      });
      return;
    }
    const values = dimensions.get(dimension) ?? [];
    values.push(value);
    dimensions.set(dimension, values);
  });
  for (const required of ["unit_code", "job_level", "total"]) {
    if (!position.has(required)) {
      problems.push({
        row: 1,
        field: required,
        message: `Column "${required}" is missing.`,
        fault: "missing-column",
        params: { column: required },
      });
    }
  }
  for (const dimension of HEADCOUNT_DIMENSIONS) {
    for (const value of dimension.values) {
      const column = `${dimension.key}.${value}`;
      if (
        !position.has(column) &&
        !(OPTIONAL_HEADCOUNT_COLUMNS as readonly string[]).includes(column)
      ) {
        problems.push({
          row: 1,
          field: column,
          message: `Column "${column}" is missing.`,
          fault: "missing-column",
          params: { column },
        });
      }
    }
  }
  for (const [key, values] of dimensions) {
    if (values.length === 1) {
      problems.push({
        row: 1,
        field: `${key}.${values[0]}`,
        message: `"${key}" needs at least two values (columns ${key}.<value>) that add up to the total.`,
        fault: "single-value",
        params: { dimension: key },
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const fixedOrder = HEADCOUNT_DIMENSIONS.map((dimension) => ({
    key: dimension.key,
    values: dimension.values.filter(
      (value) => position.has(`${dimension.key}.${value}`) || dimension.key === "gender",
    ),
  }));
  const added = [...dimensions]
    .filter(([key]) => !HEADCOUNT_DIMENSIONS.some((fixed) => fixed.key === key))
    .map(([key, values]) => ({ key, values }));
  const allDimensions = [...fixedOrder, ...added];

  // Where each column sits, looked up once: the rows are read in one pass without a lookup or
  // a closure per field (an import of 1,000 units is 5,000 rows of a dozen counts).
  const unitAt = position.get("unit_code") as number;
  const levelAt = position.get("job_level") as number;
  const totalAt = position.get("total") as number;
  const slots = allDimensions.map(({ key, values }) => ({
    key,
    columns: values.map((value) => {
      const column = `${key}.${value}`;
      return { value, column, at: position.get(column) };
    }),
  }));
  const rows = readRows(records, names.length, { unitAt, levelAt, totalAt, slots }, problems);
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return fail(0, "file", "The file lists no counts.", "no-rows");
  return { ok: true, rows, dimensions: allDimensions };
}

/** Where a file's columns sit (see `parseHeadcountTable`). */
interface ColumnPlaces {
  unitAt: number;
  levelAt: number;
  totalAt: number;
  slots: { key: string; columns: { value: string; column: string; at: number | undefined }[] }[];
}

/**
 * The rows of a headcount file whose header is sound, each fault added to `problems`. A
 * function of its own: the loop's on-stack compile and each later import's new feedback compiled
 * the header checks along with it.
 */
function readRows(
  records: readonly TableRow[],
  fieldCount: number,
  { unitAt, levelAt, totalAt, slots }: ColumnPlaces,
  problems: HeadcountFileProblem[],
): Extract<ParsedHeadcountFile, { ok: true }>["rows"] {
  const rows: Extract<ParsedHeadcountFile, { ok: true }>["rows"] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, fields } of records) {
    if (fields.length !== fieldCount) {
      problems.push({
        row,
        field: "row",
        message: `Expected ${fieldCount} fields, found ${fields.length}.`,
        fault: "field-count",
        params: { expected: fieldCount, found: fields.length },
      });
      continue;
    }
    const rowProblems: HeadcountFileProblem[] = [];
    const unitCode = (fields[unitAt] ?? "").trim();
    if (unitCode === "")
      rowProblems.push({
        row,
        field: "unit_code",
        message: "The unit code is missing.",
        fault: "missing-unit",
      });
    const level = (fields[levelAt] ?? "").trim().toLowerCase();
    if (!(JOB_LEVELS as readonly string[]).includes(level)) {
      rowProblems.push({
        row,
        field: "job_level",
        message: `The job level must be one of ${JOB_LEVELS.join(", ")}.`,
        fault: "unknown-level",
        params: { value: level, levels: JOB_LEVELS.join(", ") },
      });
    }
    const key = `${unitCode}\u0000${level}`;
    const earlier = firstRowOf.get(key);
    if (unitCode !== "" && earlier !== undefined) {
      rowProblems.push({
        row,
        field: "unit_code",
        message: `Unit "${unitCode}" at level "${level}" is also on row ${earlier}: one row per unit and level.`,
        fault: "duplicate-row",
        params: { unit: unitCode, level, earlier },
      });
    } else firstRowOf.set(key, row);
    const total = readCount(fields, totalAt, "total", row, rowProblems);
    const categories: HeadcountRow["categories"] = {};
    for (const { key: dimension, columns } of slots) {
      const counts: Record<string, number> = {};
      let sum = 0;
      for (const { value, column, at } of columns) {
        // A column the file leaves out (gender.x) counts 0.
        const n = at === undefined ? 0 : readCount(fields, at, column, row, rowProblems);
        counts[value] = n;
        sum += n;
      }
      categories[dimension] = counts;
      // A sum is only compared when the total and every count of the dimension were read.
      if (
        sum !== total &&
        !rowProblems.some(
          (problem) => problem.field === "total" || problem.field.startsWith(`${dimension}.`),
        )
      ) {
        rowProblems.push({
          row,
          field: dimension,
          message: `The ${dimension} columns add up to ${sum}, not to the total ${total}.`,
          fault: "sum-mismatch",
          params: { dimension, sum, total },
        });
      }
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0) rows.push({ row, unitCode, level, total, categories });
  }
  return rows;
}

/** The count in a field, or 0 with the fault added to `problems`. */
function readCount(
  fields: string[],
  at: number,
  column: string,
  row: number,
  problems: HeadcountFileProblem[],
): number {
  const raw = (fields[at] ?? "").trim();
  if (COUNT.test(raw)) return Number(raw);
  problems.push({
    row,
    field: column,
    message:
      raw === ""
        ? "The count is missing (write 0 for none)."
        : `"${raw}" is not a count: write a whole number of at least 0.`,
    fault: raw === "" ? "missing-count" : "not-a-count",
    params: { value: raw },
  });
  return 0;
}

function fail(
  row: number,
  field: string,
  message: string,
  fault: HeadcountFault,
  params?: HeadcountFaultParams,
): ParsedHeadcountFile {
  return { ok: false, problems: [{ row, field, message, fault, ...(params ? { params } : {}) }] };
}
