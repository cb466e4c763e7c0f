import type { Locale } from "../../i18n/locales";

/** Texts of the questionnaire screens: list, upload, version page (preview, diff, marks). */
export interface QuestionnaireMessages {
  navQuestionnaires: string;
  listTitle: string;
  listIntro: string;
  newQuestionnaire: string;
  empty: string;
  colTitle: string;
  colKind: string;
  colOwner: string;
  colVersion: string;
  colStatus: string;
  colDate: string;
  kinds: Record<string, string>;
  shared: string;
  bundled: string;
  own: string;
  draft: string;
  published: string;
  versionLabel: (n: number) => string;
  uploadedOn: (date: string) => string;
  publishedOn: (date: string) => string;
  // Upload and copy
  newTitle: string;
  uploadTitle: string;
  uploadIntro: string;
  fileLabel: string;
  fileHint: string;
  slugLabel: string;
  slugHint: string;
  kindLabel: string;
  ownerLabel: string;
  ownerShared: string;
  upload: string;
  uploading: string;
  noFile: string;
  copyTitle: string;
  copyIntro: string;
  templateLabel: string;
  copy: string;
  problemsTitle: (count: number) => string;
  // Version page
  backToList: string;
  versionTitle: (title: string, n: number) => string;
  /** What follows the title in the version page's heading (the title is marked apart). */
  versionInTitle: (n: number) => string;
  factsTitle: string;
  factStatus: string;
  factAddress: string;
  factHash: string;
  factLanguages: string;
  factUploaded: string;
  factPublished: string;
  frozenNote: string;
  warningsTitle: string;
  warningsIntro: string;
  acknowledge: string;
  publishTitle: string;
  publishIntro: string;
  publish: string;
  publishing: string;
  publishedNotice: string;
  deleteDraft: string;
  confirmDelete: string;
  cancel: string;
  deletedNotice: string;
  newVersionTitle: string;
  newVersionIntro: (n: number) => string;
  replaceDraftIntro: string;
  copyThis: string;
  previewTitle: string;
  previewIntro: string;
  previewLanguages: string;
  previewShowing: (language: string) => string;
  previewLoading: string;
  showPreview: string;
  hidePreview: string;
  languageNames: Record<Locale, string>;
  // Diff
  diffTitle: (previous: number) => string;
  diffNone: string;
  diffFirst: string;
  diffAdded: string;
  diffRemoved: string;
  diffRenamed: string;
  diffReworded: string;
  diffMoved: string;
  diffLists: string;
  diffMarks: string;
  renamedFrom: (from: string, to: string) => string;
  movedFrom: (from: number, to: number) => string;
  listNames: Record<"options" | "rows", string>;
  optionAdded: string;
  optionRemoved: string;
  optionReworded: string;
  before: string;
  after: string;
  markNames: Record<"breakdown" | "sensitive", string>;
  markChange: (mark: string, on: boolean) => string;
  // Marks
  marksTitle: string;
  marksIntro: string;
  colQuestion: string;
  breakdown: string;
  sensitive: string;
  saveMarks: string;
  marksSaved: string;
}

