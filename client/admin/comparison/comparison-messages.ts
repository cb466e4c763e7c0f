import type { GroupComparison, Verdict } from "../../../server/contract/comparison-schema";
import type { Locale } from "../../i18n/locales";

/** Texts of the comparison screen. */
export interface ComparisonMessages {
  heading: (campaign: string) => string;
  pageTitle: string;
  backToResults: string;
  wavesTitle: string;
  wavesHint: string;
  noOtherWaves: string;
  tableLabel: string;
  unitLabel: string;
  groupLabel: string;
  questionLabel: string;
  allQuestions: string;
  tableUnits: string;
  tableDimension: (dimension: string) => string;
  readingTitle: string;
  reading: string[];
  largestTitle: string;
  noneClear: string;
  verdict: Record<Verdict, string>;
  measureFavourable: string;
  measureMean: string;
  measureColumn: string;
  changeColumn: string;
  verdictColumn: string;
  points: (value: string) => string;
  details: string;
  pValue: (p: string, adjusted: string) => string;
  interval: (low: string, high: string) => string;
  notCompared: {
    hidden: (wave: string, reason: string) => string;
    absentGroup: (wave: string) => string;
    absentQuestion: (wave: string) => string;
    absentTable: (wave: string) => string;
    scaleChanged: string;
    optionsChanged: string;
    kindChanged: string;
  };
  /** How the group's unit came from the earlier campaign's units (renamed, merged, split). */
  population: (step: GroupComparison["population"][number], earlier: string[]) => string | null;
  notSamePopulation: string;
  printedTest: (p: string, adjusted: string, low: string, high: string) => string;
  mappings: {
    title: string;
    hint: string;
    from: string;
    earlierUnit: string;
    laterUnit: string;
    choose: string;
    add: string;
    remove: (n: number) => string;
    save: string;
    saved: string;
    none: string;
    outcomeTitle: string;
    byCode: (count: number) => string;
    errors: Record<string, string>;
  };
  respondents: string;
  /** A wave whose figures lack answers: still open, or closed with an earlier release served. */
  waveInterim: string;
  waveBeforeClose: string;
  noAnswer: string;
  noneTicked: string;
  chartLabel: (question: string) => string;
  tableOf: (question: string) => string;
  downloadsTitle: string;
  downloadCsvExcel: string;
  downloadCsvAnalysis: string;
  downloadXlsx: string;
  print: string;
  printedFor: (k: string) => string;
  everyone: string;
  wholeUnit: (unit: string) => string;
  directlyIn: (unit: string) => string;
  compareLink: string;
}

/** "p = 0.04", or "p < 0.001" where the formatted value already carries its sign. */
const pIs = (p: string) => (p.startsWith("<") ? `p ${p}` : `p = ${p}`);

