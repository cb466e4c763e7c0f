import type { Locale } from "../../i18n/locales";

type Json = Record<string, unknown>;

const isUnitPicker = (value: unknown) =>
  typeof value === "object" && value !== null && (value as Json).unitPicker === true;

/**
 * A questionnaire definition as a campaign's respondents get it: with an open link the unit
 * question lists the campaign's units (the server does the same); with invitation codes the
 * code sets the unit, so the question is left out.
 */
export function definitionForCampaign(
  definition: unknown,
  units: { id: string; name: Record<Locale, string> }[] | null,
): unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value
        .filter((item) => units !== null || !isUnitPicker(item))
        .map((item) =>
          isUnitPicker(item) && units
            ? { ...(item as Json), choices: units.map((u) => ({ value: u.id, text: u.name })) }
            : visit(item),
        );
    }
    if (typeof value !== "object" || value === null) return value;
    const copy: Json = { ...(value as Json) };
    for (const key of ["pages", "elements", "questions", "templateElements"]) {
      if (Array.isArray(copy[key])) copy[key] = visit(copy[key]);
    }
    return copy;
  };
  return visit(definition);
}
