import type { INTERIM_RESULT_ROLES, Role } from "../contract/vocabulary";
import { ProblemError } from "../errors";
import { isInterim } from "./campaign-status";

/**
 * Phased access: while a campaign is open, only admins and the roles the campaign names see
 * its interim results (and its participation, which comes from the same release); everyone
 * else gets them at close. Returns whether what is read is an interim release.
 */
/** The roles besides admins that may read interim results of a campaign while it is open. */
export function interimResultRoles(row: {
  interimResultRoles: string;
}): (typeof INTERIM_RESULT_ROLES)[number][] {
  return row.interimResultRoles === ""
    ? []
    : (row.interimResultRoles.split(",") as (typeof INTERIM_RESULT_ROLES)[number][]);
}

export function assertMayReadResults(
  campaign: {
    status: "draft" | "open" | "closed" | "archived";
    closesAt: string;
    interimResultRoles: string;
  },
  role: Role,
  now: Date,
): boolean {
  const interim = isInterim(campaign, now);
  if (interim && role !== "admin" && !(interimResultRoles(campaign) as string[]).includes(role)) {
    throw new ProblemError(
      403,
      "results-at-close",
      "Results open at close",
      "This campaign shows its results when it closes; while it is open only the roles it names see interim results.",
    );
  }
  return interim;
}
