/**
 * Kinds of fault a headcount file can have, as the import names them in `errors[].fault` of a
 * 422 `invalid-headcount-file` answer, so the screens can say each one in the reader's
 * language (the `message` beside it is English). `params` carries what the sentence names.
 */
export const HEADCOUNT_FAULTS = [
  "encoding",
  "separator",
  "unreadable",
  "empty",
  "person-columns",
  "per-person-category",
  "duplicate-column",
  "unknown-column",
  "unknown-value",
  "missing-column",
  "single-value",
  "field-count",
  "missing-count",
  "not-a-count",
  "missing-unit",
  "unknown-level",
  "duplicate-row",
  "sum-mismatch",
  "no-rows",
  "unknown-unit",
  "reference-date",
] as const;
export type HeadcountFault = (typeof HEADCOUNT_FAULTS)[number];

/** What a fault's sentence names: a column, a value, a count, a row. */
export type HeadcountFaultParams = Record<string, string | number>;

/** One fault as a 422 `invalid-headcount-file` answer lists it (row 0: the file as a whole). */
export interface HeadcountFaultEntry {
  row: number;
  question: string;
  message: string;
  fault?: HeadcountFault;
  params?: HeadcountFaultParams;
}
