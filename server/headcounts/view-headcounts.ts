import { eq } from "drizzle-orm";
import type { HeadcountAuditSummary } from "../../analysis/headcount-release";
import { recordAudit } from "../auth/audit";
import { unitScopeOf } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import {
  type HeadcountReleaseAnswer,
  headcountReleaseSchema,
  JOB_LEVELS,
} from "../contract/headcount-schemas";
import type { Db } from "../db/open-database";
import { organisations, units } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { NotFoundError, ProblemError } from "../errors";
import {
  HEADCOUNT_K,
  headcountBasis,
  readStoredHeadcountRelease,
  sameBasis,
} from "./build-headcount-release";
import type { HeadcountBuildFailure } from "./headcount-release-queue";

/**
 * The audited headcount tables of an organisation for a reader: admins, and the organisation's
 * coordinators and evaluators (an evaluator of a unit sees that unit and the units below it).
 * Only the stored release is read, through its output schema; the view is audit-logged.
 */
export function viewHeadcounts({
  db,
  actor,
  organisationSlug,
  now,
  action = "headcounts.view",
  buildFailure = () => undefined,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  now: Date;
  action?: string;
  /** The failure of the organisation's last release build, if it failed (the build queue). */
  buildFailure?: (organisationId: string) => HeadcountBuildFailure | undefined;
}): HeadcountReleaseAnswer {
  const organisation = db
    .select()
    .from(organisations)
    .where(eq(organisations.slug, organisationSlug))
    .get();
  if (!organisation || (actor.role !== "admin" && actor.organisationId !== organisation.id)) {
    throw new NotFoundError(`There is no organisation "${organisationSlug}".`);
  }
  const basis = headcountBasis(db, organisation.id);
  if (basis.length === 0) {
    throw new ProblemError(
      404,
      "headcounts-not-found",
      "No headcounts yet",
      "No headcounts were imported for this organisation.",
    );
  }
  // Until the release of the latest import is stored, readers get the one before it (or empty
  // tables after a first import), marked as building, or as failed when its build failed.
  const stored = readStoredHeadcountRelease(db, organisation.id) ?? {
    builtAt: now.toISOString(),
    release: {
      k: HEADCOUNT_K,
      units: [],
      levels: [...JOB_LEVELS],
      dimensions: [],
      dates: [],
      audit: emptyAudit(),
      basis: [],
    },
  };
  const release = stored.release;
  const behind = !sameBasis(release.basis, basis);
  const failure = behind ? buildFailure(organisation.id) : undefined;
  const scope = unitScopeOf(db, actor);
  const named = new Map(
    db
      .select()
      .from(units)
      .where(eq(units.organisationId, organisation.id))
      .all()
      .map((unit) => [
        unit.id,
        { code: unit.code, name: { nl: unit.nameNl, fr: unit.nameFr, en: unit.nameEn } },
      ]),
  );
  named.set(organisation.id, {
    code: organisation.slug,
    name: { nl: organisation.nameNl, fr: organisation.nameFr, en: organisation.nameEn },
  });
  const visible = (unitId: string) => scope === null || scope.has(unitId);
  const answer = headcountReleaseSchema.parse({
    k: release.k,
    builtAt: stored.builtAt,
    building: behind && !failure,
    ...(failure ? { buildFailed: { failedAt: failure.failedAt } } : {}),
    units: release.units
      .filter((unit) => visible(unit.id))
      .map((unit) => ({
        ...unit,
        parentId: unit.parentId !== null && visible(unit.parentId) ? unit.parentId : null,
        ...(named.get(unit.id) ?? {
          code: unit.id,
          name: { nl: unit.id, fr: unit.id, en: unit.id },
        }),
      })),
    levels: release.levels,
    dimensions: release.dimensions,
    dates: release.dates.map((date) => ({
      referenceDate: date.referenceDate,
      cells: date.cells.filter((cell) => visible(cell.unitId)),
    })),
  });
  withTransaction(db, (tx) =>
    recordAudit(tx, {
      actor,
      action,
      target: organisationSlug,
      organisationId: organisation.id,
      at: now,
    }),
  );
  return answer;
}

function emptyAudit(): HeadcountAuditSummary {
  return {
    cells: 0,
    hiddenPrimary: 0,
    hiddenSecondary: 0,
    hiddenForChange: 0,
    hiddenProtected: 0,
    datesHiddenWhole: 0,
    lpSolves: 0,
    rounds: 0,
  };
}