const nl: ComparisonMessages = {
  heading: (campaign) => `Vergelijking: ${campaign}`,
  pageTitle: "Vergelijking",
  backToResults: "Terug naar de resultaten",
  wavesTitle: "Welke bevragingen?",
  wavesHint: "Bevragingen van dezelfde organisatie met dezelfde vragenlijst, oudste eerst.",
  noOtherWaves: "Er is geen andere bevraging met deze vragenlijst om mee te vergelijken.",
  tableLabel: "Tabel",
  unitLabel: "Eenheid",
  groupLabel: "Groep",
  questionLabel: "Vraag",
  allQuestions: "Alle vragen",
  tableUnits: "Per eenheid",
  tableDimension: (dimension) => `Per ${dimension}`,
  readingTitle: "Zo lees je een vergelijking",
  reading: [
    "“Duidelijk beter” of “duidelijk slechter”: na correctie voor het aantal vergelijkingen op dit scherm (methode van Holm) is de kans op zo'n verschil zonder echte verandering kleiner dan 5%.",
    "“Geen duidelijke verandering” wil niet zeggen dat er niets veranderde, alleen dat de antwoorden het niet van toeval kunnen onderscheiden.",
    "Een groep of vraag die in een van de bevragingen verborgen is, wordt niet vergeleken; de reden staat erbij.",
  ],
  largestTitle: "Grootste duidelijke veranderingen",
  noneClear: "Geen enkele duidelijke verandering voor deze groep.",
  verdict: {
    "clearly-better": "duidelijk beter",
    "clearly-worse": "duidelijk slechter",
    "clearly-higher": "duidelijk hoger",
    "clearly-lower": "duidelijk lager",
    "no-clear-change": "geen duidelijke verandering",
    "too-few-answers": "te weinig antwoorden om iets te zeggen",
  },
  measureFavourable: "Eens (2 hoogste)",
  measureMean: "Gemiddelde",
  measureColumn: "Maat",
  changeColumn: "Verschil",
  verdictColumn: "Oordeel",
  points: (value) => `${value} procentpunt`,
  details: "p-waarde en betrouwbaarheidsinterval",
  pValue: (p, adjusted) => `${pIs(p)} (na Holm-correctie ${adjusted})`,
  interval: (low, high) => `95%-interval van het verschil: ${low} tot ${high}`,
  notCompared: {
    hidden: (wave, reason) => `Niet vergeleken: in ${wave} ${reason}.`,
    absentGroup: (wave) => `Niet vergeleken: deze groep bestond niet in ${wave}.`,
    absentQuestion: (wave) => `Niet vergeleken: deze vraag bestond niet in ${wave}.`,
    absentTable: (w) => `niet vergeleken: ${w} had deze uitsplitsing niet`,
    scaleChanged: "Niet vergeleken: de antwoordschaal is veranderd.",
    optionsChanged: "Niet vergeleken: de antwoordmogelijkheden zijn veranderd.",
    kindChanged: "Niet vergeleken: het soort vraag is veranderd.",
  },
  population: (step, earlier) =>
    step.change === "renamed"
      ? `Hernoemd; in de vorige bevraging: ${earlier.join(", ")}.`
      : step.change === "merged"
        ? `Samengevoegd: vergeleken met de som van ${earlier.join(" + ")}.`
        : step.change === "split"
          ? `Niet dezelfde populatie: een deel van ${earlier.join(" + ")} in de vorige bevraging.`
          : null,
  notSamePopulation: "niet dezelfde populatie",
  printedTest: (p, adjusted, low, high) =>
    `${pIs(p)} (na Holm ${adjusted}); 95%-interval ${low} tot ${high}`,
  mappings: {
    title: "Eenheden hernoemd, samengevoegd of gesplitst",
    hint: "Eenheden met dezelfde code worden vanzelf vergeleken. Koppel hier een eenheid van de vorige bevraging aan een eenheid van deze bevraging wanneer ze een andere naam of code kreeg, werd samengevoegd of gesplitst. Een samengevoegde eenheid wordt vergeleken met de som van haar delen, alleen waar elk deel gepubliceerd is.",
    from: "Vorige bevraging",
    earlierUnit: "Eenheid toen",
    laterUnit: "Eenheid nu",
    choose: "Kies een eenheid",
    add: "Koppeling toevoegen",
    remove: (n) => `Koppeling ${n} verwijderen`,
    save: "Koppelingen bewaren",
    saved: "Koppelingen bewaard.",
    none: "Geen koppelingen: eenheden worden vergeleken op hun code.",
    outcomeTitle: "Zo worden de eenheden vergeleken",
    byCode: (count) => `${count} eenheden met dezelfde code als in de vorige bevraging.`,
    errors: {
      "unknown-unit": "deze eenheid hoort niet bij de bevraging",
      duplicate: "deze koppeling staat er twee keer",
      nested:
        "deze eenheid ligt binnen een andere eenheid die al aan dezelfde eenheid gekoppeld is",
      "not-earlier": "die bevraging opende niet eerder",
    },
  },
  respondents: "Respondenten",
  waveInterim: "tussentijds, de bevraging loopt nog",
  waveBeforeClose: "cijfers van voor de afsluiting, zonder de laatste antwoorden",
  noAnswer: "Geen antwoord",
  noneTicked: "Niets aangevinkt",
  tableOf: (question) => `Tabel: ${question}`,
  chartLabel: (question) => `Grafiek: ${question} per bevraging (dezelfde cijfers als de tabel)`,
  downloadsTitle: "Downloaden",
  downloadCsvExcel: "Vergelijking voor Excel (CSV)",
  downloadCsvAnalysis: "Vergelijking voor analyse (CSV, codes)",
  downloadXlsx: "Vergelijking (Excel-werkmap)",
  print: "Afdrukken / opslaan als pdf",
  printedFor: (k) => `Minimale groepsgrootte: ${k}`,
  everyone: "Iedereen",
  wholeUnit: (unit) => `${unit} (hele eenheid)`,
  directlyIn: (unit) => `Rechtstreeks in ${unit}`,
  compareLink: "Vergelijken met een eerdere bevraging",
};

