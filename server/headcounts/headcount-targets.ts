import { asc, eq } from "drizzle-orm";
import { DEFAULT_TARGET_SETS, type IndicatorSpec } from "../../analysis/headcount-indicators";
import { recordAudit } from "../auth/audit";
import { canManageOrganisation } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import {
  type HeadcountTargetsAnswer,
  headcountTargetsInputSchema,
} from "../contract/headcount-view-schemas";
import type { Db } from "../db/open-database";
import { headcountTargets, organisations } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { NotFoundError } from "../errors";
import { parseInput } from "../http/parse-input";

/** The set that applies while an organisation has stored none. */
export const DEFAULT_TARGET_PRESET = "flanders-2020";

function organisationFor(db: Db, slug: string, may: (organisationId: string) => boolean) {
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .get();
  if (!organisation || !may(organisation.id)) {
    throw new NotFoundError(`There is no organisation "${slug}".`);
  }
  return organisation;
}

/** The stored indicators of an organisation in their order, or null when it chose none. */
export function storedTargets(db: Db, organisationId: string): IndicatorSpec[] | null {
  const rows = db
    .select()
    .from(headcountTargets)
    .where(eq(headcountTargets.organisationId, organisationId))
    .orderBy(asc(headcountTargets.position))
    .all();
  if (rows.length === 0) return null;
  return rows.map((row) => ({
    key: row.indicatorKey,
    dimension: row.dimension,
    value: row.value,
    level: row.jobLevel,
    ...(row.target === null ? {} : { target: row.target }),
  }));
}

/** The indicators that apply to an organisation: its own, else the default set. */
export function targetsOf(db: Db, organisationId: string): HeadcountTargetsAnswer {
  const stored = storedTargets(db, organisationId);
  return {
    stored: stored !== null,
    indicators: stored ?? DEFAULT_TARGET_SETS[DEFAULT_TARGET_PRESET],
  };
}

/** GET …/headcounts/targets: admins and the organisation's staff (targets are not figures). */
export function getHeadcountTargets({
  db,
  actor,
  organisationSlug,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
}): HeadcountTargetsAnswer {
  const organisation = organisationFor(
    db,
    organisationSlug,
    (id) => actor.role === "admin" || actor.organisationId === id,
  );
  return targetsOf(db, organisation.id);
}

/**
 * Sets an organisation's targets (admins, its coordinators): a default set as it is, or every
 * indicator with its target. Replaces what was stored; audit-logged with the new set.
 */
export function setHeadcountTargets({
  db,
  actor,
  organisationSlug,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  input: unknown;
  now: Date;
}): HeadcountTargetsAnswer {
  const organisation = organisationFor(db, organisationSlug, (id) =>
    canManageOrganisation(actor, id),
  );
  const parsed = parseInput(headcountTargetsInputSchema, input);
  const indicators: IndicatorSpec[] =
    "preset" in parsed
      ? DEFAULT_TARGET_SETS[parsed.preset]
      : parsed.indicators.map(({ target, ...spec }) => ({
          ...spec,
          ...(target === null ? {} : { target }),
        }));
  withTransaction(db, (tx) => {
    tx.delete(headcountTargets).where(eq(headcountTargets.organisationId, organisation.id)).run();
    tx.insert(headcountTargets)
      .values(
        indicators.map((spec, position) => ({
          organisationId: organisation.id,
          indicatorKey: spec.key,
          dimension: spec.dimension,
          value: spec.value,
          jobLevel: spec.level,
          target: spec.target ?? null,
          position,
        })),
      )
      .run();
    recordAudit(tx, {
      actor,
      action: "headcounts.targets",
      target: organisationSlug,
      organisationId: organisation.id,
      detail: {
        ...("preset" in parsed ? { preset: parsed.preset } : {}),
        targets: Object.fromEntries(indicators.map((spec) => [spec.key, spec.target ?? null])),
      },
      at: now,
    });
  });
  return { stored: true, indicators };
}
