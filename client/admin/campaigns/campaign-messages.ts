import type { ProblemName } from "../../../server/contract/problems";
import type { Locale } from "../../i18n/locales";
import type { AccessMode, CampaignStatus, InterimRole } from "./campaign-types";

/** Fields of the campaign form that the server may name in a 422 answer. */
export type CampaignField =
  | "slug"
  | "organisationId"
  | "title.nl"
  | "title.fr"
  | "title.en"
  | "questionnaire"
  | "unitIds"
  | "locales"
  | "k"
  | "opensAt"
  | "closesAt"
  | "accessMode"
  | "interimResultRoles"
  | "retentionDays"
  | "thanksText.nl"
  | "thanksText.fr"
  | "thanksText.en";

/** A change of status offered by the campaign page. */
export type Transition = "open" | "close" | "archive";

/**
 * Every problem the campaign screens can be answered with (server/contract/problems.ts), said in
 * the staff member's language instead of the server's English detail. A failed connection is
 * the admin app's own message. test/client/campaign-problems.test.ts checks that each problem
 * the campaign routes and services can raise is here.
 */
export const CAMPAIGN_SCREEN_PROBLEMS = [
  // Any endpoint
  "bad-request",
  "not-found",
  "method-not-allowed",
  "too-large",
  "unsupported-media-type",
  "malformed-json",
  "too-many-requests",
  "internal",
  "error",
  // Any staff endpoint
  "unauthorized",
  "forbidden",
  "cross-origin",
  "csrf",
  "invalid-input",
  "conflict",
  // Campaigns, codes, invitations, participation
  "slug-taken",
  "not-editable",
  "not-draft",
  "codes-issued",
  "k-only-up",
  "k-fixed",
  "dates",
  "status",
  "access-mode",
  "unit-retired",
  "code-limit",
  "headcount-limit",
  "busy",
  "mail-not-configured",
  "sending",
  "separation-of-duties",
  "results-at-close",
  "release-not-ready",
] as const satisfies readonly ProblemName[];
export type CampaignScreenProblem = (typeof CAMPAIGN_SCREEN_PROBLEMS)[number];

/** Texts of the campaign screens: list, form, campaign page, preview, codes, participation. */
export interface CampaignMessages {
  // List
  listTitle: string;
  newCampaign: string;
  emptyForManagers: string;
  emptyForReaders: string;
  statuses: Record<CampaignStatus, string>;
  accessModes: Record<AccessMode, string>;
  periodDays: (first: string, last: string) => string;
  periodUntil: (opens: string, closes: string) => string;
  // Campaign page
  factsTitle: string;
  factStatus: string;
  factOrganisation: string;
  factQuestionnaire: string;
  questionnaireVersion: (slug: string, version: number) => string;
  factUnits: string;
  unitsCount: (count: number) => string;
  factLocales: string;
  factK: string;
  kValue: (k: number) => string;
  factOpens: string;
  factCloses: string;
  factLastDay: string;
  languageNames: Record<Locale, string>;
  factAccess: string;
  factRetention: string;
  retentionValue: (days: number) => string;
  deleteOn: (date: string) => string;
  deleteAfterClosing: (days: number) => string;
  respondentLink: string;
  respondentLinkCodes: string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  resultsLink: string;
  resultsViewed: string;
  // Lifecycle
  lifecycleTitle: string;
  nextStep: Record<Transition, string>;
  transitionButton: Record<Transition, string>;
  confirmText: Record<Transition, string>;
  confirmButton: Record<Transition, string>;
  transitionDone: Record<Transition, string>;
  archivedText: string;
  cancel: string;
  editSettings: string;
  // Raising k
  raiseKTitle: string;
  raiseKIntro: string;
  newK: string;
  raiseKHint: (k: number) => string;
  raiseK: string;
  kMustRise: (k: number) => string;
  kRaised: (k: number) => string;
  // Form
  newTitle: string;
  editTitle: string;
  slug: string;
  slugHint: string;
  organisation: string;
  titles: string;
  titleIn: Record<Locale, string>;
  questionnaire: string;
  questionnaireKinds: Record<string, string>;
  version: string;
  versionOption: (number: number) => string;
  noPublishedVersion: string;
  units: string;
  unitsHint: string;
  selectAll: string;
  selectNone: string;
  unitsSelected: (selected: number, total: number) => string;
  /** After a unit that is still selected but was retired since. */
  unitRetired: string;
  locales: string;
  localesHint: string;
  /** After a language the chosen questionnaire version is not written in. */
  notInQuestionnaire: string;
  k: string;
  kHint: string;
  period: string;
  firstDay: string;
  lastDay: string;
  datesHint: string;
  accessMode: string;
  accessHints: Record<AccessMode, string>;
  interimResults: string;
  interimResultsHint: string;
  interimRoles: Record<InterimRole, string>;
  /** The campaign screen's read-only line: who reads interim results while it is open. */
  interimAdminsOnly: string;
  interimAdmins: string;
  interimReaders: (list: string) => string;
  retentionDays: string;
  retentionHint: string;
  // Thank-you text
  thanksTitle: string;
  thanksHint: string;
  thanksIn: Record<Locale, string>;
  thanksStandard: string;
  thanksWhileOpen: string;
  thanksSave: string;
  thanksSaved: string;
  create: string;
  creating: string;
  save: string;
  saved: string;
  cancelEdit: string;
  errorSummary: string;
  fieldProblems: Record<CampaignField, string>;
  problems: Record<CampaignScreenProblem, string>;
  /** A problem this screen does not know by name, with its HTTP status. */
  unknownProblem: (status: number) => string;
  // Preview
  previewTitle: string;
  previewIntro: string;
  showPreview: string;
  hidePreview: string;
  previewLanguages: string;
  previewLoading: string;
  previewShowing: (language: string) => string;
  // Invitation codes
  codesTitle: string;
  codesIntro: string;
  codesUnit: string;
  codesCount: string;
  codesCountHint: (max: number) => string;
  generate: string;
  generating: string;
  codesGenerated: (count: number, unit: string) => string;
  codesOnce: string;
  downloadCsv: string;
  codesCaption: (count: number, unit: string) => string;
  forgetCodes: string;
  // The answer count while open (no release)
  answerCountTitle: string;
  answerCountGate: (k: number) => string;
  answerCountShow: string;
  answerCountValue: (atLeast: string) => string;
  answerCountOfCodes: (issued: string, rate: string) => string;
  answerCountNote: (k: number) => string;
  /** Instead of the raise-k form once the answer count fixed k. */
  kFixedByCount: (k: number) => string;
  // Participation
  participationTitle: string;
  participationIntro: (k: number) => string;
  /** An open campaign with codes: participation per unit comes at close. */
  participationWhileOpen: string;
  /** While open: why participation is shown only on request (it shows the interim release). */
  participationGate: string;
  participationShow: string;
  participationCaption: string;
  asOf: (time: string) => string;
  refresh: string;
  refreshing: string;
  columnUnit: string;
  columnRespondents: string;
  columnDirect: string;
  columnIssued: string;
  columnRate: string;
  columnStaff: string;
  columnStaffRate: string;
  /** A staff figure the headcount tables hide: fewer than k people (primary) or to protect one. */
  staffHiddenSmall: (k: number) => string;
  staffHiddenOther: string;
  staffNote: (date: string) => string;
  organisationTotal: string;
  notApplicable: string;
  noParticipationRows: string;
}