const nl: QuestionnaireMessages = {
  navQuestionnaires: "Vragenlijsten",
  listTitle: "Vragenlijsten",
  listIntro:
    "De gedeelde vragenlijsten en die van je organisatie. Een bevraging gebruikt alleen een gepubliceerde versie; een gepubliceerde versie verandert nooit meer.",
  newQuestionnaire: "Nieuwe vragenlijst",
  empty: "Er zijn nog geen vragenlijsten.",
  colTitle: "Titel",
  colKind: "Soort",
  colOwner: "Van",
  colVersion: "Versie",
  colStatus: "Status",
  colDate: "Datum",
  kinds: { diagnosis: "Diagnose", campaign: "Campagne-evaluatie" },
  shared: "Gedeeld sjabloon",
  bundled: "Meegeleverd sjabloon",
  own: "Eigen organisatie",
  draft: "Ontwerp",
  published: "Gepubliceerd",
  versionLabel: (n) => `Versie ${n}`,
  uploadedOn: (date) => `opgeladen ${date}`,
  publishedOn: (date) => `gepubliceerd ${date}`,
  newTitle: "Nieuwe vragenlijst",
  uploadTitle: "Een SurveyJS-bestand opladen",
  uploadIntro:
    "Maak de vragenlijst in de gratis online vormbouwer van SurveyJS (of een andere editor die SurveyJS-JSON schrijft), met elke tekst in het Nederlands, Frans en Engels, en laad het JSON-bestand hier op. Het wordt een ontwerp dat je kunt bekijken en aanpassen voor je het publiceert.",
  fileLabel: "JSON-bestand",
  fileHint: "Een .json-bestand van SurveyJS, hoogstens 3 MB.",
  slugLabel: "Adres (technische naam)",
  slugHint: "Kleine letters, cijfers en koppeltekens; voorgesteld uit de titel in het bestand.",
  kindLabel: "Soort",
  ownerLabel: "Voor",
  ownerShared: "Alle organisaties (gedeeld sjabloon)",
  upload: "Opladen",
  uploading: "Bezig met opladen…",
  noFile: "Kies eerst een bestand.",
  copyTitle: "Beginnen van een sjabloon",
  copyIntro:
    "Kopieer een meegeleverde of gedeelde vragenlijst als versie 1 van een eigen vragenlijst, en pas ze daarna aan.",
  templateLabel: "Sjabloon",
  copy: "Kopiëren",
  problemsTitle: (count) =>
    count === 1 ? "Het bestand heeft 1 probleem:" : `Het bestand heeft ${count} problemen:`,
  backToList: "Terug naar de vragenlijsten",
  versionTitle: (title, n) => `${title} — versie ${n}`,
  versionInTitle: (n) => `— versie ${n}`,
  factsTitle: "Over deze versie",
  factStatus: "Status",
  factAddress: "Adres",
  factHash: "Vingerafdruk (SHA-256)",
  factLanguages: "Talen",
  factUploaded: "Opgeladen",
  factPublished: "Gepubliceerd",
  frozenNote:
    "Deze versie is gepubliceerd en verandert nooit meer. Een wijziging wordt een nieuwe versie.",
  warningsTitle: "Vragen die iemand herkenbaar kunnen maken",
  warningsIntro:
    "Deze open vragen kunnen vragen naar iets waarmee een respondent te herkennen is (een naam, een e-mailadres, een afdeling…). Antwoorden blijven anoniem alleen als de vraag dat niet doet.",
  acknowledge: "Ik heb deze vragen nagekeken en wil de versie toch publiceren.",
  publishTitle: "Publiceren",
  publishIntro:
    "Na publicatie kan een bevraging deze versie gebruiken, en verandert ze nooit meer.",
  publish: "Publiceren",
  publishing: "Bezig met publiceren…",
  publishedNotice: "De versie is gepubliceerd.",
  deleteDraft: "Ontwerp verwijderen",
  confirmDelete: "Ja, verwijder dit ontwerp",
  cancel: "Annuleren",
  deletedNotice: "Het ontwerp is verwijderd.",
  newVersionTitle: "Nieuwe versie opladen",
  newVersionIntro: (n) =>
    `Het bestand wordt versie ${n}, een ontwerp. Geef een hernoemde vraag "previousName" met haar oude naam, zodat vergelijkingen haar volgen.`,
  replaceDraftIntro: "Het bestand vervangt dit ontwerp.",
  copyThis: "Kopiëren naar een eigen vragenlijst",
  previewTitle: "Voorbeeld",
  previewIntro: "De vragenlijst zoals respondenten ze krijgen, in elk van haar talen.",
  previewLanguages: "Taal van het voorbeeld",
  previewShowing: (language) => `Voorbeeld in het ${language}`,
  previewLoading: "Het voorbeeld wordt geladen…",
  showPreview: "Voorbeeld tonen",
  hidePreview: "Voorbeeld verbergen",
  languageNames: { nl: "Nederlands", fr: "Frans", en: "Engels" },
  diffTitle: (previous) => `Wat verandert tegenover versie ${previous}`,
  diffNone: "Geen verschillen in vragen, antwoorden of markeringen.",
  diffFirst: "Dit is de eerste versie.",
  diffAdded: "Nieuwe vragen",
  diffRemoved: "Weggelaten vragen",
  diffRenamed: "Hernoemde vragen",
  diffReworded: "Anders geformuleerde vragen",
  diffMoved: "Verplaatste vragen",
  diffLists: "Gewijzigde antwoorden en stellingen",
  diffMarks: "Gewijzigde markeringen",
  renamedFrom: (from, to) => `${from} → ${to}`,
  movedFrom: (from, to) => `van plaats ${from} naar ${to}`,
  listNames: { options: "antwoorden", rows: "stellingen" },
  optionAdded: "nieuw",
  optionRemoved: "weggelaten",
  optionReworded: "anders geformuleerd",
  before: "Voordien",
  after: "Nu",
  markNames: { breakdown: "uitsplitsing", sensitive: "gevoelig" },
  markChange: (mark, on) => (on ? `nu ${mark}` : `niet meer ${mark}`),
  marksTitle: "Uitsplitsingen en gevoelige vragen",
  marksIntro:
    "Een uitsplitsing (bv. gender) verdeelt de resultaten in groepen; ze moet één keuze vragen en 'zeg ik liever niet' aanbieden. Bij een gevoelige vraag verbergen de resultaten (bijna) eensgezinde antwoorden van een groep.",
  colQuestion: "Vraag",
  breakdown: "Uitsplitsing",
  sensitive: "Gevoelig",
  saveMarks: "Markeringen bewaren",
  marksSaved: "De markeringen zijn bewaard.",
};

