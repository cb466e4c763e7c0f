import { eq } from "drizzle-orm";
import { DEFAULT_TARGET_SETS, headcountIndicators } from "../../analysis/headcount-indicators";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { organisations } from "../db/schema";
import { NotFoundError } from "../errors";
import { targetsOf } from "./headcount-targets";
import { viewHeadcounts } from "./view-headcounts";

/**
 * Indicators of one unit in the reader's scope (the organisation by default) against a default
 * target set or the organisation's own, computed from the released tables the reader may see and nothing else.
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
  /** A default set, or the organisation's own targets (the default set while it has none). */
  targets: keyof typeof DEFAULT_TARGET_SETS | "organisation";
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
    indicators: headcountIndicators(
      release,
      unit,
      targets === "organisation"
        ? organisationTargets(db, organisationSlug)
        : DEFAULT_TARGET_SETS[targets],
    ),
  };
}

function organisationTargets(db: Db, slug: string) {
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .get();
  if (!organisation) throw new NotFoundError(`There is no organisation "${slug}".`);
  return targetsOf(db, organisation.id).indicators;
}