const nl: CampaignMessages = {
  listTitle: "Bevragingen",
  newCampaign: "Nieuwe bevraging",
  emptyForManagers: "Er zijn nog geen bevragingen. Maak de eerste aan met ‘Nieuwe bevraging’.",
  emptyForReaders: "Er zijn nog geen bevragingen die je mag bekijken.",
  statuses: { draft: "Ontwerp", open: "Open", closed: "Afgesloten", archived: "Gearchiveerd" },
  accessModes: { "open-link": "Open link", "invitation-codes": "Uitnodigingscodes" },
  periodDays: (first, last) => `Van ${first} tot en met ${last}`,
  periodUntil: (opens, closes) => `Van ${opens} tot ${closes}`,
  factsTitle: "Instellingen",
  factStatus: "Status",
  factOrganisation: "Organisatie",
  factQuestionnaire: "Vragenlijst",
  questionnaireVersion: (slug, version) => `${slug}, versie ${version}`,
  factUnits: "Eenheden",
  unitsCount: (count) => (count === 1 ? "1 eenheid" : `${count} eenheden`),
  factLocales: "Talen",
  factK: "Minimale groepsgrootte (k)",
  kValue: (k) => `${k} — resultaten alleen voor groepen van minstens ${k} personen`,
  factOpens: "Opent",
  factCloses: "Sluit",
  factLastDay: "Laatste dag",
  languageNames: { nl: "Nederlands", fr: "Frans", en: "Engels" },
  factAccess: "Toegang",
  factRetention: "Bewaartermijn ruwe antwoorden",
  retentionValue: (days) => (days === 1 ? "1 dag na het sluiten" : `${days} dagen na het sluiten`),
  deleteOn: (date) =>
    `De ruwe antwoorden worden op ${date} verwijderd. Exporteer de resultaten vóór die datum.`,
  deleteAfterClosing: (days) =>
    `De ruwe antwoorden worden ${days} dagen na het sluiten verwijderd; de gepubliceerde resultaten blijven.`,
  respondentLink: "Link voor de respondenten",
  respondentLinkCodes: "Respondenten vullen op dit adres hun uitnodigingscode in.",
  copyLink: "Link kopiëren",
  linkCopied: "De link is gekopieerd.",
  copyFailed: "Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.",
  resultsLink: "Resultaten bekijken",
  resultsViewed: "De resultaten zijn al bekeken: k kan vanaf nu alleen nog omhoog.",
  lifecycleTitle: "Status wijzigen",
  nextStep: {
    open: "Deze bevraging is een ontwerp. Respondenten kunnen pas antwoorden als ze open is.",
    close: "Deze bevraging is open. Ze sluit vanzelf na de laatste dag, of nu met de knop.",
    archive: "Deze bevraging is afgesloten. Archiveren haalt ze uit de werklijst.",
  },
  transitionButton: { open: "Openen", close: "Afsluiten", archive: "Archiveren" },
  confirmText: {
    open: "Na het openen kunnen respondenten meteen antwoorden via de link, en kan alleen k nog veranderen. Een openingsdatum in de toekomst wordt vandaag.",
    close: "Na het afsluiten kan niemand nog antwoorden. Dit kan niet ongedaan worden gemaakt.",
    archive:
      "Archiveren haalt de bevraging uit de werklijst. De gepubliceerde resultaten blijven beschikbaar.",
  },
  confirmButton: {
    open: "Ja, nu openen",
    close: "Ja, nu afsluiten",
    archive: "Ja, archiveren",
  },
  transitionDone: {
    open: "De bevraging is open.",
    close: "De bevraging is afgesloten.",
    archive: "De bevraging is gearchiveerd.",
  },
  archivedText: "Deze bevraging is gearchiveerd. Er is niets meer te wijzigen.",
  cancel: "Annuleren",
  editSettings: "Instellingen wijzigen",
  raiseKTitle: "Minimale groepsgrootte verhogen",
  raiseKIntro:
    "Na het ontwerp kan k nog veranderen, maar alleen omhoog: zo verschijnt nooit een groep die eerder verborgen was.",
  newK: "Nieuwe k",
  raiseKHint: (k) => `Nu ${k}. Kies een groter getal; dan worden meer kleine groepen verborgen.`,
  raiseK: "k verhogen",
  kMustRise: (k) => `Vul een geheel getal groter dan ${k} in.`,
  kRaised: (k) => `k is nu ${k}.`,
  newTitle: "Nieuwe bevraging",
  editTitle: "Instellingen wijzigen",
  slug: "Adres (slug)",
  slugHint:
    "Kleine letters, cijfers en koppeltekens, bv. diagnose-2027. Het wordt deel van de link /s/… en verandert later niet meer.",
  organisation: "Organisatie",
  titles: "Titel",
  titleIn: { nl: "Titel in het Nederlands", fr: "Titel in het Frans", en: "Titel in het Engels" },
  questionnaire: "Vragenlijst",
  questionnaireKinds: { diagnosis: "diagnose", campaign: "campagne-evaluatie" },
  version: "Gepubliceerde versie",
  versionOption: (number) => `Versie ${number}`,
  noPublishedVersion: "Deze vragenlijst heeft nog geen gepubliceerde versie.",
  units: "Eenheden in de bevraging",
  unitsHint: "Alleen wie in deze eenheden werkt, kan antwoorden.",
  selectAll: "Alles selecteren",
  selectNone: "Niets selecteren",
  unitsSelected: (selected, total) => `${selected} van ${total} geselecteerd`,
  unitRetired: "op non-actief: haal deze eenheid weg",
  locales: "Talen voor de respondenten",
  localesHint: "De respondenten kiezen een van deze talen.",
  notInQuestionnaire: "(de vragenlijst bestaat niet in deze taal)",
  k: "Minimale groepsgrootte (k)",
  kHint:
    "Resultaten tonen alleen groepen van minstens k personen; kleinere groepen blijven verborgen. Minstens 3; een hogere k beschermt beter.",
  period: "Periode",
  firstDay: "Eerste dag",
  lastDay: "Laatste dag",
  datesHint:
    "De bevraging opent om 00.00 uur (Brusselse tijd) op de eerste dag en sluit om middernacht na de laatste dag: de laatste dag telt helemaal mee.",
  accessMode: "Toegang",
  accessHints: {
    "open-link":
      "Iedereen met de link kan antwoorden, ook meermaals, en kiest zelf zijn eenheid. De resultaten zijn dus niet beschermd tegen verzonnen antwoorden: wie een kleine groep aanvult met eigen antwoorden, kan die er achteraf weer aftrekken. Daarom toont Peilpunt de resultaten van een open link alleen voor de organisatie als geheel, zonder uitsplitsing per eenheid of achtergrond. Kies een open link alleen voor een bevraging aan iedereen (bv. de evaluatie van een campagne).",
    "invitation-codes":
      "Elke respondent krijgt een eenmalige code; de code bepaalt de eenheid. Peilpunt verstuurt de uitnodigingen per e-mail, of je maakt codes aan per eenheid. Wie codes aanmaakt of uitnodigingen verstuurt, kan de resultaten van deze bevraging niet lezen (scheiding van taken): met ongebruikte codes zou hij een kleine groep kunnen aanvullen en de eigen antwoorden er weer aftrekken.",
  },
  interimResults: "Tussentijdse resultaten",
  interimResultsHint:
    "Standaard ziet alleen een beheerder resultaten zolang de bevraging loopt; de anderen zien ze na het sluiten. Wie je hier aanvinkt, ziet ze al tijdens de bevraging. Ze worden pas bijgewerkt als er genoeg nieuwe antwoorden zijn, zodat niemand uit het verschil afleest wie net antwoordde.",
  interimRoles: { coordinator: "Coördinatoren", evaluator: "Evaluatoren" },
  interimAdminsOnly: "Alleen beheerders zolang de bevraging loopt; de anderen na het sluiten",
  interimAdmins: "Beheerders",
  interimReaders: (list) => `${list}, al tijdens de bevraging`,
  retentionDays: "Bewaartermijn ruwe antwoorden (dagen)",
  retentionHint:
    "Zoveel dagen na het sluiten worden de ruwe antwoorden en codes verwijderd; de gepubliceerde resultaten blijven.",
  thanksTitle: "Bedankpagina: wanneer en hoe de resultaten gedeeld worden",
  thanksHint:
    "Dit lezen respondenten na het versturen. Zeg wanneer en hoe ze de resultaten te zien krijgen (bv. een infosessie of het intranet). Gewone tekst, geen opmaak; leeg laten toont de standaardtekst.",
  thanksIn: { nl: "Tekst in het Nederlands", fr: "Tekst in het Frans", en: "Tekst in het Engels" },
  thanksStandard: "Leeg gelaten lezen respondenten:",
  thanksWhileOpen: "Deze tekst kan nog veranderen tot de bevraging sluit.",
  thanksSave: "Bedanktekst bewaren",
  thanksSaved: "De bedanktekst is bewaard.",
  create: "Bevraging aanmaken",
  creating: "Bezig met aanmaken…",
  save: "Wijzigingen bewaren",
  saved: "De wijzigingen zijn bewaard.",
  cancelEdit: "Annuleren",
  errorSummary: "De bevraging kon niet bewaard worden. Controleer deze velden:",
  fieldProblems: {
    slug: "Gebruik alleen kleine letters, cijfers en koppeltekens (maximaal 80 tekens), beginnend met een letter of cijfer.",
    organisationId: "Kies een organisatie.",
    "title.nl": "Vul een Nederlandse titel in (maximaal 200 tekens).",
    "title.fr": "Vul een Franse titel in (maximaal 200 tekens).",
    "title.en": "Vul een Engelse titel in (maximaal 200 tekens).",
    questionnaire: "Kies een gepubliceerde versie van een vragenlijst.",
    unitIds: "Kies minstens één eenheid van de organisatie.",
    locales: "Kies minstens één taal.",
    k: "Vul een geheel getal van minstens 3 in.",
    opensAt: "Kies de eerste dag.",
    closesAt: "Kies een laatste dag die op of na de eerste dag valt.",
    accessMode: "Kies hoe respondenten toegang krijgen.",
    interimResultRoles: "Kies elke rol hoogstens één keer.",
    retentionDays: "Vul een aantal dagen in tussen 1 en 3650.",
    "thanksText.nl": "De Nederlandse bedanktekst: maximaal 1000 tekens, zonder stuurtekens.",
    "thanksText.fr": "De Franse bedanktekst: maximaal 1000 tekens, zonder stuurtekens.",
    "thanksText.en": "De Engelse bedanktekst: maximaal 1000 tekens, zonder stuurtekens.",
  },
  problems: {
    "slug-taken": "Dit adres is al in gebruik. Kies een ander.",
    dates: "De laatste dag is al voorbij. Wijzig de data voor je de bevraging opent.",
    "not-draft":
      "Alleen k, wie tussentijdse resultaten ziet en (zolang de bevraging open is) de bedanktekst kunnen nog veranderen; de rest wordt in het ontwerp ingesteld.",
    "not-editable": "Deze instelling kan niet meer veranderen.",
    "k-only-up":
      "De resultaten zijn al bekeken met deze k: een kleinere k zou verborgen groepen tonen.",
    "k-fixed": "k ligt vast: het aantal antwoorden is al getoond, afgerond op veelvouden ervan.",
    "codes-issued":
      "Er zijn al uitnodigingscodes aangemaakt: de toegang en de eenheden liggen vast.",
    status: "De status van de bevraging is intussen veranderd. Laad de pagina opnieuw.",
    "access-mode": "Deze bevraging gebruikt een open link, geen uitnodigingscodes.",
    "headcount-limit":
      "Een eenheid zou meer codes krijgen dan ze personeelsleden telt. Vraag minder codes aan, of verbeter eerst het personeelsaantal of de lijst.",
    "code-limit":
      "Deze bevraging heeft het maximum aantal uitnodigingscodes bereikt (alle eenheden samen). Gebruik de codes die al gemaakt zijn, of vraag je beheerder het maximum te verhogen.",
    busy: "De server maakt nu codes voor andere bevragingen. Probeer het over een minuut opnieuw.",
    "mail-not-configured":
      "Er is geen mailserver ingesteld: maak codes per eenheid aan en verdeel ze zelf.",
    sending: "Er wordt al verstuurd voor deze bevraging; wacht tot dat klaar is.",
    "separation-of-duties":
      "Je hebt codes gemaakt of uitnodigingen verstuurd voor deze bevraging, dus je kunt de resultaten en de deelname ervan niet lezen (scheiding van taken).",
    "results-at-close":
      "De resultaten en de deelname van deze bevraging zijn te zien zodra ze sluit.",
    "release-not-ready":
      "De deelname wordt getoond zodra de eerste telling klaar is, kort na de eerste antwoorden.",
    "bad-request": "De server begreep de vraag niet. Laad de pagina opnieuw en probeer nog eens.",
    "not-found": "Niet gevonden, of je hebt er geen toegang toe.",
    "method-not-allowed": "Deze handeling bestaat hier niet. Laad de pagina opnieuw.",
    "too-large": "Wat je verstuurde is te groot.",
    "unsupported-media-type": "De server kon dit formaat niet lezen. Laad de pagina opnieuw.",
    "malformed-json": "De server kon de vraag niet lezen. Laad de pagina opnieuw.",
    "too-many-requests": "Te veel vragen na elkaar. Wacht even en probeer opnieuw.",
    internal: "Er ging iets mis op de server. Probeer het later opnieuw.",
    error: "De server weigerde dit. Probeer het later opnieuw.",
    unauthorized: "Je bent niet meer aangemeld. Meld je opnieuw aan.",
    forbidden: "Je rol laat deze handeling niet toe.",
    "cross-origin":
      "Deze vraag kwam niet van Peilpunt zelf en werd geweigerd. Laad de pagina opnieuw.",
    csrf: "Je sessie is vernieuwd. Laad de pagina opnieuw en probeer nog eens.",
    "invalid-input": "Niet alles wat je invulde werd aanvaard. Controleer de velden.",
    conflict: "Dit botst met de huidige toestand van de bevraging. Laad de pagina opnieuw.",
    "unit-retired":
      "Een of meer eenheden van deze bevraging staan intussen op non-actief. Haal ze uit de eenheden van het ontwerp (of maak ze opnieuw actief) voor je de bevraging opent.",
  },
  unknownProblem: (status) =>
    `De server weigerde dit (status ${status}). Probeer het later opnieuw.`,
  previewTitle: "Voorbeeld van de vragenlijst",
  previewIntro:
    "Bekijk de vragen zoals respondenten ze zien, in elke taal van de bevraging. Niets wordt ingevuld of verstuurd.",
  showPreview: "Voorbeeld tonen",
  hidePreview: "Voorbeeld verbergen",
  previewLanguages: "Taal van het voorbeeld",
  previewLoading: "Het voorbeeld wordt geladen…",
  previewShowing: (language) => `Voorbeeld in het ${language}`,
  codesTitle: "Uitnodigingscodes",
  codesIntro:
    "Maak codes aan per eenheid en verdeel ze zelf, bv. met een mailing. Peilpunt bewaart geen namen of e-mailadressen, en van de codes alleen een vingerafdruk. Wie codes aanmaakt, kan de resultaten van deze bevraging daarna niet meer lezen (scheiding van taken).",
  codesUnit: "Eenheid",
  codesCount: "Aantal codes",
  codesCountHint: (max) => `Van 1 tot ${max.toLocaleString("nl-BE")} per keer.`,
  generate: "Codes aanmaken",
  generating: "Bezig met aanmaken…",
  codesGenerated: (count, unit) =>
    count === 1 ? `1 code aangemaakt voor ${unit}.` : `${count} codes aangemaakt voor ${unit}.`,
  codesOnce:
    "Deze codes worden maar één keer getoond. Download ze nu: Peilpunt kan ze niet opnieuw tonen.",
  downloadCsv: "CSV downloaden",
  codesCaption: (count, unit) => `${count} nieuwe codes voor ${unit}`,
  forgetCodes: "Codes verbergen",
  answerCountTitle: "Antwoorden tot nu toe",
  answerCountGate: (k) =>
    `Om te weten of een herinnering nodig is: het aantal antwoorden voor de hele organisatie, naar beneden afgerond op een veelvoud van k (${k}), zodat geen enkel antwoord apart zichtbaar wordt. Het toont geen resultaten en niets per eenheid, en legt geen tussentijdse versie vast; wel ligt k daarna vast: ze kan niet meer omhoog of omlaag.`,
  answerCountShow: "Aantal antwoorden tonen",
  answerCountValue: (atLeast) => `Minstens ${atLeast} antwoorden`,
  answerCountOfCodes: (issued, rate) =>
    `van ${issued} uitgegeven uitnodigingscodes (minstens ${rate})`,
  answerCountNote: (k) =>
    `Naar beneden afgerond op een veelvoud van k = ${k}, voor de hele organisatie. Het getal gaat in stappen van ${k}.`,
  kFixedByCount: (k) =>
    `k = ${k} ligt vast: het aantal antwoorden is getoond, afgerond op veelvouden ervan. Met een andere k zouden dat aantal en latere cijfers samen kunnen verraden wanneer een paar mensen antwoordden.`,
  participationTitle: "Deelname per eenheid",
  participationIntro: (k) =>
    `Aantallen onder ${k} worden niet getoond, en ook geen aantallen waaruit je een kleine groep zou kunnen afleiden (bv. een totaal min de andere eenheden). Verborgen is dus niet hetzelfde als nul.`,
  participationGate:
    "Zolang de bevraging loopt, komt de deelname uit de tussentijdse resultaten, die alleen voor de organisatie als geheel gelden (per eenheid bij het afsluiten): als je ze toont, worden die resultaten getoond zoals ze nu zijn. Vanaf dan ligt k vast, en elke latere versie, ook de eindresultaten, moet consistent blijven met wat getoond werd en kan dus meer verbergen; komen er na de laatst getoonde versie minder dan k antwoorden bij, dan blijft die versie het eindresultaat. Toon ze alleen als je ze nodig hebt. Om te zien hoeveel mensen tot nu toe antwoordden, gebruik je “Antwoorden tot nu toe” hierboven: dat toont geen tussentijdse resultaten.",
  participationShow: "Deelname tonen",
  participationWhileOpen:
    "Zolang de bevraging loopt, telt de deelname alleen voor de organisatie als geheel; per eenheid zodra ze afgesloten is.",
  participationCaption: "Respondenten per eenheid",
  asOf: (time) => `Stand op ${time}`,
  refresh: "Vernieuwen",
  refreshing: "Bezig met vernieuwen…",
  columnUnit: "Eenheid",
  columnRespondents: "Respondenten",
  columnDirect: "waarvan rechtstreeks in de eenheid:",
  columnIssued: "Codes uitgedeeld",
  columnRate: "Responsgraad",
  columnStaff: "Personeel",
  columnStaffRate: "Responsgraad t.o.v. personeel",
  staffHiddenSmall: (k) => `Verborgen: minder dan ${k} personeelsleden`,
  staffHiddenOther: "Verborgen om een kleine groep te beschermen",
  staffNote: (date) =>
    `Personeel: de gepubliceerde personeelsaantallen op ${date}, alleen voor eenheden die de bevraging helemaal omvat. De responsgraad staat er alleen waar beide aantallen getoond worden; boven 100 % als mensen die na die datum in dienst kwamen, antwoordden.`,
  organisationTotal: "totaal",
  notApplicable: "—",
  noParticipationRows: "Er zijn geen eenheden om te tonen.",
};