const fr: QuestionnaireMessages = {
  navQuestionnaires: "Questionnaires",
  listTitle: "Questionnaires",
  listIntro:
    "Les questionnaires partagés et ceux de votre organisation. Une enquête n'utilise qu'une version publiée ; une version publiée ne change plus jamais.",
  newQuestionnaire: "Nouveau questionnaire",
  empty: "Il n'y a pas encore de questionnaire.",
  colTitle: "Titre",
  colKind: "Type",
  colOwner: "De",
  colVersion: "Version",
  colStatus: "Statut",
  colDate: "Date",
  kinds: { diagnosis: "Diagnostic", campaign: "Évaluation de campagne" },
  shared: "Modèle partagé",
  bundled: "Modèle fourni",
  own: "Votre organisation",
  draft: "Brouillon",
  published: "Publiée",
  versionLabel: (n) => `Version ${n}`,
  uploadedOn: (date) => `chargée le ${date}`,
  publishedOn: (date) => `publiée le ${date}`,
  newTitle: "Nouveau questionnaire",
  uploadTitle: "Charger un fichier SurveyJS",
  uploadIntro:
    "Créez le questionnaire dans le créateur de formulaires gratuit en ligne de SurveyJS (ou tout éditeur qui écrit du JSON SurveyJS), avec chaque texte en néerlandais, français et anglais, puis chargez le fichier JSON ici. Il devient un brouillon que vous pouvez examiner et ajuster avant de le publier.",
  fileLabel: "Fichier JSON",
  fileHint: "Un fichier .json de SurveyJS, 3 Mo au plus.",
  slugLabel: "Adresse (nom technique)",
  slugHint: "Minuscules, chiffres et traits d'union ; proposée à partir du titre du fichier.",
  kindLabel: "Type",
  ownerLabel: "Pour",
  ownerShared: "Toutes les organisations (modèle partagé)",
  upload: "Charger",
  uploading: "Chargement…",
  noFile: "Choisissez d'abord un fichier.",
  copyTitle: "Partir d'un modèle",
  copyIntro:
    "Copiez un questionnaire fourni ou partagé comme version 1 d'un questionnaire à vous, puis adaptez-le.",
  templateLabel: "Modèle",
  copy: "Copier",
  problemsTitle: (count) =>
    count === 1 ? "Le fichier a 1 problème :" : `Le fichier a ${count} problèmes :`,
  backToList: "Retour aux questionnaires",
  versionTitle: (title, n) => `${title} — version ${n}`,
  versionInTitle: (n) => `— version ${n}`,
  factsTitle: "À propos de cette version",
  factStatus: "Statut",
  factAddress: "Adresse",
  factHash: "Empreinte (SHA-256)",
  factLanguages: "Langues",
  factUploaded: "Chargée",
  factPublished: "Publiée",
  frozenNote:
    "Cette version est publiée et ne changera plus jamais. Une modification devient une nouvelle version.",
  warningsTitle: "Questions qui peuvent rendre quelqu'un reconnaissable",
  warningsIntro:
    "Ces questions ouvertes peuvent demander de quoi reconnaître un répondant (un nom, une adresse e-mail, un service…). Les réponses ne restent anonymes que si la question ne le fait pas.",
  acknowledge: "J'ai vérifié ces questions et je veux quand même publier la version.",
  publishTitle: "Publier",
  publishIntro:
    "Une fois publiée, une enquête peut utiliser cette version, et elle ne change plus jamais.",
  publish: "Publier",
  publishing: "Publication…",
  publishedNotice: "La version est publiée.",
  deleteDraft: "Supprimer le brouillon",
  confirmDelete: "Oui, supprimer ce brouillon",
  cancel: "Annuler",
  deletedNotice: "Le brouillon est supprimé.",
  newVersionTitle: "Charger une nouvelle version",
  newVersionIntro: (n) =>
    `Le fichier devient la version ${n}, un brouillon. Donnez à une question renommée « previousName » avec son ancien nom, pour que les comparaisons la suivent.`,
  replaceDraftIntro: "Le fichier remplace ce brouillon.",
  copyThis: "Copier vers un questionnaire à vous",
  previewTitle: "Aperçu",
  previewIntro:
    "Le questionnaire tel que les répondants le reçoivent, dans chacune de ses langues.",
  previewLanguages: "Langue de l'aperçu",
  previewShowing: (language) => `Aperçu en ${language}`,
  previewLoading: "Chargement de l'aperçu…",
  showPreview: "Afficher l'aperçu",
  hidePreview: "Masquer l'aperçu",
  languageNames: { nl: "néerlandais", fr: "français", en: "anglais" },
  diffTitle: (previous) => `Ce qui change par rapport à la version ${previous}`,
  diffNone: "Aucune différence de questions, de réponses ou de marques.",
  diffFirst: "C'est la première version.",
  diffAdded: "Questions ajoutées",
  diffRemoved: "Questions retirées",
  diffRenamed: "Questions renommées",
  diffReworded: "Questions reformulées",
  diffMoved: "Questions déplacées",
  diffLists: "Réponses et affirmations modifiées",
  diffMarks: "Marques modifiées",
  renamedFrom: (from, to) => `${from} → ${to}`,
  movedFrom: (from, to) => `de la place ${from} à la place ${to}`,
  listNames: { options: "réponses", rows: "affirmations" },
  optionAdded: "ajoutée",
  optionRemoved: "retirée",
  optionReworded: "reformulée",
  before: "Avant",
  after: "Maintenant",
  markNames: { breakdown: "ventilation", sensitive: "sensible" },
  markChange: (mark, on) => (on ? `désormais ${mark}` : `plus ${mark}`),
  marksTitle: "Ventilations et questions sensibles",
  marksIntro:
    "Une ventilation (p. ex. le genre) répartit les résultats en groupes ; elle doit demander un seul choix et proposer « je préfère ne pas répondre ». Pour une question sensible, les résultats masquent les réponses (presque) unanimes d'un groupe.",
  colQuestion: "Question",
  breakdown: "Ventilation",
  sensitive: "Sensible",
  saveMarks: "Enregistrer les marques",
  marksSaved: "Les marques sont enregistrées.",
};

