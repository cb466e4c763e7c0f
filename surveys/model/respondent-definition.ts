import type { Locale, Localized } from "../../server/contract/locales";
import { lineage } from "../../server/contract/unit-tree";
import type { AccessMode } from "../../server/contract/vocabulary";
import { type Json, mapElements } from "./walk-questions";

/** A unit a campaign covers, as the unit question lists it. */
export interface UnitForForm {
  id: string;
  parentId: string | null;
  name: Localized;
}

/**
 * A questionnaire version as a campaign's respondents get it. With an open link the unit
 * question lists the campaign's units (fixed when the link names one of them); with invitation
 * codes the code sets the unit, so the question is left out. The respondent form
 * (server/respondent/get-campaign-form.ts) and the admin preview both come from here.
 */
export function respondentDefinition(
  definition: unknown,
  campaign: { accessMode: AccessMode; units: readonly UnitForForm[]; fixedUnit?: string },
): unknown {
  if (campaign.accessMode === "invitation-codes") {
    return mapElements(definition, (element) => (element.unitPicker === true ? null : element));
  }
  const choices = unitChoices(campaign.units);
  const fixed = campaign.units.some((unit) => unit.id === campaign.fixedUnit)
    ? campaign.fixedUnit
    : undefined;
  return mapElements(
    definition,
    (element): Json =>
      element.unitPicker === true
        ? { ...element, choices, ...(fixed ? { defaultValue: fixed, readOnly: true } : {}) }
        : element,
  );
}

/**
 * Units as choices, each labelled with its parents in the list ("Faculty › Department") so
 * that departments of different faculties are told apart; sorted by that label in Dutch order
 * in every language, so that a unit keeps its place when the respondent switches language.
 */
export function unitChoices(units: readonly UnitForForm[]): { value: string; text: Localized }[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const label = (unit: UnitForForm, locale: Locale): string =>
    lineage(unit.id, byId)
      .reverse()
      .map((id) => byId.get(id)?.name[locale])
      .join(" › ");
  return units
    .map((unit) => ({
      value: unit.id,
      text: { nl: label(unit, "nl"), fr: label(unit, "fr"), en: label(unit, "en") },
    }))
    .sort((a, b) => a.text.nl.localeCompare(b.text.nl, "nl"));
}
