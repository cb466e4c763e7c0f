import type { GroupComparison, NotCompared, Verdict } from "../contract/comparison-schema";
import type { ExportLocale } from "./unit-labels";

/** The texts of a comparison's exports for people, in the reader's language. */
export interface ComparisonMessages {
  columns: {
    measure: string;
    from: string;
    to: string;
    population: string;
    nFrom: string;
    nTo: string;
    valueFrom: string;
    valueTo: string;
    change: string;
    ciLow: string;
    ciHigh: string;
    p: string;
    pAdjusted: string;
    verdict: string;
  };
  measureFavourable: string;
  measureMean: string;
  measureOption: (answer: string) => string;
  verdict: Record<Verdict, string>;
  notCompared: (why: NotCompared, wave: (index: number) => string, hidden: string) => string;
  /** How a group's unit came from the earlier wave's (named) units; empty when unchanged. */
  population: (step: GroupComparison["population"][number], earlier: string[]) => string;
  sheet: string;
  campaigns: string;
  reading: string[];
}

const nl: ComparisonMessages = {
  columns: {
    measure: "Maat",
    from: "Van",
    to: "Naar",
    population: "Populatie",
    nFrom: "Respondenten (van)",
    nTo: "Respondenten (naar)",
    valueFrom: "Waarde (van)",
    valueTo: "Waarde (naar)",
    change: "Verschil",
    ciLow: "95%-interval, onder",
    ciHigh: "95%-interval, boven",
    p: "p",
    pAdjusted: "p na Holm-correctie",
    verdict: "Oordeel",
  },
  measureFavourable: "Akkoord, hoogste 2 (%)",
  measureMean: "Gemiddelde",
  measureOption: (answer) => `Antwoord: ${answer} (%)`,
  verdict: {
    "clearly-better": "duidelijk beter",
    "clearly-worse": "duidelijk slechter",
    "clearly-higher": "duidelijk hoger",
    "clearly-lower": "duidelijk lager",
    "no-clear-change": "geen duidelijke verandering",
    "too-few-answers": "te weinig antwoorden om iets te zeggen",
  },
  population: (step, earlier) =>
    step.change === "renamed"
      ? `hernoemd, was: ${earlier.join(", ")}`
      : step.change === "merged"
        ? `samengevoegd: som van ${earlier.join(" + ")}`
        : step.change === "split"
          ? `niet dezelfde populatie (deel van ${earlier.join(" + ")})`
          : step.change === "new"
            ? "nieuw"
            : "",
  notCompared: (why, wave, hidden) =>
    why.why === "hidden"
      ? `niet vergeleken: in ${wave(why.wave)} ${hidden}`
      : why.why === "absent"
        ? why.of === "table"
          ? `niet vergeleken: ${wave(why.wave)} had deze uitsplitsing niet`
          : `niet vergeleken: ${why.of === "group" ? "de groep" : "de vraag"} bestond niet in ${wave(why.wave)}`
        : why.why === "scale-changed"
          ? "niet vergeleken: de antwoordschaal is veranderd"
          : why.why === "options-changed"
            ? "niet vergeleken: de antwoordmogelijkheden zijn veranderd"
            : "niet vergeleken: het soort vraag is veranderd",
  sheet: "vergelijking",
  campaigns: "Vergeleken bevragingen",
  reading: [
    "Elk cijfer komt uit de gecontroleerde resultaten van een bevraging; een verschil is het verschil van twee getoonde cijfers.",
    "'Duidelijk' betekent: na correctie voor het aantal vergelijkingen per groep (methode van Holm) is de kans op zo'n verschil zonder echte verandering kleiner dan 5%. Het 95%-interval is niet gecorrigeerd.",
    "Een verborgen groep of vraag wordt niet vergeleken; de reden staat erbij.",
  ],
};

