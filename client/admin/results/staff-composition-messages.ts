import type { Locale } from "../../i18n/locales";

/** Texts of the respondents-against-staff table on the results screen. */
export interface StaffCompositionMessages {
  title: string;
  intro: (date: string) => string;
  caption: (unit: string, date: string) => string;
  groupColumn: string;
  respondentsColumn: string;
  staffColumn: string;
  differenceColumn: string;
  /** A difference in percentage points, its number already signed and formatted. */
  points: (n: string) => string;
  /** After the difference of an under-represented group (its screen-reader text as well). */
  underRepresented: string;
  ruleHint: string;
  /** The survey's figures for this category are hidden (or not published) for the unit. */
  resultsHidden: string;
  /** The headcount release hides a figure needed for the unit. */
  staffHidden: string;
  nobody: string;
  /** The chosen unit is not compared (respondents and staff are not the same people). */
  notCompared: string;
  download: string;
  downloadForAnalysis: string;
}

export const STAFF_COMPOSITION_MESSAGES: Record<Locale, StaffCompositionMessages> = {
  nl: {
    title: "Respondenten en personeel",
    intro: (date) =>
      `Aandeel van elke groep onder de respondenten tegenover het personeel op ${date}, telkens onder wie het gegeven bekend is ("zeg ik liever niet", geen antwoord en "onbekend" tellen niet mee). Alleen uit cijfers die beide publicaties tonen; migratieachtergrond geldt als buitenlandse herkomst.`,
    caption: (unit, date) => `Samenstelling van respondenten en personeel: ${unit}, ${date}`,
    groupColumn: "Groep",
    respondentsColumn: "Respondenten",
    staffColumn: "Personeel",
    differenceColumn: "Verschil",
    points: (n) => `${n} %-punt`,
    underRepresented: "te weinig vertegenwoordigd",
    ruleHint:
      "Te weinig vertegenwoordigd: het aandeel onder de respondenten is kleiner dan vier vijfde van het aandeel onder het personeel.",
    resultsHidden: "verborgen in de resultaten",
    staffHidden: "verborgen in de personeelsaantallen",
    nobody: "niemand met een bekend gegeven",
    notCompared:
      "Voor deze eenheid is er geen vergelijking: de bevraging omvat niet al haar personeel, of haar eenheden zijn sindsdien veranderd.",
    download: "Alle eenheden downloaden (CSV voor Excel)",
    downloadForAnalysis:
      "Alle eenheden downloaden (CSV voor analyse: codes, aantallen en aandelen)",
  },
  fr: {
    title: "Répondants et personnel",
    intro: (date) =>
      `Part de chaque groupe parmi les répondants face au personnel au ${date}, chaque fois parmi les personnes dont la donnée est connue (« je préfère ne pas répondre », pas de réponse et « inconnu » ne comptent pas). Uniquement à partir de chiffres que les deux publications montrent ; l'origine migratoire compte comme origine étrangère.`,
    caption: (unit, date) => `Composition des répondants et du personnel : ${unit}, ${date}`,
    groupColumn: "Groupe",
    respondentsColumn: "Répondants",
    staffColumn: "Personnel",
    differenceColumn: "Écart",
    points: (n) => `${n} points`,
    underRepresented: "sous-représenté",
    ruleHint:
      "Sous-représenté : la part parmi les répondants est inférieure aux quatre cinquièmes de la part parmi le personnel.",
    resultsHidden: "masqué dans les résultats",
    staffHidden: "masqué dans les effectifs",
    nobody: "personne dont la donnée est connue",
    notCompared:
      "Pas de comparaison pour cette unité : l'enquête ne couvre pas tout son personnel, ou ses unités ont changé depuis.",
    download: "Télécharger toutes les unités (CSV pour Excel)",
    downloadForAnalysis:
      "Télécharger toutes les unités (CSV pour l'analyse : codes, effectifs et parts)",
  },
  en: {
    title: "Respondents and staff",
    intro: (date) =>
      `Each group's share among respondents against its share among staff on ${date}, each among those whose value is known ("prefer not to say", no answer and "unknown" are left out). Only from figures both releases show; migration background counts as foreign origin.`,
    caption: (unit, date) => `Composition of respondents and staff: ${unit}, ${date}`,
    groupColumn: "Group",
    respondentsColumn: "Respondents",
    staffColumn: "Staff",
    differenceColumn: "Difference",
    points: (n) => `${n} points`,
    underRepresented: "under-represented",
    ruleHint:
      "Under-represented: the share among respondents is below four fifths of the share among staff.",
    resultsHidden: "hidden in the results",
    staffHidden: "hidden in the headcounts",
    nobody: "nobody whose value is known",
    notCompared:
      "No comparison for this unit: the survey does not cover all of its staff, or its units changed since.",
    download: "Download every unit (CSV for Excel)",
    downloadForAnalysis: "Download every unit (CSV for analysis: codes, counts and shares)",
  },
};
