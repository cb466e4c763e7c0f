import type { HiddenReason } from "../../analysis/release-types";
import type { Locale } from "../contract/locales";

/** Texts of the headcount exports for people (CSV for Excel, XLSX) in the reader's language. */
export interface HeadcountExportMessages {
  columns: {
    referenceDate: string;
    unit: string;
    unitCode: string;
    part: string;
    level: string;
    category: string;
    value: string;
    count: string;
    indicator: string;
    staff: string;
    share: string;
    change: string;
    target: string;
    distance: string;
    people: string;
  };
  partAll: string;
  partDirect: string;
  allLevels: string;
  total: string;
  hidden: (reason: HiddenReason, k: number) => string;
  tablesSheet: string;
  indicatorsSheet: string;
  aboutSheet: string;
  about: (organisation: string, builtAt: string, k: number) => string[];
}

const SYMBOLS: Record<HiddenReason, string> = {
  primary: "◌",
  secondary: "◍",
  unanimity: "≡",
  protected: "◇",
};

export const HEADCOUNT_EXPORT_MESSAGES: Record<Locale, HeadcountExportMessages> = {
  nl: {
    columns: {
      referenceDate: "Peildatum",
      unit: "Eenheid",
      unitCode: "Code eenheid",
      part: "Welk personeel",
      level: "Functieniveau",
      category: "Categorie",
      value: "Waarde",
      count: "Aantal",
      indicator: "Indicator",
      staff: "Personeel",
      share: "Aandeel (%)",
      change: "Verschil met vorige (procentpunt)",
      target: "Streefcijfer (%)",
      distance: "Afstand tot streefcijfer (procentpunt)",
      people: "Personen nodig",
    },
    partAll: "hele eenheid",
    partDirect: "rechtstreeks in de eenheid",
    allLevels: "alle niveaus",
    total: "totaal",
    hidden: (reason, k) =>
      `${SYMBOLS[reason]} verborgen: ${reason === "primary" ? `minder dan ${k}` : "beschermt anderen"}`,
    tablesSheet: "tabellen",
    indicatorsSheet: "indicatoren",
    aboutSheet: "over",
    about: (organisation, builtAt, k) => [
      `Personeelscijfers van ${organisation}, vrijgegeven op ${builtAt}.`,
      `Groepen van 1 tot ${k - 1} personen zijn verborgen, nooit als 0 getoond; andere cellen zijn verborgen zodat zo'n groep niet af te leiden is, ook niet uit het verschil tussen twee peildata.`,
      "Alleen vrijgegeven cijfers staan in dit bestand.",
    ],
  },
  fr: {
    columns: {
      referenceDate: "Date de référence",
      unit: "Unité",
      unitCode: "Code unité",
      part: "Quel personnel",
      level: "Niveau de fonction",
      category: "Catégorie",
      value: "Valeur",
      count: "Nombre",
      indicator: "Indicateur",
      staff: "Personnel",
      share: "Part (%)",
      change: "Écart avec la précédente (points)",
      target: "Objectif (%)",
      distance: "Distance à l'objectif (points)",
      people: "Personnes nécessaires",
    },
    partAll: "unité entière",
    partDirect: "directement dans l'unité",
    allLevels: "tous niveaux",
    total: "total",
    hidden: (reason, k) =>
      `${SYMBOLS[reason]} masqué : ${reason === "primary" ? `moins de ${k}` : "protège d'autres personnes"}`,
    tablesSheet: "tableaux",
    indicatorsSheet: "indicateurs",
    aboutSheet: "à propos",
    about: (organisation, builtAt, k) => [
      `Effectifs de ${organisation}, publiés le ${builtAt}.`,
      `Les groupes de 1 à ${k - 1} personnes sont masqués, jamais affichés comme 0 ; d'autres cellules sont masquées pour qu'un tel groupe ne puisse être déduit, même de la différence entre deux dates.`,
      "Ce fichier ne contient que des chiffres publiés.",
    ],
  },
  en: {
    columns: {
      referenceDate: "Reference date",
      unit: "Unit",
      unitCode: "Unit code",
      part: "Which staff",
      level: "Job level",
      category: "Category",
      value: "Value",
      count: "Count",
      indicator: "Indicator",
      staff: "Staff",
      share: "Share (%)",
      change: "Change from previous (points)",
      target: "Target (%)",
      distance: "Distance to target (points)",
      people: "People needed",
    },
    partAll: "whole unit",
    partDirect: "directly in the unit",
    allLevels: "all levels",
    total: "total",
    hidden: (reason, k) =>
      `${SYMBOLS[reason]} hidden: ${reason === "primary" ? `fewer than ${k}` : "protects others"}`,
    tablesSheet: "tables",
    indicatorsSheet: "indicators",
    aboutSheet: "about",
    about: (organisation, builtAt, k) => [
      `Headcounts of ${organisation}, released on ${builtAt}.`,
      `Groups of 1 to ${k - 1} people are hidden, never shown as 0; other cells are hidden so that such a group cannot be worked out, not even from the difference between two dates.`,
      "Only released figures are in this file.",
    ],
  },
};