const fr: CampaignMessages = {
  listTitle: "Enquêtes",
  newCampaign: "Nouvelle enquête",
  emptyForManagers: "Il n'y a pas encore d'enquête. Créez la première avec « Nouvelle enquête ».",
  emptyForReaders: "Il n'y a pas encore d'enquête que vous pouvez consulter.",
  statuses: { draft: "Brouillon", open: "Ouverte", closed: "Clôturée", archived: "Archivée" },
  accessModes: { "open-link": "Lien ouvert", "invitation-codes": "Codes d'invitation" },
  periodDays: (first, last) => `Du ${first} au ${last} inclus`,
  periodUntil: (opens, closes) => `Du ${opens} au ${closes}`,
  factsTitle: "Paramètres",
  factStatus: "Statut",
  factOrganisation: "Organisation",
  factQuestionnaire: "Questionnaire",
  questionnaireVersion: (slug, version) => `${slug}, version ${version}`,
  factUnits: "Unités",
  unitsCount: (count) => (count === 1 ? "1 unité" : `${count} unités`),
  factLocales: "Langues",
  factK: "Taille minimale des groupes (k)",
  kValue: (k) => `${k} — résultats uniquement pour des groupes d'au moins ${k} personnes`,
  factOpens: "Ouverture",
  factCloses: "Clôture",
  factLastDay: "Dernier jour",
  languageNames: { nl: "néerlandais", fr: "français", en: "anglais" },
  factAccess: "Accès",
  factRetention: "Conservation des réponses brutes",
  retentionValue: (days) =>
    days === 1 ? "1 jour après la clôture" : `${days} jours après la clôture`,
  deleteOn: (date) =>
    `Les réponses brutes seront supprimées le ${date}. Exportez les résultats avant cette date.`,
  deleteAfterClosing: (days) =>
    `Les réponses brutes sont supprimées ${days} jours après la clôture ; les résultats publiés restent.`,
  respondentLink: "Lien pour les répondants",
  respondentLinkCodes: "À cette adresse, les répondants saisissent leur code d'invitation.",
  copyLink: "Copier le lien",
  linkCopied: "Le lien a été copié.",
  copyFailed: "La copie a échoué. Sélectionnez le lien et copiez-le vous-même.",
  resultsLink: "Voir les résultats",
  resultsViewed: "Les résultats ont déjà été consultés : k ne peut désormais qu'augmenter.",
  lifecycleTitle: "Changer le statut",
  nextStep: {
    open: "Cette enquête est un brouillon. Les répondants ne peuvent répondre qu'une fois qu'elle est ouverte.",
    close:
      "Cette enquête est ouverte. Elle se clôture d'elle-même après le dernier jour, ou maintenant avec le bouton.",
    archive: "Cette enquête est clôturée. L'archiver la retire de la liste de travail.",
  },
  transitionButton: { open: "Ouvrir", close: "Clôturer", archive: "Archiver" },
  confirmText: {
    open: "Une fois ouverte, les répondants peuvent répondre tout de suite via le lien, et seul k peut encore changer. Une date d'ouverture future devient aujourd'hui.",
    close: "Une fois clôturée, plus personne ne peut répondre. Cette action est définitive.",
    archive:
      "L'archivage retire l'enquête de la liste de travail. Les résultats publiés restent disponibles.",
  },
  confirmButton: {
    open: "Oui, ouvrir maintenant",
    close: "Oui, clôturer maintenant",
    archive: "Oui, archiver",
  },
  transitionDone: {
    open: "L'enquête est ouverte.",
    close: "L'enquête est clôturée.",
    archive: "L'enquête est archivée.",
  },
  archivedText: "Cette enquête est archivée. Plus rien ne peut être modifié.",
  cancel: "Annuler",
  editSettings: "Modifier les paramètres",
  raiseKTitle: "Augmenter la taille minimale des groupes",
  raiseKIntro:
    "Après le brouillon, k peut encore changer, mais uniquement à la hausse : ainsi, aucun groupe masqué auparavant n'apparaît.",
  newK: "Nouveau k",
  raiseKHint: (k) =>
    `Actuellement ${k}. Choisissez un nombre plus grand ; davantage de petits groupes seront masqués.`,
  raiseK: "Augmenter k",
  kMustRise: (k) => `Indiquez un nombre entier supérieur à ${k}.`,
  kRaised: (k) => `k vaut maintenant ${k}.`,
  newTitle: "Nouvelle enquête",
  editTitle: "Modifier les paramètres",
  slug: "Adresse (slug)",
  slugHint:
    "Lettres minuscules, chiffres et traits d'union, p. ex. diagnostic-2027. Elle fait partie du lien /s/… et ne change plus par la suite.",
  organisation: "Organisation",
  titles: "Titre",
  titleIn: { nl: "Titre en néerlandais", fr: "Titre en français", en: "Titre en anglais" },
  questionnaire: "Questionnaire",
  questionnaireKinds: { diagnosis: "diagnostic", campaign: "évaluation de campagne" },
  version: "Version publiée",
  versionOption: (number) => `Version ${number}`,
  noPublishedVersion: "Ce questionnaire n'a pas encore de version publiée.",
  units: "Unités concernées",
  unitsHint: "Seules les personnes qui travaillent dans ces unités peuvent répondre.",
  selectAll: "Tout sélectionner",
  selectNone: "Ne rien sélectionner",
  unitsSelected: (selected, total) =>
    `${selected} sur ${total} sélectionnée${selected === 1 ? "" : "s"}`,
  unitRetired: "désactivée : retirez cette unité",
  locales: "Langues pour les répondants",
  localesHint: "Les répondants choisissent l'une de ces langues.",
  notInQuestionnaire: "(le questionnaire n'existe pas dans cette langue)",
  k: "Taille minimale des groupes (k)",
  kHint:
    "Les résultats ne montrent que des groupes d'au moins k personnes ; les groupes plus petits restent masqués. Au moins 3 ; un k plus élevé protège mieux.",
  period: "Période",
  firstDay: "Premier jour",
  lastDay: "Dernier jour",
  datesHint:
    "L'enquête ouvre à 0 h (heure de Bruxelles) le premier jour et se clôture à minuit à la fin du dernier jour : le dernier jour compte entièrement.",
  accessMode: "Accès",
  accessHints: {
    "open-link":
      "Toute personne disposant du lien peut répondre, même plusieurs fois, et choisit elle-même son unité. Les résultats ne sont donc pas protégés contre des réponses inventées : qui complète un petit groupe avec ses propres réponses peut ensuite les soustraire. Peilpunt ne montre donc les résultats d'un lien ouvert que pour l'organisation dans son ensemble, sans ventilation par unité ni par profil. Réservez le lien ouvert aux enquêtes adressées à tous (p. ex. l'évaluation d'une campagne).",
    "invitation-codes":
      "Chaque répondant reçoit un code à usage unique ; le code détermine l'unité. Peilpunt envoie les invitations par e-mail, ou vous créez des codes par unité. Qui crée des codes ou envoie des invitations ne peut pas lire les résultats de cette enquête (séparation des tâches) : avec des codes inutilisés, il pourrait compléter un petit groupe puis soustraire ses propres réponses.",
  },
  interimResults: "Résultats intermédiaires",
  interimResultsHint:
    "Par défaut, seul un administrateur voit les résultats tant que l'enquête est ouverte ; les autres les voient après la clôture. Les rôles cochés ici les voient déjà pendant l'enquête. Ils ne sont mis à jour que lorsque suffisamment de nouvelles réponses sont arrivées, pour que personne ne déduise de la différence qui vient de répondre.",
  interimRoles: { coordinator: "Coordinateurs", evaluator: "Évaluateurs" },
  interimAdminsOnly:
    "Seuls les administrateurs tant que l'enquête est ouverte ; les autres après la clôture",
  interimAdmins: "Administrateurs",
  interimReaders: (list) => `${list}, dès l'ouverture de l'enquête`,
  retentionDays: "Conservation des réponses brutes (jours)",
  retentionHint:
    "Ce nombre de jours après la clôture, les réponses brutes et les codes sont supprimés ; les résultats publiés restent.",
  thanksTitle: "Page de remerciement : quand et comment les résultats seront partagés",
  thanksHint:
    "Les répondants lisent ceci après l'envoi. Dites quand et comment ils verront les résultats (p. ex. une séance d'information ou l'intranet). Texte simple, sans mise en forme ; laissé vide, le texte standard s'affiche.",
  thanksIn: { nl: "Texte en néerlandais", fr: "Texte en français", en: "Texte en anglais" },
  thanksStandard: "Laissé vide, les répondants lisent :",
  thanksWhileOpen: "Ce texte peut encore changer jusqu'à la clôture de l'enquête.",
  thanksSave: "Enregistrer le texte de remerciement",
  thanksSaved: "Le texte de remerciement est enregistré.",
  create: "Créer l'enquête",
  creating: "Création en cours…",
  save: "Enregistrer les modifications",
  saved: "Les modifications sont enregistrées.",
  cancelEdit: "Annuler",
  errorSummary: "L'enquête n'a pas pu être enregistrée. Vérifiez ces champs :",
  fieldProblems: {
    slug: "Utilisez uniquement des lettres minuscules, des chiffres et des traits d'union (80 caractères au plus), en commençant par une lettre ou un chiffre.",
    organisationId: "Choisissez une organisation.",
    "title.nl": "Indiquez un titre en néerlandais (200 caractères au plus).",
    "title.fr": "Indiquez un titre en français (200 caractères au plus).",
    "title.en": "Indiquez un titre en anglais (200 caractères au plus).",
    questionnaire: "Choisissez une version publiée d'un questionnaire.",
    unitIds: "Choisissez au moins une unité de l'organisation.",
    locales: "Choisissez au moins une langue.",
    k: "Indiquez un nombre entier d'au moins 3.",
    opensAt: "Choisissez le premier jour.",
    closesAt: "Choisissez un dernier jour identique ou postérieur au premier jour.",
    accessMode: "Choisissez comment les répondants accèdent à l'enquête.",
    interimResultRoles: "Choisissez chaque rôle une fois au plus.",
    retentionDays: "Indiquez un nombre de jours entre 1 et 3650.",
    "thanksText.nl":
      "Le texte de remerciement en néerlandais : 1000 caractères au plus, sans caractères de contrôle.",
    "thanksText.fr":
      "Le texte de remerciement en français : 1000 caractères au plus, sans caractères de contrôle.",
    "thanksText.en":
      "Le texte de remerciement en anglais : 1000 caractères au plus, sans caractères de contrôle.",
  },
  problems: {
    "slug-taken": "Cette adresse est déjà utilisée. Choisissez-en une autre.",
    dates: "Le dernier jour est déjà passé. Modifiez les dates avant d'ouvrir l'enquête.",
    "not-draft":
      "Seuls k, qui voit les résultats intermédiaires et (tant que l'enquête est ouverte) le texte de remerciement peuvent encore changer ; le reste se règle dans le brouillon.",
    "not-editable": "Ce paramètre ne peut plus changer.",
    "k-only-up":
      "Les résultats ont déjà été consultés avec ce k : un k plus petit montrerait des groupes masqués.",
    "k-fixed": "k est fixé : le nombre de réponses a déjà été affiché, arrondi à ses multiples.",
    "codes-issued": "Des codes d'invitation ont déjà été créés : l'accès et les unités sont fixés.",
    status: "Le statut de l'enquête a changé entre-temps. Rechargez la page.",
    "access-mode": "Cette enquête utilise un lien ouvert, pas des codes d'invitation.",
    "headcount-limit":
      "Une unité recevrait plus de codes que son effectif. Demandez moins de codes, ou corrigez d'abord l'effectif ou la liste.",
    "code-limit":
      "Cette enquête a atteint le nombre maximal de codes d'invitation (toutes unités confondues). Utilisez les codes déjà créés, ou demandez à votre administrateur de relever ce maximum.",
    busy: "Le serveur crée en ce moment des codes pour d'autres enquêtes. Réessayez dans une minute.",
    "mail-not-configured":
      "Aucun serveur de messagerie n'est configuré : créez des codes par unité et distribuez-les vous-même.",
    sending: "Un envoi est déjà en cours pour cette enquête ; attendez qu'il se termine.",
    "separation-of-duties":
      "Vous avez créé des codes ou envoyé des invitations pour cette enquête : vous ne pouvez donc pas en lire les résultats ni la participation (séparation des tâches).",
    "results-at-close":
      "Les résultats et la participation de cette enquête sont visibles dès sa clôture.",
    "release-not-ready":
      "La participation s'affiche dès que le premier comptage est prêt, peu après les premières réponses.",
    "bad-request": "Le serveur n'a pas compris la demande. Rechargez la page et réessayez.",
    "not-found": "Introuvable, ou vous n'y avez pas accès.",
    "method-not-allowed": "Cette action n'existe pas ici. Rechargez la page.",
    "too-large": "Ce que vous avez envoyé est trop volumineux.",
    "unsupported-media-type": "Le serveur n'a pas pu lire ce format. Rechargez la page.",
    "malformed-json": "Le serveur n'a pas pu lire la demande. Rechargez la page.",
    "too-many-requests": "Trop de demandes d'affilée. Patientez un instant et réessayez.",
    internal: "Une erreur s'est produite sur le serveur. Réessayez plus tard.",
    error: "Le serveur a refusé la demande. Réessayez plus tard.",
    unauthorized: "Vous n'êtes plus connecté·e. Reconnectez-vous.",
    forbidden: "Votre rôle ne permet pas cette action.",
    "cross-origin":
      "Cette demande ne venait pas de Peilpunt lui-même et a été refusée. Rechargez la page.",
    csrf: "Votre session a été renouvelée. Rechargez la page et réessayez.",
    "invalid-input": "Tout ce que vous avez saisi n'a pas été accepté. Vérifiez les champs.",
    conflict: "Ceci est incompatible avec l'état actuel de l'enquête. Rechargez la page.",
    "unit-retired":
      "Une ou plusieurs unités de cette enquête ont été désactivées entre-temps. Retirez-les des unités du brouillon (ou réactivez-les) avant d'ouvrir l'enquête.",
  },
  unknownProblem: (status) =>
    `Le serveur a refusé la demande (statut ${status}). Réessayez plus tard.`,
  previewTitle: "Aperçu du questionnaire",
  previewIntro:
    "Consultez les questions telles que les répondants les voient, dans chaque langue de l'enquête. Rien n'est rempli ni envoyé.",
  showPreview: "Afficher l'aperçu",
  hidePreview: "Masquer l'aperçu",
  previewLanguages: "Langue de l'aperçu",
  previewLoading: "Chargement de l'aperçu…",
  previewShowing: (language) => `Aperçu en ${language}`,
  codesTitle: "Codes d'invitation",
  codesIntro:
    "Créez des codes par unité et distribuez-les vous-même, p. ex. par publipostage. Peilpunt ne conserve ni noms ni adresses e-mail, et des codes seulement une empreinte. Qui crée des codes ne peut plus lire ensuite les résultats de cette enquête (séparation des tâches).",
  codesUnit: "Unité",
  codesCount: "Nombre de codes",
  codesCountHint: (max) => `De 1 à ${max.toLocaleString("fr-BE")} à la fois.`,
  generate: "Créer les codes",
  generating: "Création en cours…",
  codesGenerated: (count, unit) =>
    count === 1 ? `1 code créé pour ${unit}.` : `${count} codes créés pour ${unit}.`,
  codesOnce:
    "Ces codes ne sont affichés qu'une seule fois. Téléchargez-les maintenant : Peilpunt ne peut pas les afficher à nouveau.",
  downloadCsv: "Télécharger le CSV",
  codesCaption: (count, unit) => `${count} nouveaux codes pour ${unit}`,
  forgetCodes: "Masquer les codes",
  answerCountTitle: "Réponses jusqu'ici",
  answerCountGate: (k) =>
    `Pour savoir s'il faut un rappel : le nombre de réponses pour toute l'organisation, arrondi vers le bas à un multiple de k (${k}), pour qu'aucune réponse ne se voie isolément. Il ne montre aucun résultat ni rien par unité, et ne fixe aucune version intermédiaire ; mais k est ensuite fixé : il ne peut plus monter ni descendre.`,
  answerCountShow: "Afficher le nombre de réponses",
  answerCountValue: (atLeast) => `Au moins ${atLeast} réponses`,
  answerCountOfCodes: (issued, rate) => `sur ${issued} codes d'invitation émis (au moins ${rate})`,
  answerCountNote: (k) =>
    `Arrondi vers le bas à un multiple de k = ${k}, pour toute l'organisation. Le nombre évolue par paliers de ${k}.`,
  kFixedByCount: (k) =>
    `k = ${k} est fixé : le nombre de réponses a été affiché, arrondi à ses multiples. Avec un autre k, ce nombre et les chiffres suivants pourraient révéler ensemble quand quelques personnes ont répondu.`,
  participationTitle: "Participation par unité",
  participationIntro: (k) =>
    `Les nombres inférieurs à ${k} ne sont pas montrés, ni ceux dont on pourrait déduire un petit groupe (p. ex. un total moins les autres unités). Masqué ne veut donc pas dire zéro.`,
  participationGate:
    "Tant que l'enquête est ouverte, la participation vient des résultats intermédiaires, qui portent uniquement sur l'organisation dans son ensemble (par unité à la clôture) : l'afficher les montre tels qu'ils sont maintenant. k est alors fixé, et chaque version ultérieure, résultats finaux compris, doit rester cohérente avec ce qui a été montré ; elle peut donc en masquer davantage, et si moins de k réponses arrivent après la dernière version montrée, celle-ci reste le résultat final. Ne l'affichez que si vous en avez besoin. Pour savoir combien ont répondu jusqu'ici, utilisez « Réponses jusqu'ici » ci-dessus : cela ne montre aucun résultat intermédiaire.",
  participationShow: "Afficher la participation",
  participationWhileOpen:
    "Tant que l'enquête est ouverte, la participation est comptée pour l'organisation dans son ensemble uniquement ; par unité dès sa clôture.",
  participationCaption: "Répondants par unité",
  asOf: (time) => `Situation au ${time}`,
  refresh: "Actualiser",
  refreshing: "Actualisation…",
  columnUnit: "Unité",
  columnRespondents: "Répondants",
  columnDirect: "dont directement dans l'unité :",
  columnIssued: "Codes distribués",
  columnRate: "Taux de réponse",
  columnStaff: "Personnel",
  columnStaffRate: "Taux de réponse (personnel)",
  staffHiddenSmall: (k) => `Masqué : moins de ${k} membres du personnel`,
  staffHiddenOther: "Masqué pour protéger un petit groupe",
  staffNote: (date) =>
    `Personnel : les effectifs publiés au ${date}, seulement pour les unités que l'enquête couvre entièrement. Le taux n'est indiqué que là où les deux nombres sont montrés ; il dépasse 100 % si des personnes entrées en service après cette date ont répondu.`,
  organisationTotal: "total",
  notApplicable: "—",
  noParticipationRows: "Il n'y a aucune unité à afficher.",
};