const en: QuestionnaireMessages = {
  navQuestionnaires: "Questionnaires",
  listTitle: "Questionnaires",
  listIntro:
    "The shared questionnaires and your organisation's. A campaign only uses a published version; a published version never changes again.",
  newQuestionnaire: "New questionnaire",
  empty: "There are no questionnaires yet.",
  colTitle: "Title",
  colKind: "Kind",
  colOwner: "Of",
  colVersion: "Version",
  colStatus: "Status",
  colDate: "Date",
  kinds: { diagnosis: "Diagnosis", campaign: "Campaign evaluation" },
  shared: "Shared template",
  bundled: "Bundled template",
  own: "Your organisation",
  draft: "Draft",
  published: "Published",
  versionLabel: (n) => `Version ${n}`,
  uploadedOn: (date) => `uploaded ${date}`,
  publishedOn: (date) => `published ${date}`,
  newTitle: "New questionnaire",
  uploadTitle: "Upload a SurveyJS file",
  uploadIntro:
    "Make the questionnaire in SurveyJS's free online form builder (or any editor that writes SurveyJS JSON), with every text in Dutch, French and English, and upload the JSON file here. It becomes a draft you can look at and adjust before you publish it.",
  fileLabel: "JSON file",
  fileHint: "A SurveyJS .json file, at most 3 MB.",
  slugLabel: "Address (technical name)",
  slugHint: "Lower-case letters, digits and hyphens; proposed from the title in the file.",
  kindLabel: "Kind",
  ownerLabel: "For",
  ownerShared: "Every organisation (shared template)",
  upload: "Upload",
  uploading: "Uploading…",
  noFile: "Choose a file first.",
  copyTitle: "Start from a template",
  copyIntro:
    "Copy a bundled or shared questionnaire as version 1 of your own questionnaire, then adapt it.",
  templateLabel: "Template",
  copy: "Copy",
  problemsTitle: (count) =>
    count === 1 ? "The file has 1 problem:" : `The file has ${count} problems:`,
  backToList: "Back to the questionnaires",
  versionTitle: (title, n) => `${title} — version ${n}`,
  versionInTitle: (n) => `— version ${n}`,
  factsTitle: "About this version",
  factStatus: "Status",
  factAddress: "Address",
  factHash: "Fingerprint (SHA-256)",
  factLanguages: "Languages",
  factUploaded: "Uploaded",
  factPublished: "Published",
  frozenNote: "This version is published and never changes again. A change becomes a new version.",
  warningsTitle: "Questions that could single someone out",
  warningsIntro:
    "These open questions may ask for something that identifies a respondent (a name, an e-mail address, a department…). Answers stay anonymous only if the question does not.",
  acknowledge: "I have checked these questions and want to publish the version anyway.",
  publishTitle: "Publish",
  publishIntro: "Once published, campaigns can use this version, and it never changes again.",
  publish: "Publish",
  publishing: "Publishing…",
  publishedNotice: "The version is published.",
  deleteDraft: "Delete draft",
  confirmDelete: "Yes, delete this draft",
  cancel: "Cancel",
  deletedNotice: "The draft was deleted.",
  newVersionTitle: "Upload a new version",
  newVersionIntro: (n) =>
    `The file becomes version ${n}, a draft. Give a renamed question "previousName" with its old name, so comparisons follow it.`,
  replaceDraftIntro: "The file replaces this draft.",
  copyThis: "Copy to a questionnaire of your own",
  previewTitle: "Preview",
  previewIntro: "The questionnaire as respondents get it, in each of its languages.",
  previewLanguages: "Language of the preview",
  previewShowing: (language) => `Preview in ${language}`,
  previewLoading: "Loading the preview…",
  showPreview: "Show preview",
  hidePreview: "Hide preview",
  languageNames: { nl: "Dutch", fr: "French", en: "English" },
  diffTitle: (previous) => `What changed since version ${previous}`,
  diffNone: "No differences in questions, answers or marks.",
  diffFirst: "This is the first version.",
  diffAdded: "Added questions",
  diffRemoved: "Removed questions",
  diffRenamed: "Renamed questions",
  diffReworded: "Reworded questions",
  diffMoved: "Moved questions",
  diffLists: "Changed answers and statements",
  diffMarks: "Changed marks",
  renamedFrom: (from, to) => `${from} → ${to}`,
  movedFrom: (from, to) => `from place ${from} to ${to}`,
  listNames: { options: "answers", rows: "statements" },
  optionAdded: "added",
  optionRemoved: "removed",
  optionReworded: "reworded",
  before: "Before",
  after: "Now",
  markNames: { breakdown: "breakdown", sensitive: "sensitive" },
  markChange: (mark, on) => (on ? `now ${mark}` : `no longer ${mark}`),
  marksTitle: "Breakdowns and sensitive questions",
  marksIntro:
    "A breakdown (e.g. gender) splits the results into groups; it must ask for one choice and offer 'prefer not to say'. For a sensitive question, results hide a group's (nearly) unanimous answers.",
  colQuestion: "Question",
  breakdown: "Breakdown",
  sensitive: "Sensitive",
  saveMarks: "Save marks",
  marksSaved: "The marks were saved.",
};

export const QUESTIONNAIRE_MESSAGES: Record<Locale, QuestionnaireMessages> = { nl, fr, en };
