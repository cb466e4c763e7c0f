import { ApiProblem } from "../admin-api";
import type { OrganisationMessages } from "./organisation-messages";

export type UnitField = keyof OrganisationMessages["fieldErrors"];

/** What a failed unit change says: per field, and in general (both in the reader's language). */
export interface UnitProblem {
  fields: Partial<Record<UnitField, string>>;
  general: string | null;
}

/** The answer to a refused unit change, said in the reader's language where it is known. */
export function unitProblemOf(
  problem: unknown,
  t: OrganisationMessages,
  common: { networkError: string; fieldErrors: string },
): UnitProblem {
  if (!(problem instanceof ApiProblem) || problem.status === 0) {
    return { fields: {}, general: common.networkError };
  }
  if (problem.problemName === "unit-in-use") {
    return { fields: {}, general: t.unitInUse };
  }
  const fields: UnitProblem["fields"] = {};
  for (const error of problem.errors) {
    const field = error.question.split(".")[0] as UnitField;
    if (field in t.fieldErrors) fields[field] = t.fieldErrors[field];
  }
  // A refused retirement is said at its button; other fields are marked in the form.
  const marked = Object.keys(fields).filter((field) => field !== "retired");
  if (Object.keys(fields).length > 0)
    return { fields, general: marked.length > 0 ? common.fieldErrors : null };
  return { fields: {}, general: problem.detail || problem.title };
}
