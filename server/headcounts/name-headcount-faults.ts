import type { HeadcountFaultEntry } from "../contract/headcount-faults";
import { ProblemError } from "../errors";
import { parseHeadcountFile } from "./parse-headcount-file";

/**
 * The faults of a refused headcount import, each with its kind (`fault`, `params`) so the
 * screens say it in the reader's language. The file is read again only when it was refused:
 * a valid import pays nothing. Faults the file alone cannot show (a unit unknown to the
 * organisation, the reference date) are named from the field they concern.
 */
export async function nameHeadcountFaults(
  refused: ProblemError,
  file: Uint8Array,
): Promise<ProblemError> {
  const listed = (refused.extensions.errors ?? []) as HeadcountFaultEntry[];
  const parsed = await parseHeadcountFile(file);
  const unitOfRow = new Map(parsed.ok ? parsed.rows.map((row) => [row.row, row.unitCode]) : []);
  const errors: HeadcountFaultEntry[] = !parsed.ok
    ? parsed.problems.map(({ row, field, message, fault, params }) => ({
        row,
        question: field,
        message,
        fault,
        ...(params ? { params } : {}),
      }))
    : listed.map((entry) =>
        entry.question === "referenceDate"
          ? { ...entry, fault: "reference-date" }
          : entry.question === "unit_code" && unitOfRow.has(entry.row)
            ? { ...entry, fault: "unknown-unit", params: { unit: unitOfRow.get(entry.row) ?? "" } }
            : entry,
      );
  // The reference date is checked before the file: keep its fault first when there is one.
  const dateFault = listed.filter((entry) => entry.question === "referenceDate");
  return new ProblemError(refused.status, refused.problem, refused.title, refused.detail, {
    ...refused.extensions,
    errors: [
      ...dateFault.map((entry) => ({ ...entry, fault: "reference-date" })),
      ...errors.filter((entry) => entry.question !== "referenceDate"),
    ],
  });
}
