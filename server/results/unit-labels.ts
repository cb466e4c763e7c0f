import { eq } from "drizzle-orm";
import { LOCALES, type Locale } from "../contract/locales";
import { campaignUnitsWithAncestors } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import { organisations } from "../db/schema";
import type { UnitLabel } from "./release-csv";

/** Exports are offered in every language. */
export const EXPORT_LOCALES = LOCALES;
export type ExportLocale = Locale;

/**
 * Codes and names of a campaign's units (and of the organisation, the release's root group) in
 * one language, so exports read "LAW, Faculty of Law" rather than an internal id. Past draft,
 * the names are those the campaign was opened with, whatever the units were renamed to since.
 */
export function unitLabels(
  db: Db,
  campaign: { id: string; organisationId: string },
  locale: ExportLocale,
): UnitLabel {
  const organisationId = campaign.organisationId;
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
  for (const unit of campaignUnitsWithAncestors(db, campaign.id)) {
    labels.set(unit.id, { code: unit.code, name: unit.name[locale] });
  }
  return (unitId) => labels.get(unitId) ?? { code: unitId, name: "" };
}

/**
 * The names of a campaign's units (and of the organisation, the release's root group) in every
 * language, as `unitLabels` gives them to the exports: the results screen shows the same names.
 */
export function unitNames(
  db: Db,
  campaign: { id: string; organisationId: string },
): Map<string, Record<Locale, string>> {
  const names = new Map<string, Record<Locale, string>>();
  const organisation = db
    .select()
    .from(organisations)
    .where(eq(organisations.id, campaign.organisationId))
    .get();
  if (organisation) {
    names.set(organisation.id, {
      nl: organisation.nameNl,
      fr: organisation.nameFr,
      en: organisation.nameEn,
    });
  }
  for (const unit of campaignUnitsWithAncestors(db, campaign.id)) names.set(unit.id, unit.name);
  return names;
}
