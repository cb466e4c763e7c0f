import type { SessionUser } from "../auth/sessions";
import type { UnitTreeAnswer } from "../contract/organisation-schemas";
import type { Db } from "../db/open-database";
import { manageableOrganisation, storedUnits, unitsInOpenedCampaigns } from "./unit-tree-store";

/**
 * An organisation and its whole unit tree for the people who manage it (admins, its
 * coordinators): retired units too, with headcounts and whether an opened campaign uses them.
 */
export function getUnitTree(db: Db, actor: SessionUser, slug: string): UnitTreeAnswer {
  const organisation = manageableOrganisation(db, actor, slug);
  const used = unitsInOpenedCampaigns(db, organisation.id);
  const stored = storedUnits(db, organisation.id);
  const idOf = new Map(stored.map((unit) => [unit.code, unit.id]));
  return {
    organisation: {
      id: organisation.id,
      slug: organisation.slug,
      name: { nl: organisation.nameNl, fr: organisation.nameFr, en: organisation.nameEn },
    },
    units: stored.map((unit) => ({
      id: unit.id,
      code: unit.code,
      parentId: unit.parentCode === null ? null : (idOf.get(unit.parentCode) ?? null),
      kind: unit.kind,
      name: unit.name,
      headcount: unit.headcount,
      retired: unit.retired,
      inUse: used.has(unit.id),
    })),
  };
}
