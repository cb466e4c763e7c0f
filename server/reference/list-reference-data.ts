import { and, eq, inArray } from "drizzle-orm";
import { unitScopeOf } from "../auth/scope";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { organisations, units } from "../db/schema";

/** The organisations a user works in, with their units (an evaluator of a subtree: that subtree). */
export function listOrganisations(db: Db, user: SessionUser) {
  const rows = db
    .select()
    .from(organisations)
    .where(user.role === "admin" ? undefined : eq(organisations.id, user.organisationId ?? ""))
    .orderBy(organisations.slug)
    .all();
  const scope = unitScopeOf(db, user);
  return rows.map((organisation) => ({
    id: organisation.id,
    slug: organisation.slug,
    name: { nl: organisation.nameNl, fr: organisation.nameFr, en: organisation.nameEn },
    units: db
      .select()
      .from(units)
      .where(
        scope === null
          ? eq(units.organisationId, organisation.id)
          : and(eq(units.organisationId, organisation.id), inArray(units.id, [...scope])),
      )
      .orderBy(units.code)
      .all()
      .map((unit) => ({
        id: unit.id,
        parentId: unit.parentId,
        code: unit.code,
        kind: unit.kind,
        name: { nl: unit.nameNl, fr: unit.nameFr, en: unit.nameEn },
        retired: unit.retiredAt !== null,
      })),
  }));
}
