import { eq } from "drizzle-orm";
import { LOCALES, type Locale } from "../contract/locales";
import type { Db } from "../db/open-database";
import { organisations, units } from "../db/schema";
import type { UnitLabel } from "./release-csv";

/** Exports are offered in every language. */
export const EXPORT_LOCALES = LOCALES;
export type ExportLocale = Locale;

/**
 * Codes and names of an organisation's units (and of the organisation, the release's root
 * group) in one language, so exports read "LAW, Faculty of Law" rather than an internal id.
 */
export function unitLabels(db: Db, organisationId: string, locale: ExportLocale): UnitLabel {
  const nameColumn = { nl: "nameNl", fr: "nameFr", en: "nameEn" } as const;
  const labels = new Map<string, { code: string; name: string }>();
  const organisation = db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  if (organisation) {
    labels.set(organisation.id, {
      code: organisation.slug,
      name: organisation[nameColumn[locale]],
    });
  }
  for (const unit of db
    .select()
    .from(units)
    .where(eq(units.organisationId, organisationId))
    .all()) {
    labels.set(unit.id, { code: unit.code, name: unit[nameColumn[locale]] });
  }
  return (unitId) => labels.get(unitId) ?? { code: unitId, name: "" };
}