const fr: ComparisonMessages = {
  heading: (campaign) => `Comparaison : ${campaign}`,
  pageTitle: "Comparaison",
  backToResults: "Retour aux résultats",
  wavesTitle: "Quelles enquêtes ?",
  wavesHint:
    "Enquêtes de la même organisation avec le même questionnaire, la plus ancienne d'abord.",
  noOtherWaves: "Aucune autre enquête avec ce questionnaire ne peut être comparée.",
  tableLabel: "Tableau",
  unitLabel: "Unité",
  groupLabel: "Groupe",
  questionLabel: "Question",
  allQuestions: "Toutes les questions",
  tableUnits: "Par unité",
  tableDimension: (dimension) => `Par ${dimension}`,
  readingTitle: "Comment lire une comparaison",
  reading: [
    "« Nettement mieux » ou « nettement moins bien » : après correction pour le nombre de comparaisons de cet écran (méthode de Holm), la probabilité d'une telle différence sans changement réel est inférieure à 5 %.",
    "« Pas de changement net » ne veut pas dire que rien n'a changé, seulement que les réponses ne permettent pas de le distinguer du hasard.",
    "Un groupe ou une question masqué dans l'une des enquêtes n'est pas comparé ; la raison est indiquée.",
  ],
  largestTitle: "Plus grands changements nets",
  noneClear: "Aucun changement net pour ce groupe.",
  verdict: {
    "clearly-better": "nettement mieux",
    "clearly-worse": "nettement moins bien",
    "clearly-higher": "nettement plus élevé",
    "clearly-lower": "nettement plus bas",
    "no-clear-change": "pas de changement net",
    "too-few-answers": "trop peu de réponses pour conclure",
  },
  measureFavourable: "D'accord (2 plus hautes)",
  measureMean: "Moyenne",
  measureColumn: "Mesure",
  changeColumn: "Différence",
  verdictColumn: "Verdict",
  points: (value) => `${value} points de pourcentage`,
  details: "Valeur p et intervalle de confiance",
  pValue: (p, adjusted) => `${pIs(p)} (après correction de Holm ${adjusted})`,
  interval: (low, high) => `Intervalle à 95 % de la différence : ${low} à ${high}`,
  notCompared: {
    hidden: (wave, reason) => `Non comparé : dans ${wave}, ${reason}.`,
    absentGroup: (wave) => `Non comparé : ce groupe n'existait pas dans ${wave}.`,
    absentQuestion: (wave) => `Non comparé : cette question n'existait pas dans ${wave}.`,
    absentTable: (w) => `non comparé : ${w} n'avait pas cette ventilation`,
    scaleChanged: "Non comparé : l'échelle de réponse a changé.",
    optionsChanged: "Non comparé : les choix de réponse ont changé.",
    kindChanged: "Non comparé : le type de question a changé.",
  },
  population: (step, earlier) =>
    step.change === "renamed"
      ? `Renommée ; dans l'enquête précédente : ${earlier.join(", ")}.`
      : step.change === "merged"
        ? `Fusionnée : comparée à la somme de ${earlier.join(" + ")}.`
        : step.change === "split"
          ? `Pas la même population : une partie de ${earlier.join(" + ")} dans l'enquête précédente.`
          : null,
  notSamePopulation: "pas la même population",
  printedTest: (p, adjusted, low, high) =>
    `${pIs(p)} (après Holm ${adjusted}) ; intervalle 95 % de ${low} à ${high}`,
  mappings: {
    title: "Unités renommées, fusionnées ou scindées",
    hint: "Les unités de même code sont comparées d'office. Reliez ici une unité de l'enquête précédente à une unité de cette enquête quand elle a changé de nom ou de code, a été fusionnée ou scindée. Une unité fusionnée est comparée à la somme de ses parties, seulement là où chaque partie est publiée.",
    from: "Enquête précédente",
    earlierUnit: "Unité alors",
    laterUnit: "Unité maintenant",
    choose: "Choisissez une unité",
    add: "Ajouter un lien",
    remove: (n) => `Supprimer le lien ${n}`,
    save: "Enregistrer les liens",
    saved: "Liens enregistrés.",
    none: "Aucun lien : les unités sont comparées par leur code.",
    outcomeTitle: "Comment les unités sont comparées",
    byCode: (count) => `${count} unités ont le même code que dans l'enquête précédente.`,
    errors: {
      "unknown-unit": "cette unité n'appartient pas à l'enquête",
      duplicate: "ce lien figure deux fois",
      nested: "cette unité se trouve dans une autre unité déjà reliée à la même unité",
      "not-earlier": "cette enquête n'a pas ouvert avant",
    },
  },
  respondents: "Répondants",
  waveInterim: "intermédiaire, l'enquête est encore ouverte",
  waveBeforeClose: "chiffres d'avant la clôture, sans les dernières réponses",
  noAnswer: "Pas de réponse",
  noneTicked: "Rien coché",
  tableOf: (question) => `Tableau : ${question}`,
  chartLabel: (question) => `Graphique : ${question} par enquête (les chiffres du tableau)`,
  downloadsTitle: "Télécharger",
  downloadCsvExcel: "Comparaison pour Excel (CSV)",
  downloadCsvAnalysis: "Comparaison pour l'analyse (CSV, codes)",
  downloadXlsx: "Comparaison (classeur Excel)",
  print: "Imprimer / enregistrer en PDF",
  printedFor: (k) => `Taille minimale d'un groupe : ${k}`,
  everyone: "Tout le monde",
  wholeUnit: (unit) => `${unit} (unité entière)`,
  directlyIn: (unit) => `Directement dans ${unit}`,
  compareLink: "Comparer avec une enquête précédente",
};

