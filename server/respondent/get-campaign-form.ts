import type { Db } from "../db/open-database";
import {
  assertCampaignOpen,
  type CampaignForRespondent,
  loadCampaign,
  type UnitInScope,
  unitsInScope,
} from "./load-campaign";

/**
 * The form a respondent fills: the questionnaire version with the unit question's choices
 * set to the campaign's units in scope (and fixed when the link names a unit in scope). In
 * invitation-codes mode the unit question is left out: the unit is the code's.
 */
export function getCampaignForm({
  db,
  slug,
  unitFromLink,
  now,
}: {
  db: Db;
  slug: string;
  unitFromLink?: string;
  now: Date;
}) {
  const campaign = loadCampaign(db, slug);
  assertCampaignOpen(campaign, now);
  if (campaign.accessMode === "invitation-codes") {
    return formAnswer(campaign, withoutUnitPicker(campaign.questionnaire.definition));
  }
  const units = unitsInScope(db, campaign.id);
  const unitChoices = unitChoicesWithParents(units);
  const fixedUnit = units.some((u) => u.id === unitFromLink) ? unitFromLink : undefined;
  const definition = mapQuestions(campaign.questionnaire.definition, (question) =>
    question.unitPicker === true
      ? {
          ...question,
          choices: unitChoices,
          ...(fixedUnit ? { defaultValue: fixedUnit, readOnly: true } : {}),
        }
      : question,
  );
  return formAnswer(campaign, definition);
}

function formAnswer(campaign: CampaignForRespondent, definition: unknown) {
  return {
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      locales: campaign.locales,
      minCellSize: campaign.minCellSize,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      accessMode: campaign.accessMode,
    },
    questionnaire: { ...campaign.questionnaire, definition },
  };
}

/** A copy of a SurveyJS definition without its unit question. */
function withoutUnitPicker(definition: unknown): unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value
        .filter((item) => !(typeof item === "object" && item !== null && item.unitPicker === true))
        .map(visit);
    }
    if (typeof value !== "object" || value === null) return value;
    const copy: Json = { ...(value as Json) };
    for (const key of ["pages", "elements", "questions"]) {
      if (Array.isArray(copy[key])) copy[key] = visit(copy[key]);
    }
    return copy;
  };
  return visit(definition);
}

/**
 * Units as choices, each labelled with its parent in scope ("Faculty › Department") so that
 * departments of different faculties are told apart; sorted by that label in Dutch order.
 */
function unitChoicesWithParents(units: UnitInScope[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const label = (unit: UnitInScope, locale: keyof UnitInScope["name"]): string => {
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    return parent ? `${label(parent, locale)} › ${unit.name[locale]}` : unit.name[locale];
  };
  return units
    .map((unit) => ({
      value: unit.id,
      text: { nl: label(unit, "nl"), fr: label(unit, "fr"), en: label(unit, "en") },
    }))
    .sort((a, b) => a.text.nl.localeCompare(b.text.nl, "nl"));
}

type Json = Record<string, unknown>;

/** A copy of a SurveyJS definition with `change` applied to every element, recursively. */
function mapQuestions(definition: unknown, change: (element: Json) => Json): unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== "object" || value === null) return value;
    const element = value as Json;
    const copy: Json = { ...element };
    for (const key of ["pages", "elements", "questions"]) {
      if (Array.isArray(element[key])) copy[key] = (element[key] as unknown[]).map(visit);
    }
    return typeof element.type === "string" ? change(copy) : copy;
  };
  return visit(definition);
}
