import type { Locale } from "./locales";

/** Names of job levels, categories and the default indicators, for screens and exports. */
export interface HeadcountLabels {
  levels: Record<string, string>;
  dimensions: Record<string, string>;
  /** By `dimension.value`. */
  values: Record<string, string>;
  /** By indicator key (analysis/headcount-indicators.ts DEFAULT_TARGET_SETS). */
  indicators: Record<string, string>;
}

export const HEADCOUNT_LABELS: Record<Locale, HeadcountLabels> = {
  nl: {
    dimensions: {
      gender: "Gender",
      foreign_origin: "Buitenlandse herkomst",
      disability: "Handicap of chronische ziekte",
    },
    values: {
      "gender.woman": "Vrouw",
      "gender.man": "Man",
      "gender.x": "X",
      "foreign_origin.yes": "Ja",
      "foreign_origin.no": "Nee",
      "foreign_origin.unknown": "Onbekend",
      "disability.yes": "Ja",
      "disability.no": "Nee",
      "disability.unknown": "Onbekend",
    },
    levels: {
      top: "Topkader",
      middle: "Middenkader",
      higher: "Hoger",
      intermediate: "Midden",
      support: "Ondersteunend",
    },
    indicators: {
      "foreign-origin": "Personeel van buitenlandse herkomst",
      disability: "Personeel met een handicap of chronische ziekte",
      "women-middle": "Vrouwen in het middenkader",
      "women-top": "Vrouwen in het topkader",
    },
  },
  fr: {
    dimensions: {
      gender: "Genre",
      foreign_origin: "Origine étrangère",
      disability: "Handicap ou maladie chronique",
    },
    values: {
      "gender.woman": "Femme",
      "gender.man": "Homme",
      "gender.x": "X",
      "foreign_origin.yes": "Oui",
      "foreign_origin.no": "Non",
      "foreign_origin.unknown": "Inconnu",
      "disability.yes": "Oui",
      "disability.no": "Non",
      "disability.unknown": "Inconnu",
    },
    levels: {
      top: "Direction",
      middle: "Cadre moyen",
      higher: "Supérieur",
      intermediate: "Intermédiaire",
      support: "Appui",
    },
    indicators: {
      "foreign-origin": "Personnel d'origine étrangère",
      disability: "Personnel avec un handicap ou une maladie chronique",
      "women-middle": "Femmes dans le cadre moyen",
      "women-top": "Femmes à la direction",
    },
  },
  en: {
    dimensions: {
      gender: "Gender",
      foreign_origin: "Foreign origin",
      disability: "Disability or chronic illness",
    },
    values: {
      "gender.woman": "Woman",
      "gender.man": "Man",
      "gender.x": "X",
      "foreign_origin.yes": "Yes",
      "foreign_origin.no": "No",
      "foreign_origin.unknown": "Unknown",
      "disability.yes": "Yes",
      "disability.no": "No",
      "disability.unknown": "Unknown",
    },
    levels: {
      top: "Top management",
      middle: "Middle management",
      higher: "Higher",
      intermediate: "Intermediate",
      support: "Support",
    },
    indicators: {
      "foreign-origin": "Staff of foreign origin",
      disability: "Staff with a disability or chronic illness",
      "women-middle": "Women in middle management",
      "women-top": "Women in top management",
    },
  },
};