const en: ComparisonMessages = {
  heading: (campaign) => `Comparison: ${campaign}`,
  pageTitle: "Comparison",
  backToResults: "Back to the results",
  wavesTitle: "Which campaigns?",
  wavesHint: "Campaigns of the same organisation with the same questionnaire, oldest first.",
  noOtherWaves: "There is no other campaign with this questionnaire to compare with.",
  tableLabel: "Table",
  unitLabel: "Unit",
  groupLabel: "Group",
  questionLabel: "Question",
  allQuestions: "All questions",
  tableUnits: "By unit",
  tableDimension: (dimension) => `By ${dimension}`,
  readingTitle: "How to read a comparison",
  reading: [
    "“Clearly better” or “clearly worse”: after correcting for the number of comparisons on this screen (Holm's method), the chance of a difference this large without any real change is below 5%.",
    "“No clear change” does not mean nothing changed, only that the answers cannot tell it from chance.",
    "A group or question hidden in one of the campaigns is not compared; the reason is given.",
  ],
  largestTitle: "Largest clear changes",
  noneClear: "No clear change for this group.",
  verdict: {
    "clearly-better": "clearly better",
    "clearly-worse": "clearly worse",
    "clearly-higher": "clearly higher",
    "clearly-lower": "clearly lower",
    "no-clear-change": "no clear change",
    "too-few-answers": "too few answers to tell",
  },
  measureFavourable: "Agree (top 2)",
  measureMean: "Mean",
  measureColumn: "Measure",
  changeColumn: "Change",
  verdictColumn: "Verdict",
  points: (value) => `${value} percentage points`,
  details: "p-value and confidence interval",
  pValue: (p, adjusted) => `${pIs(p)} (after Holm's correction ${adjusted})`,
  interval: (low, high) => `95% interval of the change: ${low} to ${high}`,
  notCompared: {
    hidden: (wave, reason) => `Not compared: in ${wave}, ${reason}.`,
    absentGroup: (wave) => `Not compared: this group did not exist in ${wave}.`,
    absentQuestion: (wave) => `Not compared: this question did not exist in ${wave}.`,
    absentTable: (w) => `not compared: ${w} did not have this breakdown`,
    scaleChanged: "Not compared: the answer scale changed.",
    optionsChanged: "Not compared: the answer options changed.",
    kindChanged: "Not compared: the kind of question changed.",
  },
  population: (step, earlier) =>
    step.change === "renamed"
      ? `Renamed; in the earlier campaign: ${earlier.join(", ")}.`
      : step.change === "merged"
        ? `Merged: compared with the sum of ${earlier.join(" + ")}.`
        : step.change === "split"
          ? `Not the same population: part of ${earlier.join(" + ")} in the earlier campaign.`
          : null,
  notSamePopulation: "not the same population",
  printedTest: (p, adjusted, low, high) =>
    `${pIs(p)} (after Holm ${adjusted}); 95% interval ${low} to ${high}`,
  mappings: {
    title: "Units renamed, merged or split",
    hint: "Units with the same code are compared automatically. Map a unit of the earlier campaign to a unit of this one here when it got another name or code, was merged or split. A merged unit is compared with the sum of its parts, only where every part is published.",
    from: "Earlier campaign",
    earlierUnit: "Unit then",
    laterUnit: "Unit now",
    choose: "Choose a unit",
    add: "Add a pair",
    remove: (n) => `Remove pair ${n}`,
    save: "Save the pairs",
    saved: "Pairs saved.",
    none: "No pairs: units are compared by their code.",
    outcomeTitle: "How the units are compared",
    byCode: (count) => `${count} units have the same code as in the earlier campaign.`,
    errors: {
      "unknown-unit": "this unit is not in the campaign",
      duplicate: "this pair is there twice",
      nested: "this unit lies inside another unit already mapped to the same unit",
      "not-earlier": "that campaign did not open earlier",
    },
  },
  respondents: "Respondents",
  waveInterim: "interim, the survey is still open",
  waveBeforeClose: "figures from before closing, without the last answers",
  noAnswer: "No answer",
  noneTicked: "None ticked",
  tableOf: (question) => `Table: ${question}`,
  chartLabel: (question) => `Chart: ${question} per campaign (the figures of the table)`,
  downloadsTitle: "Download",
  downloadCsvExcel: "Comparison for Excel (CSV)",
  downloadCsvAnalysis: "Comparison for analysis (CSV, codes)",
  downloadXlsx: "Comparison (Excel workbook)",
  print: "Print / save as PDF",
  printedFor: (k) => `Minimum group size: ${k}`,
  everyone: "Everyone",
  wholeUnit: (unit) => `${unit} (whole unit)`,
  directlyIn: (unit) => `Directly in ${unit}`,
  compareLink: "Compare with an earlier campaign",
};

export const COMPARISON_MESSAGES: Record<Locale, ComparisonMessages> = { nl, fr, en };
