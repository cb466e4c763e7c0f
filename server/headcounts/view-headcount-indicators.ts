import { DEFAULT_TARGET_SETS, headcountIndicators } from "../../analysis/headcount-indicators";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { NotFoundError } from "../errors";
import { viewHeadcounts } from "./view-headcounts";

/**
 * Indicators of one unit in the reader's scope (the organisation by default) against a default
 * target set, computed from the released tables the reader may see and nothing else.
 */
export function viewHeadcountIndicators({
  db,
  actor,
  organisationSlug,
  unitId,
  targets,
  now,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  unitId: string | undefined;
  targets: keyof typeof DEFAULT_TARGET_SETS;
  now: Date;
}) {
  const release = viewHeadcounts({
    db,
    actor,
    organisationSlug,
    now,
    action: "headcounts.indicators",
  });
  const unit = unitId ?? release.units.find((candidate) => candidate.parentId === null)?.id;
  if (unit === undefined || !release.units.some((candidate) => candidate.id === unit)) {
    throw new NotFoundError(`There is no unit "${unitId}" in scope.`);
  }
  return {
    unitId: unit,
    targets,
    indicators: headcountIndicators(release, unit, DEFAULT_TARGET_SETS[targets]),
  };
}
