import type { Locale } from "../../i18n/locales";

/** Texts of the combined diagnosis page of one unit (headcounts beside the survey). */
export interface DiagnosisMessages {
  pageTitle: string;
  title: (unit: string) => string;
  intro: string;
  backToHeadcounts: string;
  print: string;
  printRules: (builtAt: string) => string;
  unitNotShown: string;
  staffTitle: string;
  staffDate: (date: string) => string;
  noHeadcounts: string;
  levelColumn: string;
  staffColumn: string;
  everyone: string;
  staffCaption: (unit: string, date: string) => string;
  surveyTitle: string;
  campaignLabel: string;
  campaignOption: (title: string, closesAt: string, status: string) => string;
  statuses: Record<"draft" | "open" | "closed" | "archived", string>;
  noCampaign: string;
  respondents: string;
  surveyMatches: (date: string) => string;
  surveyOtherDate: string;
  resultsLink: string;
  /** The chosen campaign did not survey the unit, or its release shows the reader none of it. */
  notInSurvey: string;
  /** The link to this page from the headcount and results screens. */
  linkToDiagnosis: (unit: string) => string;
}

export const DIAGNOSIS_MESSAGES: Record<Locale, DiagnosisMessages> = {
  nl: {
    pageTitle: "Diagnose per eenheid",
    title: (unit) => `Diagnose: ${unit}`,
    intro:
      "De personeelssamenstelling van de eenheid naast de kernresultaten van de bevraging over dezelfde periode. Alle cijfers komen uit de gepubliceerde, geauditeerde publicaties; verborgen cijfers staan in woorden.",
    backToHeadcounts: "Terug naar de personeelsaantallen",
    print: "Afdrukken of bewaren als pdf",
    printRules: (builtAt) => `Personeelsaantallen gepubliceerd op ${builtAt}`,
    unitNotShown:
      "Deze eenheid staat niet in de personeelsaantallen die u mag zien, of bestaat niet.",
    staffTitle: "Personeelssamenstelling",
    staffDate: (date) => `Peildatum ${date}`,
    noHeadcounts: "Voor deze organisatie zijn nog geen personeelsaantallen ingelezen.",
    levelColumn: "Functieniveau",
    staffColumn: "Personeel",
    everyone: "Iedereen",
    staffCaption: (unit, date) => `Personeel per functieniveau: ${unit}, ${date}`,
    surveyTitle: "Kernresultaten van de bevraging",
    campaignLabel: "Bevraging",
    campaignOption: (title, closesAt, status) => `${title} (${status}, sluit ${closesAt})`,
    statuses: { draft: "ontwerp", open: "open", closed: "gesloten", archived: "gearchiveerd" },
    noCampaign: "Deze organisatie heeft nog geen bevraging die u mag zien.",
    respondents: "Respondenten",
    surveyMatches: (date) => `Deze bevraging hoort bij de peildatum ${date}.`,
    surveyOtherDate:
      "Let op: deze bevraging sloot vóór de jongste peildatum; de personeelscijfers hierboven gaan over een latere periode.",
    resultsLink: "Alle resultaten van deze bevraging",
    notInSurvey: "Deze bevraging heeft geen resultaten voor deze eenheid die u mag zien.",
    linkToDiagnosis: (unit) => `Diagnosepagina van ${unit}`,
  },
  fr: {
    pageTitle: "Diagnostic par unité",
    title: (unit) => `Diagnostic : ${unit}`,
    intro:
      "La composition du personnel de l'unité à côté des résultats clés de l'enquête pour la même période. Tous les chiffres viennent des publications auditées ; les chiffres masqués sont dits en toutes lettres.",
    backToHeadcounts: "Retour aux effectifs",
    print: "Imprimer ou enregistrer en PDF",
    printRules: (builtAt) => `Effectifs publiés le ${builtAt}`,
    unitNotShown:
      "Cette unité ne figure pas dans les effectifs que vous pouvez consulter, ou n'existe pas.",
    staffTitle: "Composition du personnel",
    staffDate: (date) => `Date de référence ${date}`,
    noHeadcounts: "Aucun effectif n'a encore été importé pour cette organisation.",
    levelColumn: "Niveau de fonction",
    staffColumn: "Personnel",
    everyone: "Tout le monde",
    staffCaption: (unit, date) => `Personnel par niveau de fonction : ${unit}, ${date}`,
    surveyTitle: "Résultats clés de l'enquête",
    campaignLabel: "Enquête",
    campaignOption: (title, closesAt, status) => `${title} (${status}, clôture ${closesAt})`,
    statuses: { draft: "brouillon", open: "ouverte", closed: "clôturée", archived: "archivée" },
    noCampaign: "Cette organisation n'a encore aucune enquête que vous pouvez consulter.",
    respondents: "Répondants",
    surveyMatches: (date) => `Cette enquête correspond à la date de référence ${date}.`,
    surveyOtherDate:
      "Attention : cette enquête a clôturé avant la dernière date de référence ; les effectifs ci-dessus portent sur une période plus récente.",
    resultsLink: "Tous les résultats de cette enquête",
    notInSurvey: "Cette enquête n'a pas de résultats pour cette unité que vous pouvez consulter.",
    linkToDiagnosis: (unit) => `Page de diagnostic de ${unit}`,
  },
  en: {
    pageTitle: "Diagnosis per unit",
    title: (unit) => `Diagnosis: ${unit}`,
    intro:
      "The unit's staff composition beside the survey's key results for the same period. Every figure comes from the published, audited releases; hidden figures are said in words.",
    backToHeadcounts: "Back to the headcounts",
    print: "Print or save as PDF",
    printRules: (builtAt) => `Headcounts released on ${builtAt}`,
    unitNotShown: "This unit is not among the headcounts you may see, or does not exist.",
    staffTitle: "Staff composition",
    staffDate: (date) => `Reference date ${date}`,
    noHeadcounts: "No headcounts have been imported for this organisation yet.",
    levelColumn: "Job level",
    staffColumn: "Staff",
    everyone: "Everyone",
    staffCaption: (unit, date) => `Staff by job level: ${unit}, ${date}`,
    surveyTitle: "The survey's key results",
    campaignLabel: "Survey",
    campaignOption: (title, closesAt, status) => `${title} (${status}, closes ${closesAt})`,
    statuses: { draft: "draft", open: "open", closed: "closed", archived: "archived" },
    noCampaign: "This organisation has no survey you may see yet.",
    respondents: "Respondents",
    surveyMatches: (date) => `This survey belongs with the reference date ${date}.`,
    surveyOtherDate:
      "Note: this survey closed before the latest reference date; the staff figures above are of a later period.",
    resultsLink: "All results of this survey",
    notInSurvey: "This survey has no results for this unit that you may see.",
    linkToDiagnosis: (unit) => `Diagnosis page of ${unit}`,
  },
};