const en: CampaignMessages = {
  listTitle: "Campaigns",
  newCampaign: "New campaign",
  emptyForManagers: "There are no campaigns yet. Create the first one with “New campaign”.",
  emptyForReaders: "There are no campaigns you can see yet.",
  statuses: { draft: "Draft", open: "Open", closed: "Closed", archived: "Archived" },
  accessModes: { "open-link": "Open link", "invitation-codes": "Invitation codes" },
  periodDays: (first, last) => `From ${first} up to and including ${last}`,
  periodUntil: (opens, closes) => `From ${opens} until ${closes}`,
  factsTitle: "Settings",
  factStatus: "Status",
  factOrganisation: "Organisation",
  factQuestionnaire: "Questionnaire",
  questionnaireVersion: (slug, version) => `${slug}, version ${version}`,
  factUnits: "Units",
  unitsCount: (count) => (count === 1 ? "1 unit" : `${count} units`),
  factLocales: "Languages",
  factK: "Minimum group size (k)",
  kValue: (k) => `${k} — results only for groups of at least ${k} people`,
  factOpens: "Opens",
  factCloses: "Closes",
  factLastDay: "Last day",
  languageNames: { nl: "Dutch", fr: "French", en: "English" },
  factAccess: "Access",
  factRetention: "Keeping raw responses",
  retentionValue: (days) => (days === 1 ? "1 day after closing" : `${days} days after closing`),
  deleteOn: (date) =>
    `The raw responses will be deleted on ${date}. Export the results before that date.`,
  deleteAfterClosing: (days) =>
    `The raw responses are deleted ${days} days after closing; the published results stay.`,
  respondentLink: "Link for respondents",
  respondentLinkCodes: "At this address, respondents enter their invitation code.",
  copyLink: "Copy link",
  linkCopied: "The link has been copied.",
  copyFailed: "Copying failed. Select the link and copy it yourself.",
  resultsLink: "View results",
  resultsViewed: "The results have been viewed: from now on k can only go up.",
  lifecycleTitle: "Change status",
  nextStep: {
    open: "This campaign is a draft. Respondents can only answer once it is open.",
    close: "This campaign is open. It closes by itself after its last day, or now with the button.",
    archive: "This campaign is closed. Archiving removes it from the working list.",
  },
  transitionButton: { open: "Open", close: "Close", archive: "Archive" },
  confirmText: {
    open: "Once open, respondents can answer at once through the link, and only k can still change. An opening date in the future becomes today.",
    close: "Once closed, nobody can answer any more. This cannot be undone.",
    archive:
      "Archiving removes the campaign from the working list. The published results stay available.",
  },
  confirmButton: {
    open: "Yes, open now",
    close: "Yes, close now",
    archive: "Yes, archive",
  },
  transitionDone: {
    open: "The campaign is open.",
    close: "The campaign is closed.",
    archive: "The campaign is archived.",
  },
  archivedText: "This campaign is archived. Nothing can be changed any more.",
  cancel: "Cancel",
  editSettings: "Edit settings",
  raiseKTitle: "Raise the minimum group size",
  raiseKIntro:
    "After the draft, k can still change, but only upwards: that way no group that was hidden before ever appears.",
  newK: "New k",
  raiseKHint: (k) => `Now ${k}. Choose a larger number; more small groups will then be hidden.`,
  raiseK: "Raise k",
  kMustRise: (k) => `Enter a whole number larger than ${k}.`,
  kRaised: (k) => `k is now ${k}.`,
  newTitle: "New campaign",
  editTitle: "Edit settings",
  slug: "Address (slug)",
  slugHint:
    "Lower-case letters, digits and hyphens, e.g. diagnosis-2027. It becomes part of the link /s/… and cannot change later.",
  organisation: "Organisation",
  titles: "Title",
  titleIn: { nl: "Title in Dutch", fr: "Title in French", en: "Title in English" },
  questionnaire: "Questionnaire",
  questionnaireKinds: { diagnosis: "diagnosis", campaign: "campaign evaluation" },
  version: "Published version",
  versionOption: (number) => `Version ${number}`,
  noPublishedVersion: "This questionnaire has no published version yet.",
  units: "Units in the campaign",
  unitsHint: "Only people who work in these units can answer.",
  selectAll: "Select all",
  selectNone: "Select none",
  unitsSelected: (selected, total) => `${selected} of ${total} selected`,
  unitRetired: "retired: take this unit out",
  locales: "Languages for respondents",
  localesHint: "Respondents choose one of these languages.",
  notInQuestionnaire: "(the questionnaire is not written in this language)",
  k: "Minimum group size (k)",
  kHint:
    "Results only show groups of at least k people; smaller groups stay hidden. At least 3; a higher k protects better.",
  period: "Period",
  firstDay: "First day",
  lastDay: "Last day",
  datesHint:
    "The campaign opens at 00:00 (Brussels time) on the first day and closes at midnight at the end of the last day: the last day counts in full.",
  accessMode: "Access",
  accessHints: {
    "open-link":
      "Anyone with the link can answer, even several times, and chooses their own unit. Results are therefore not protected against made-up responses: whoever pads a small group with answers of their own can subtract them again. So Peilpunt shows an open link's results for the organisation as a whole only, with no breakdown by unit or background. Use an open link only for a survey addressed to everyone (e.g. evaluating a campaign).",
    "invitation-codes":
      "Each respondent gets a single-use code; the code sets the unit. Peilpunt sends the invitations by e-mail, or you create codes per unit. Whoever creates codes or sends invitations cannot read this campaign's results (separation of duties): with unused codes they could pad a small group and subtract their own answers.",
  },
  interimResults: "Interim results",
  interimResultsHint:
    "By default only an admin sees results while the survey is open; the others see them once it closes. The roles ticked here see them during the survey already. They are updated only once enough new answers have arrived, so that nobody can tell from the difference who just answered.",
  interimRoles: { coordinator: "Coordinators", evaluator: "Evaluators" },
  interimAdminsOnly: "Admins only while the survey is open; everyone else once it closes",
  interimAdmins: "Admins",
  interimReaders: (list) => `${list}, while the survey is open`,
  retentionDays: "Keeping raw responses (days)",
  retentionHint:
    "This many days after closing, the raw responses and codes are deleted; the published results stay.",
  thanksTitle: "Thank-you page: when and how results will be shared",
  thanksHint:
    "Respondents read this after sending their answers. Say when and how they will see the results (e.g. an information session or the intranet). Plain text, no formatting; left empty, the standard text is shown.",
  thanksIn: { nl: "Text in Dutch", fr: "Text in French", en: "Text in English" },
  thanksStandard: "Left empty, respondents read:",
  thanksWhileOpen: "This text can still change until the campaign closes.",
  thanksSave: "Save the thank-you text",
  thanksSaved: "The thank-you text has been saved.",
  create: "Create campaign",
  creating: "Creating…",
  save: "Save changes",
  saved: "The changes have been saved.",
  cancelEdit: "Cancel",
  errorSummary: "The campaign could not be saved. Check these fields:",
  fieldProblems: {
    slug: "Use only lower-case letters, digits and hyphens (80 characters at most), starting with a letter or digit.",
    organisationId: "Choose an organisation.",
    "title.nl": "Enter a Dutch title (200 characters at most).",
    "title.fr": "Enter a French title (200 characters at most).",
    "title.en": "Enter an English title (200 characters at most).",
    questionnaire: "Choose a published version of a questionnaire.",
    unitIds: "Choose at least one unit of the organisation.",
    locales: "Choose at least one language.",
    k: "Enter a whole number of at least 3.",
    opensAt: "Choose the first day.",
    closesAt: "Choose a last day on or after the first day.",
    accessMode: "Choose how respondents get access.",
    interimResultRoles: "Choose each role at most once.",
    retentionDays: "Enter a number of days between 1 and 3650.",
    "thanksText.nl": "The Dutch thank-you text: 1000 characters at most, no control characters.",
    "thanksText.fr": "The French thank-you text: 1000 characters at most, no control characters.",
    "thanksText.en": "The English thank-you text: 1000 characters at most, no control characters.",
  },
  problems: {
    "slug-taken": "This address is already in use. Choose another one.",
    dates: "The last day has passed. Change the dates before opening the campaign.",
    "not-draft":
      "Only k, who sees interim results and (while the campaign is open) the thank-you text can still change; everything else is set in the draft.",
    "not-editable": "This setting cannot change any more.",
    "k-only-up": "The results were viewed with this k: a smaller k would show hidden groups.",
    "k-fixed": "k is fixed: the answer count was already shown, rounded to its multiples.",
    "codes-issued": "Invitation codes have been issued: the access and the units are fixed.",
    status: "The campaign's status has changed in the meantime. Reload the page.",
    "access-mode": "This campaign uses an open link, not invitation codes.",
    "headcount-limit":
      "A unit would get more codes than its headcount. Ask for fewer codes, or correct the headcount or the list first.",
    "code-limit":
      "This campaign has reached its maximum number of invitation codes (all units together). Use the codes already made, or ask your administrator to raise the maximum.",
    busy: "The server is making codes for other campaigns right now. Try again in a minute.",
    "mail-not-configured":
      "No mail server is configured: create codes per unit and hand them out yourself.",
    sending: "A sending for this campaign is under way; wait until it is done.",
    "separation-of-duties":
      "You made codes or sent invitations for this campaign, so you cannot read its results or participation (separation of duties).",
    "results-at-close": "This campaign's results and participation can be seen once it closes.",
    "release-not-ready":
      "Participation is shown once the first count is ready, shortly after the first answers.",
    "bad-request": "The server did not understand the request. Reload the page and try again.",
    "not-found": "Not found, or you have no access to it.",
    "method-not-allowed": "This action does not exist here. Reload the page.",
    "too-large": "What you sent is too large.",
    "unsupported-media-type": "The server could not read this format. Reload the page.",
    "malformed-json": "The server could not read the request. Reload the page.",
    "too-many-requests": "Too many requests in a row. Wait a moment and try again.",
    internal: "Something went wrong on the server. Try again later.",
    error: "The server refused this. Try again later.",
    unauthorized: "You are no longer signed in. Sign in again.",
    forbidden: "Your role does not allow this action.",
    "cross-origin":
      "This request did not come from Peilpunt itself and was refused. Reload the page.",
    csrf: "Your session was renewed. Reload the page and try again.",
    "invalid-input": "Not everything you entered was accepted. Check the fields.",
    conflict: "This clashes with the campaign's current state. Reload the page.",
    "unit-retired":
      "One or more units of this campaign were retired since. Take them out of the draft's units (or reinstate them) before opening the campaign.",
  },
  unknownProblem: (status) => `The server refused this (status ${status}). Try again later.`,
  previewTitle: "Questionnaire preview",
  previewIntro:
    "See the questions as respondents see them, in each language of the campaign. Nothing is filled in or sent.",
  showPreview: "Show preview",
  hidePreview: "Hide preview",
  previewLanguages: "Language of the preview",
  previewLoading: "Loading the preview…",
  previewShowing: (language) => `Preview in ${language}`,
  codesTitle: "Invitation codes",
  codesIntro:
    "Create codes per unit and hand them out yourself, e.g. with a mail merge. Peilpunt keeps no names or e-mail addresses, and of the codes only a fingerprint. Whoever creates codes can no longer read this campaign's results (separation of duties).",
  codesUnit: "Unit",
  codesCount: "Number of codes",
  codesCountHint: (max) => `From 1 to ${max.toLocaleString("en-GB")} at a time.`,
  generate: "Create codes",
  generating: "Creating…",
  codesGenerated: (count, unit) =>
    count === 1 ? `1 code created for ${unit}.` : `${count} codes created for ${unit}.`,
  codesOnce:
    "These codes are shown only this once. Download them now: Peilpunt cannot show them again.",
  downloadCsv: "Download CSV",
  codesCaption: (count, unit) => `${count} new codes for ${unit}`,
  forgetCodes: "Hide codes",
  answerCountTitle: "Answers so far",
  answerCountGate: (k) =>
    `To tell whether a reminder is needed: the number of answers for the whole organisation, rounded down to a multiple of k (${k}), so that no single answer shows. It shows no results and nothing per unit, and fixes no interim version; but from then on k is fixed: it can no longer go up or down.`,
  answerCountShow: "Show the answer count",
  answerCountValue: (atLeast) => `At least ${atLeast} answers`,
  answerCountOfCodes: (issued, rate) => `of ${issued} invitation codes issued (at least ${rate})`,
  answerCountNote: (k) =>
    `Rounded down to a multiple of k = ${k}, for the whole organisation. It moves in steps of ${k}.`,
  kFixedByCount: (k) =>
    `k = ${k} is fixed: the answer count was shown rounded to its multiples. With another k, that count and later figures together could tell when a few people answered.`,
  participationTitle: "Participation per unit",
  participationIntro: (k) =>
    `Counts under ${k} are not shown, nor counts from which a small group could be worked out (e.g. a total minus the other units). Hidden therefore does not mean zero.`,
  participationGate:
    "While the survey is open, participation comes from the interim results, which cover the organisation as a whole only (per unit at close): showing it shows them as they are now. From then on k is fixed, and every later version, the final results included, must stay consistent with what was shown, so it may hide more; if fewer than k answers arrive after the last version shown, that version stays the final one. Show it only when you need it. To see how many answered so far, use “Answers so far” above: it shows no interim results.",
  participationShow: "Show participation",
  participationWhileOpen:
    "While the survey is open, participation is counted for the organisation as a whole only; per unit once it is closed.",
  participationCaption: "Respondents per unit",
  asOf: (time) => `As of ${time}`,
  refresh: "Refresh",
  refreshing: "Refreshing…",
  columnUnit: "Unit",
  columnRespondents: "Respondents",
  columnDirect: "of whom directly in the unit:",
  columnIssued: "Codes issued",
  columnRate: "Response rate",
  columnStaff: "Staff",
  columnStaffRate: "Response rate (staff)",
  staffHiddenSmall: (k) => `Hidden: fewer than ${k} staff`,
  staffHiddenOther: "Hidden to protect a small group",
  staffNote: (date) =>
    `Staff: the published headcounts of ${date}, only for units the survey covers as a whole. A rate is given only where both figures are shown; above 100% when people who joined after that date answered.`,
  organisationTotal: "total",
  notApplicable: "—",
  noParticipationRows: "There are no units to show.",
};

export const CAMPAIGN_MESSAGES: Record<Locale, CampaignMessages> = { nl, fr, en };