const fr: ComparisonMessages = {
  columns: {
    measure: "Mesure",
    from: "De",
    to: "À",
    population: "Population",
    nFrom: "Répondants (de)",
    nTo: "Répondants (à)",
    valueFrom: "Valeur (de)",
    valueTo: "Valeur (à)",
    change: "Différence",
    ciLow: "Intervalle 95 %, bas",
    ciHigh: "Intervalle 95 %, haut",
    p: "p",
    pAdjusted: "p après correction de Holm",
    verdict: "Verdict",
  },
  measureFavourable: "D'accord, 2 plus hautes (%)",
  measureMean: "Moyenne",
  measureOption: (answer) => `Réponse : ${answer} (%)`,
  verdict: {
    "clearly-better": "nettement mieux",
    "clearly-worse": "nettement moins bien",
    "clearly-higher": "nettement plus élevé",
    "clearly-lower": "nettement plus bas",
    "no-clear-change": "pas de changement net",
    "too-few-answers": "trop peu de réponses pour conclure",
  },
  population: (step, earlier) =>
    step.change === "renamed"
      ? `renommée, anciennement : ${earlier.join(", ")}`
      : step.change === "merged"
        ? `fusionnée : somme de ${earlier.join(" + ")}`
        : step.change === "split"
          ? `pas la même population (partie de ${earlier.join(" + ")})`
          : step.change === "new"
            ? "nouvelle"
            : "",
  notCompared: (why, wave, hidden) =>
    why.why === "hidden"
      ? `non comparé : dans ${wave(why.wave)}, ${hidden}`
      : why.why === "absent"
        ? why.of === "table"
          ? `non comparé : ${wave(why.wave)} n'avait pas cette ventilation`
          : `non comparé : ${why.of === "group" ? "le groupe" : "la question"} n'existait pas dans ${wave(why.wave)}`
        : why.why === "scale-changed"
          ? "non comparé : l'échelle de réponse a changé"
          : why.why === "options-changed"
            ? "non comparé : les choix de réponse ont changé"
            : "non comparé : le type de question a changé",
  sheet: "comparaison",
  campaigns: "Enquêtes comparées",
  reading: [
    "Chaque chiffre vient des résultats vérifiés d'une enquête ; une différence est celle de deux chiffres publiés.",
    "« Nettement » signifie : après correction pour le nombre de comparaisons par groupe (méthode de Holm), la probabilité d'une telle différence sans changement réel est inférieure à 5 %. L'intervalle à 95 % n'est pas corrigé.",
    "Un groupe ou une question masqué n'est pas comparé ; la raison est indiquée.",
  ],
};

const en: ComparisonMessages = {
  columns: {
    measure: "Measure",
    from: "From",
    to: "To",
    population: "Population",
    nFrom: "Respondents (from)",
    nTo: "Respondents (to)",
    valueFrom: "Value (from)",
    valueTo: "Value (to)",
    change: "Change",
    ciLow: "95% interval, low",
    ciHigh: "95% interval, high",
    p: "p",
    pAdjusted: "p after Holm's correction",
    verdict: "Verdict",
  },
  measureFavourable: "Agree, top 2 (%)",
  measureMean: "Mean",
  measureOption: (answer) => `Answer: ${answer} (%)`,
  verdict: {
    "clearly-better": "clearly better",
    "clearly-worse": "clearly worse",
    "clearly-higher": "clearly higher",
    "clearly-lower": "clearly lower",
    "no-clear-change": "no clear change",
    "too-few-answers": "too few answers to tell",
  },
  population: (step, earlier) =>
    step.change === "renamed"
      ? `renamed, was: ${earlier.join(", ")}`
      : step.change === "merged"
        ? `merged: sum of ${earlier.join(" + ")}`
        : step.change === "split"
          ? `not the same population (part of ${earlier.join(" + ")})`
          : step.change === "new"
            ? "new"
            : "",
  notCompared: (why, wave, hidden) =>
    why.why === "hidden"
      ? `not compared: in ${wave(why.wave)}, ${hidden}`
      : why.why === "absent"
        ? why.of === "table"
          ? `not compared: ${wave(why.wave)} did not have this breakdown`
          : `not compared: the ${why.of === "group" ? "group" : "question"} did not exist in ${wave(why.wave)}`
        : why.why === "scale-changed"
          ? "not compared: the answer scale changed"
          : why.why === "options-changed"
            ? "not compared: the answer options changed"
            : "not compared: the kind of question changed",
  sheet: "comparison",
  campaigns: "Campaigns compared",
  reading: [
    "Every figure comes from one campaign's audited results; a change is the difference of two published figures.",
    "'Clearly' means: after correcting for the number of comparisons per group (Holm's method), the chance of a difference this large without any real change is below 5%. The 95% interval is not corrected.",
    "A hidden group or question is not compared; the reason is given.",
  ],
};

export const COMPARISON_MESSAGES: Record<ExportLocale, ComparisonMessages> = { nl, fr, en };
