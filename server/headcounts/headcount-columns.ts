import type { Locale } from "../contract/locales";

/**
 * The fixed columns of a headcount file as each language's template names them. The importer
 * reads every language's names (a Dutch file sent by a French-speaking HR office still imports)
 * and works with the English ones; an organisation's own `dimension.value` columns keep theirs.
 */
export const HEADCOUNT_COLUMN_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    unit_code: "unit_code",
    job_level: "job_level",
    total: "total",
    "gender.woman": "gender.woman",
    "gender.man": "gender.man",
    "gender.x": "gender.x",
    "foreign_origin.yes": "foreign_origin.yes",
    "foreign_origin.no": "foreign_origin.no",
    "foreign_origin.unknown": "foreign_origin.unknown",
    "disability.yes": "disability.yes",
    "disability.no": "disability.no",
    "disability.unknown": "disability.unknown",
  },
  nl: {
    unit_code: "eenheidscode",
    job_level: "functieniveau",
    total: "totaal",
    "gender.woman": "gender.vrouw",
    "gender.man": "gender.man",
    "gender.x": "gender.x",
    "foreign_origin.yes": "buitenlandse_herkomst.ja",
    "foreign_origin.no": "buitenlandse_herkomst.nee",
    "foreign_origin.unknown": "buitenlandse_herkomst.onbekend",
    "disability.yes": "handicap.ja",
    "disability.no": "handicap.nee",
    "disability.unknown": "handicap.onbekend",
  },
  fr: {
    unit_code: "code_unité",
    job_level: "niveau_de_fonction",
    total: "total",
    "gender.woman": "genre.femme",
    "gender.man": "genre.homme",
    "gender.x": "genre.x",
    "foreign_origin.yes": "origine_étrangère.oui",
    "foreign_origin.no": "origine_étrangère.non",
    "foreign_origin.unknown": "origine_étrangère.inconnu",
    "disability.yes": "handicap.oui",
    "disability.no": "handicap.non",
    "disability.unknown": "handicap.inconnu",
  },
};

/** Every language's name of a fixed column (normalised as read), to its English name. */
const CANONICAL = new Map<string, string>(
  Object.values(HEADCOUNT_COLUMN_NAMES).flatMap((names) =>
    Object.entries(names).map(([english, local]) => [local, english] as [string, string]),
  ),
);

/** A normalised column name as the importer works with it: English for the fixed columns. */
export function canonicalHeadcountColumn(normalised: string): string {
  return CANONICAL.get(normalised) ?? normalised;
}
