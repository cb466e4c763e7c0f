import type { HeadcountRelease } from "../../../analysis/headcount-release";
import type { Release } from "../../../analysis/release-types";
import { type AuditFindings, auditSystem } from "./audit-release";
import { headcountSystem } from "./headcount-attack";
import type { AuditCell, ReleaseSystem } from "./release-system";
import { releaseSystem } from "./release-system";

/**
 * An attacker holding a survey release and the headcount tables of its reference date writes
 * both systems down (release-system.ts, headcount-attack.ts: from the published tables alone, no
 * code of the suppressor) and joins them: for every unit in both, its respondents are at most
 * its staff (staff = respondents + slack, slack ≥ 0). Hidden staff totals join as unknowns, so
 * whatever the headcount tables bound them to (a published range, a parent minus its other
 * parts) caps the respondents too. Returns what this finds among the survey's groups.
 */
export function attackSurveyWithHeadcounts(
  survey: Release,
  headcounts: HeadcountRelease,
  referenceDate: string,
): Omit<AuditFindings, "organisationOnlyBroken"> {
  const own = releaseSystem(survey);
  const date = headcounts.dates.findIndex((d) => d.referenceDate === referenceDate);
  if (date < 0) throw new Error(`Auditor: no headcount date ${referenceDate}`);
  const staff = headcountSystem(headcounts, date);
  const offset = own.cells.length;
  const cells: AuditCell[] = [
    ...own.cells,
    ...staff.cells.map((cell) => ({ ...cell, id: `staff ${cell.id}` })),
  ];
  const equations: ReleaseSystem["equations"] = [
    ...own.equations,
    ...staff.equations.map((equation) => ({
      cells: equation.cells.map((cell) => cell + offset),
      coefficients: equation.coefficients,
    })),
  ];
  const staffTotal = new Map<string, number>();
  staff.cells.forEach((cell, index) => {
    const [unitId, part, level, dimension] = JSON.parse(cell.id) as (string | null)[];
    if (part === "all" && level === null && dimension === null)
      staffTotal.set(unitId as string, offset + index);
  });
  survey.groups.forEach((group, index) => {
    const total = staffTotal.get(group.unitId);
    if (group.part !== "all" || group.filters.length > 0 || total === undefined) return;
    const slack = cells.length;
    cells.push({
      id: `slack ${group.unitId}`,
      value: null,
      reason: "unanimity",
      cap: Number.POSITIVE_INFINITY,
      splitsPrimary: false,
    });
    equations.push({ cells: [total, index, slack], coefficients: [1, -1, -1] });
  });
  const findings = auditSystem({ k: survey.k, cells, equations });
  const groups = new Set(survey.groups.map((group) => group.id));
  return {
    publishedSmall: findings.publishedSmall.filter((id) => groups.has(id)),
    recoverable: findings.recoverable.filter(({ groupId }) => groups.has(groupId)),
    narrow: findings.narrow.filter(({ groupId }) => groups.has(groupId)),
  };
}
