import type { Locale } from "../../i18n/locales";

/** Texts of the results screen. */
export interface ResultsMessages {
  heading: (campaign: string) => string;
  pageTitle: string;
  backToCampaign: string;
  compareLink: string;
  builtAtLabel: string;
  minimumLabel: string;
  minimumValue: (k: number) => string;
  hiddenLabel: string;
  hiddenValue: (primary: number, secondary: number, unanimity: number) => string;
  notReadyTitle: string;
  /** Shown with every interim release, whether or not a newer one is held back. */
  interimNotice: string;
  /**
   * A closed campaign whose readers get a release built while it was open (given its date):
   * the release at close is still being built, or the sequence audit held it back for good.
   */
  finalComputing: (builtAt: string) => string;
  finalHeldBack: (builtAt: string) => string;
  /** Phased access: results open when the campaign closes. */
  atCloseTitle: string;
  atCloseText: string;
  /** Before the first look at an open campaign's results: what showing them commits to. */
  firstLookTitle: string;
  firstLookText: string;
  firstLookShow: string;
  notReadyText: string;
  notReadyAgain: string;
  nothingPublished: (k: number) => string;
  organisationOnly: string;
  openLinkOnly: string;
  /** An open campaign's release: the organisation only, breakdowns at close. */
  whileOpenOnly: string;
  legendTitle: string;
  legendIntro: string;
  legendPrimary: (k: number) => string;
  legendSecondary: string;
  legendUnanimity: string;
  /** The item audit's neutral mark: names no rule, says nothing about unanimity. */
  legendProtected: string;
  answersHiddenLabel: string;
  /** Answer distributions hidden, of those served, and the respondent-answers they hold. */
  answersHiddenValue: (hidden: string, cells: string, answers: string) => string;
  legendComments: (minimum: number) => string;
  chooseTitle: string;
  tableLabel: string;
  unitLabel: string;
  partLabel: string;
  partAll: string;
  partDirect: (unit: string) => string;
  questionLabel: string;
  allQuestions: string;
  crossRootOnly: string;
  tableUnits: string;
  tableDimension: (dimension: string) => string;
  tableCross: (a: string, b: string) => string;
  /** Background questions by key, as they read after “by” (lower case but for names). */
  dimensionNames: Record<string, string>;
  shownHeading: (table: string, unit: string | null) => string;
  everyone: string;
  wholeUnit: (unit: string) => string;
  directlyIn: (unit: string) => string;
  noAnswer: string;
  noneTicked: string;
  groupColumn: string;
  nColumn: string;
  meanColumn: string;
  favourableColumn: string;
  cellHint: string;
  multiHint: string;
  scaleHint: string;
  answersCaption: (question: string) => string;
  noRespondents: string;
  notInRelease: string;
  /** A hidden table shown as an earlier release showed it (its date and group size then). */
  earlierFigures: (date: string, n: string) => string;
  /** The same, short, beside a bar of the chart. */
  asOf: (date: string) => string;
  legendEarlier: string;
  notApplicable: string;
  countOf: (count: number, formatted: string) => string;
  nothingHere: string;
  downloadsTitle: string;
  downloadCsv: (table: string) => string;
  downloadXlsx: string;
  downloadHint: string;
  commentsTitle: string;
  commentsFor: (unit: string) => string;
  commentsCount: (count: number) => string;
  noComments: (minimum: number) => string;
  commentsOtherUnits: (count: number) => string;
  commentsUnitOnly: string;
  showAllComments: (count: number) => string;
  unknownUnit: string;
  overviewTitle: string;
  respondentsLabel: string;
  responseRateLabel: string;
  responseRateUnknown: string;
  highestTitle: string;
  lowestTitle: string;
  agreeHeadline: (agree: string, inTen: number, top: string, topAnswer: string) => string;
  noScaleQuestions: string;
  print: string;
  printRules: (k: number) => string;
  commentsSearch: string;
  commentsTimes: (count: number) => string;
  commentsMatching: (shown: number, total: number) => string;
}

/** “job level” → “Job level”, for a name that starts a phrase. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const nl: ResultsMessages = {
  overviewTitle: "In één oogopslag",
  respondentsLabel: "Respondenten",
  responseRateLabel: "Responsgraad",
  responseRateUnknown: "niet gekend (open link: niemand telt wie uitgenodigd werd)",
  highestTitle: "Meest eens",
  lowestTitle: "Minst eens",
  agreeHeadline: (agree, inTen, top, topAnswer) =>
    `${agree} eens — ongeveer ${inTen} op 10; ${top} “${topAnswer}”`,
  noScaleQuestions: "Deze vragenlijst heeft geen stellingen om mee eens of oneens te zijn.",
  print: "Afdrukken / opslaan als pdf",
  printRules: (k) =>
    `Groepen van minder dan ${k} respondenten en cijfers waaruit ze af te leiden zijn, zijn verborgen (met de reden); een verborgen cijfer is nooit 0.`,
  commentsSearch: "Zoeken in de opmerkingen",
  commentsTimes: (count) => `${count} keer`,
  commentsMatching: (shown, total) => `${shown} van ${total} opmerkingen`,
  heading: (campaign) => `Resultaten: ${campaign}`,
  pageTitle: "Resultaten",
  backToCampaign: "Terug naar de bevraging",
  compareLink: "Vergelijken met een andere bevraging",
  builtAtLabel: "Berekend op",
  minimumLabel: "Minimale groepsgrootte",
  minimumValue: (k) => `k = ${k} respondenten`,
  hiddenLabel: "Verborgen cijfers",
  hiddenValue: (primary, secondary, unanimity) =>
    `${primary} groepen zijn te klein om te tonen; ${secondary} zijn verborgen zodat je die kleine groepen niet kunt uitrekenen; ${unanimity} keer gaf (bijna) iedereen in een groep hetzelfde antwoord op een gevoelige vraag`,
  notReadyTitle: "De resultaten worden berekend",
  interimNotice:
    "Tussentijdse resultaten: ze worden bijgewerkt wanneer er genoeg nieuwe antwoorden zijn binnengekomen.",
  finalComputing: (builtAt) =>
    `De bevraging is afgesloten. De eindresultaten worden nog berekend en gecontroleerd; tot dan zie je de cijfers van ${builtAt}, toen ze nog liep.`,
  finalHeldBack: (builtAt) =>
    `De bevraging is afgesloten, maar dit blijven de cijfers van ${builtAt}, toen ze nog liep: de antwoorden van daarna toevoegen zou wie deze tussentijdse cijfers zag, iets laten afleiden over de laatste respondenten. De antwoorden van na die datum tellen dus niet mee.`,
  firstLookTitle: "Tussentijdse resultaten",
  firstLookText:
    "Deze bevraging loopt nog. Toon je de resultaten nu, dan zie je ze zoals ze vandaag zijn, voor de organisatie als geheel (de uitsplitsingen komen bij het afsluiten). Vanaf dan ligt k vast, en elke latere versie, ook de eindresultaten, moet consistent blijven met wat getoond werd en kan dus meer verbergen; komen er na de laatst getoonde versie minder dan k antwoorden bij, dan blijft die versie het eindresultaat. Het tonen van de deelname telt net zo. Hoeveel mensen al antwoordden, staat zonder resultaten te tonen op de pagina van de bevraging (“Antwoorden tot nu toe”).",
  firstLookShow: "Tussentijdse resultaten tonen",
  atCloseTitle: "Resultaten bij afsluiten",
  atCloseText:
    "Deze bevraging toont haar resultaten wanneer ze afgesloten is. Zolang ze loopt, zien alleen beheerders en de rollen die de bevraging aanwijst tussentijdse resultaten.",
  notReadyText:
    "De resultaten worden nog berekend en gecontroleerd. Kom over een minuutje terug; deze pagina probeert het ook zelf opnieuw.",
  notReadyAgain: "Nu opnieuw proberen",
  nothingPublished: (k) =>
    `Geen enkele groep telt minstens ${k} respondenten, dus er kan nog niets getoond worden zonder de anonimiteit in gevaar te brengen.`,
  openLinkOnly:
    "Deze bevraging gebruikte een open link: ze is niet beschermd tegen verzonnen antwoorden. Wie een kleine groep opvult met eigen antwoorden, kan die er nadien weer aftrekken. Daarom gelden deze resultaten alleen voor de organisatie als geheel, zonder uitsplitsing per eenheid of achtergrond.",
  organisationOnly:
    "Er zijn te weinig antwoorden om uitsplitsingen veilig te tonen: deze resultaten gelden alleen voor de organisatie als geheel.",
  whileOpenOnly:
    "Zolang de bevraging loopt, gelden de resultaten alleen voor de organisatie als geheel. De uitsplitsingen per eenheid en achtergrond komen met de eindresultaten bij het afsluiten: getoond terwijl er nog antwoorden binnenkomen, zou je twee opeenvolgende versies kunnen vergelijken om iets over de nieuwste respondenten te weten te komen, en zouden de uitsplitsingen bij het afsluiten niet meer gepubliceerd kunnen worden.",
  legendTitle: "Zo lees je deze cijfers",
  legendIntro:
    "Alle cijfers komen uit één gecontroleerde set tabellen. Om de anonimiteit te beschermen zijn sommige cijfers verborgen; een verborgen cijfer wordt nooit als 0 getoond, maar met de reden:",
  legendPrimary: (k) =>
    `Groepen van 1 tot ${k - 1} personen, en alles binnen zo'n groep (ook nullen).`,
  legendSecondary:
    "Extra groepen, zodat je een kleine groep niet kunt afleiden door cijfers van elkaar af te trekken.",
  legendUnanimity:
    "Gevoelige vragen waarop iedereen of iedereen op één na in de groep hetzelfde antwoordde.",
  legendProtected:
    "Een vraag voor een groep, waar haar antwoorden samen met de getoonde iets over de antwoorden van een kleine groep zouden verraden.",
  answersHiddenLabel: "Verborgen antwoorden",
  answersHiddenValue: (hidden, cells, answers) =>
    `${hidden} van de ${cells} antwoordverdelingen (vraag × getoonde groep) zijn verborgen om de antwoorden van kleine groepen te beschermen; samen ${answers} antwoorden`,
  legendComments: (minimum) =>
    `Opmerkingen worden alleen getoond voor hele eenheden met minstens ${minimum} respondenten; e-mailadressen, telefoonnummers en links zijn afgeschermd.`,
  chooseTitle: "Wat wil je zien?",
  tableLabel: "Tabel",
  unitLabel: "Eenheid",
  partLabel: "Welke medewerkers",
  partAll: "De hele eenheid, met haar onderdelen",
  partDirect: (unit) => `Alleen wie rechtstreeks in ${unit} werkt`,
  questionLabel: "Vraag",
  allQuestions: "Alle vragen",
  crossRootOnly: "Deze kruistabel bestaat alleen voor de organisatie als geheel.",
  tableUnits: "Per eenheid",
  tableDimension: (dimension) => `Per ${dimension}`,
  tableCross: (a, b) => `${capitalised(a)} × ${b} (hele organisatie)`,
  dimensionNames: {
    gender: "gender",
    age_band: "leeftijd",
    job_level: "functieniveau",
    migration_background: "migratieachtergrond",
    disability: "handicap of chronische ziekte",
    lgbtq: "LGBTQ+",
  },
  shownHeading: (table, unit) => (unit ? `${table}: ${unit}` : table),
  everyone: "Iedereen",
  wholeUnit: (unit) => `${unit} (hele eenheid)`,
  directlyIn: (unit) => `Rechtstreeks in ${unit}`,
  noAnswer: "Geen antwoord",
  noneTicked: "Niets aangevinkt",
  groupColumn: "Groep",
  nColumn: "Respondenten",
  meanColumn: "Gemiddelde",
  favourableColumn: "Eens (2 hoogste)",
  cellHint:
    "n is het aantal respondenten in de groep; elke cel toont het aandeel van de groep en, eronder, het aantal personen. Schuif de tabel opzij op een smal scherm.",
  multiHint: "Meerdere antwoorden mogelijk: de aandelen tellen op tot meer dan 100 %.",
  scaleHint:
    "Gemiddelde op de schaal van de vraag; “eens” is het aandeel dat een van de twee hoogste antwoorden koos, onder wie antwoordde.",
  answersCaption: (question) => `Antwoorden per groep: ${question}`,
  noRespondents: "Geen respondenten in deze groep",
  notInRelease: "Niet in deze resultaten",
  earlierFigures: (date, n) =>
    `Cijfers van ${date} (n = ${n}); de nieuwere antwoorden blijven verborgen`,
  asOf: (date) => `stand van ${date}`,
  legendEarlier:
    "Is een vraag voor een groep nu verborgen, dan zie je haar cijfers zoals een eerdere versie van deze resultaten ze toonde, met die datum: niets nieuws, en de nieuwere antwoorden blijven beschermd.",
  notApplicable: "n.v.t.",
  countOf: (_count, formatted) => `${formatted} pers.`,
  nothingHere: "Deze tabel heeft geen groepen voor de gekozen eenheid.",
  downloadsTitle: "Downloaden",
  downloadCsv: (table) => `${table} (CSV)`,
  downloadXlsx: "Alle resultaten (Excel)",
  downloadHint:
    "Het CSV-bestand bevat de gekozen tabel voor alle eenheden die je mag zien; het Excel-bestand alle tabellen, de opmerkingen en, waar personeelsaantallen bestaan, de respondenten tegenover het personeel. Verborgen cijfers staan er met hun reden in. Elke download wordt in het logboek opgenomen.",
  commentsTitle: "Opmerkingen",
  commentsFor: (unit) => `Opmerkingen: ${unit}`,
  commentsCount: (count) => (count === 1 ? "1 opmerking" : `${count} opmerkingen`),
  noComments: (minimum) =>
    `Voor deze eenheid worden geen opmerkingen getoond: ze telt minder dan ${minimum} respondenten, of de opmerkingen zouden te herleiden zijn.`,
  commentsOtherUnits: (count) =>
    count === 1
      ? "1 andere eenheid heeft opmerkingen; kies ze hierboven."
      : `${count} andere eenheden hebben opmerkingen; kies een eenheid hierboven.`,
  commentsUnitOnly:
    "Opmerkingen bestaan alleen per eenheid, nooit per achtergrondkenmerk. Je ziet die van de gekozen eenheid.",
  showAllComments: (count) => `Alle ${count} opmerkingen tonen`,
  unknownUnit: "Eenheid",
};

const fr: ResultsMessages = {
  overviewTitle: "En un coup d'œil",
  respondentsLabel: "Répondants",
  responseRateLabel: "Taux de réponse",
  responseRateUnknown: "inconnu (lien ouvert : personne ne compte qui a été invité)",
  highestTitle: "Le plus d'accord",
  lowestTitle: "Le moins d'accord",
  agreeHeadline: (agree, inTen, top, topAnswer) =>
    `${agree} d'accord — environ ${inTen} sur 10 ; ${top} « ${topAnswer} »`,
  noScaleQuestions: "Ce questionnaire n'a pas d'affirmations avec lesquelles être d'accord ou non.",
  print: "Imprimer / enregistrer en PDF",
  printRules: (k) =>
    `Les groupes de moins de ${k} répondants et les chiffres qui permettraient de les déduire sont masqués (avec la raison) ; un chiffre masqué n'est jamais 0.`,
  commentsSearch: "Chercher dans les commentaires",
  commentsTimes: (count) => `${count} fois`,
  commentsMatching: (shown, total) => `${shown} commentaires sur ${total}`,
  heading: (campaign) => `Résultats : ${campaign}`,
  pageTitle: "Résultats",
  backToCampaign: "Retour à l'enquête",
  compareLink: "Comparer avec une autre enquête",
  builtAtLabel: "Calculés le",
  minimumLabel: "Taille minimale d'un groupe",
  minimumValue: (k) => `k = ${k} répondants`,
  hiddenLabel: "Chiffres masqués",
  hiddenValue: (primary, secondary, unanimity) =>
    `${primary} groupes trop petits pour être montrés ; ${secondary} masqués pour qu'on ne puisse pas recalculer ces petits groupes ; ${unanimity} fois, (presque) tout un groupe a donné la même réponse à une question sensible`,
  notReadyTitle: "Les résultats sont en cours de calcul",
  interimNotice:
    "Résultats intermédiaires : ils sont mis à jour lorsque suffisamment de nouvelles réponses sont arrivées.",
  finalComputing: (builtAt) =>
    `L'enquête est clôturée. Les résultats finaux sont encore en cours de calcul et de contrôle ; en attendant, vous voyez les chiffres du ${builtAt}, quand elle était encore ouverte.`,
  finalHeldBack: (builtAt) =>
    `L'enquête est clôturée, mais ces chiffres restent ceux du ${builtAt}, quand elle était encore ouverte : y ajouter les réponses arrivées ensuite permettrait à qui a vu ces chiffres intermédiaires de déduire quelque chose sur les derniers répondants. Les réponses postérieures à cette date ne sont donc pas comptées.`,
  firstLookTitle: "Résultats intermédiaires",
  firstLookText:
    "Cette enquête est encore ouverte. Si vous affichez les résultats maintenant, vous les voyez tels qu'ils sont aujourd'hui, pour l'organisation dans son ensemble (les ventilations arrivent à la clôture). k est alors fixé, et chaque version ultérieure, résultats finaux compris, doit rester cohérente avec ce qui a été montré ; elle peut donc en masquer davantage, et si moins de k réponses arrivent après la dernière version montrée, celle-ci reste le résultat final. Afficher la participation compte de la même façon. Le nombre de réponses jusqu'ici se trouve, sans montrer de résultats, sur la page de l'enquête (« Réponses jusqu'ici »).",
  firstLookShow: "Afficher les résultats intermédiaires",
  atCloseTitle: "Résultats à la clôture",
  atCloseText:
    "Cette enquête montre ses résultats une fois clôturée. Tant qu'elle est ouverte, seuls les administrateurs et les rôles qu'elle désigne voient des résultats intermédiaires.",
  notReadyText:
    "Les résultats sont encore en cours de calcul et de vérification. Revenez dans une minute ; cette page réessaie aussi d'elle-même.",
  notReadyAgain: "Réessayer maintenant",
  nothingPublished: (k) =>
    `Aucun groupe ne compte au moins ${k} répondants : rien ne peut encore être affiché sans mettre l'anonymat en danger.`,
  openLinkOnly:
    "Cette enquête utilisait un lien ouvert : elle n'est pas protégée contre les réponses inventées. Qui remplit un petit groupe de ses propres réponses peut ensuite les soustraire. Ces résultats portent donc uniquement sur l'organisation dans son ensemble, sans ventilation par unité ni par profil.",
  organisationOnly:
    "Il y a trop peu de réponses pour afficher des ventilations en toute sécurité : ces résultats portent uniquement sur l'organisation dans son ensemble.",
  whileOpenOnly:
    "Tant que l'enquête est ouverte, les résultats portent uniquement sur l'organisation dans son ensemble. Les ventilations par unité et par profil arrivent avec les résultats finaux, à la clôture : montrées pendant que des réponses arrivent encore, deux versions successives pourraient être comparées pour apprendre quelque chose sur les derniers répondants, et les ventilations finales ne pourraient plus être publiées.",
  legendTitle: "Comment lire ces chiffres",
  legendIntro:
    "Tous les chiffres proviennent d'un seul ensemble de tableaux vérifié. Pour protéger l'anonymat, certains chiffres sont masqués ; un chiffre masqué n'est jamais affiché comme 0, mais avec sa raison :",
  legendPrimary: (k) =>
    `Les groupes de 1 à ${k - 1} personnes, et tout ce qui se trouve à l'intérieur (zéros compris).`,
  legendSecondary:
    "Des groupes supplémentaires, pour qu'on ne puisse pas retrouver un petit groupe par soustraction.",
  legendUnanimity:
    "Les questions sensibles auxquelles tout le groupe, ou tous sauf une personne, a donné la même réponse.",
  legendProtected:
    "Une question pour un groupe, là où ses réponses, avec celles qui sont montrées, trahiraient quelque chose des réponses d'un petit groupe.",
  answersHiddenLabel: "Réponses masquées",
  answersHiddenValue: (hidden, cells, answers) =>
    `${hidden} des ${cells} répartitions de réponses (question × groupe affiché) sont masquées pour protéger les réponses de petits groupes ; ${answers} réponses en tout`,
  legendComments: (minimum) =>
    `Les commentaires ne sont affichés que pour des unités entières d'au moins ${minimum} répondants ; les adresses e-mail, numéros de téléphone et liens sont masqués.`,
  chooseTitle: "Que voulez-vous voir ?",
  tableLabel: "Tableau",
  unitLabel: "Unité",
  partLabel: "Quels membres du personnel",
  partAll: "Toute l'unité, avec ses subdivisions",
  partDirect: (unit) => `Uniquement les personnes rattachées directement à ${unit}`,
  questionLabel: "Question",
  allQuestions: "Toutes les questions",
  crossRootOnly: "Ce tableau croisé n'existe que pour l'organisation dans son ensemble.",
  tableUnits: "Par unité",
  tableDimension: (dimension) => `Par ${dimension}`,
  tableCross: (a, b) => `${capitalised(a)} × ${b} (toute l'organisation)`,
  dimensionNames: {
    gender: "genre",
    age_band: "âge",
    job_level: "niveau de fonction",
    migration_background: "origine migratoire",
    disability: "handicap ou maladie chronique",
    lgbtq: "LGBTQ+",
  },
  shownHeading: (table, unit) => (unit ? `${table} : ${unit}` : table),
  everyone: "Tout le monde",
  wholeUnit: (unit) => `${unit} (toute l'unité)`,
  directlyIn: (unit) => `Directement à ${unit}`,
  noAnswer: "Pas de réponse",
  noneTicked: "Rien de coché",
  groupColumn: "Groupe",
  nColumn: "Répondants",
  meanColumn: "Moyenne",
  favourableColumn: "D'accord (2 plus hautes)",
  cellHint:
    "n est le nombre de répondants du groupe ; chaque cellule indique la part du groupe et, en dessous, le nombre de personnes. Sur un petit écran, faites défiler le tableau latéralement.",
  multiHint: "Plusieurs réponses possibles : le total des parts dépasse 100 %.",
  scaleHint:
    "Moyenne sur l'échelle de la question ; « d'accord » est la part ayant choisi l'une des deux réponses les plus hautes, parmi celles et ceux qui ont répondu.",
  answersCaption: (question) => `Réponses par groupe : ${question}`,
  noRespondents: "Aucun répondant dans ce groupe",
  notInRelease: "Absent de ces résultats",
  earlierFigures: (date, n) =>
    `Chiffres du ${date} (n = ${n}) ; les réponses plus récentes restent masquées`,
  asOf: (date) => `au ${date}`,
  legendEarlier:
    "Quand une question est masquée pour un groupe, vous voyez ses chiffres tels qu'une version antérieure de ces résultats les montrait, avec sa date : rien de nouveau, et les réponses plus récentes restent protégées.",
  notApplicable: "s.o.",
  countOf: (_count, formatted) => `${formatted} pers.`,
  nothingHere: "Ce tableau n'a pas de groupes pour l'unité choisie.",
  downloadsTitle: "Télécharger",
  downloadCsv: (table) => `${table} (CSV)`,
  downloadXlsx: "Tous les résultats (Excel)",
  downloadHint:
    "Le fichier CSV contient le tableau choisi pour toutes les unités que vous pouvez voir ; le fichier Excel tous les tableaux, les commentaires et, là où des effectifs existent, les répondants face au personnel. Les chiffres masqués y figurent avec leur raison. Chaque téléchargement est inscrit au journal.",
  commentsTitle: "Commentaires",
  commentsFor: (unit) => `Commentaires : ${unit}`,
  commentsCount: (count) => (count === 1 ? "1 commentaire" : `${count} commentaires`),
  noComments: (minimum) =>
    `Aucun commentaire n'est affiché pour cette unité : elle compte moins de ${minimum} répondants, ou les commentaires pourraient être retracés.`,
  commentsOtherUnits: (count) =>
    count === 1
      ? "1 autre unité a des commentaires ; choisissez-la ci-dessus."
      : `${count} autres unités ont des commentaires ; choisissez une unité ci-dessus.`,
  commentsUnitOnly:
    "Les commentaires existent uniquement par unité, jamais par caractéristique personnelle. Vous voyez ceux de l'unité choisie.",
  showAllComments: (count) => `Afficher les ${count} commentaires`,
  unknownUnit: "Unité",
};

const en: ResultsMessages = {
  overviewTitle: "At a glance",
  respondentsLabel: "Respondents",
  responseRateLabel: "Response rate",
  responseRateUnknown: "not known (open link: nobody counts who was invited)",
  highestTitle: "Most agreement",
  lowestTitle: "Least agreement",
  agreeHeadline: (agree, inTen, top, topAnswer) =>
    `${agree} agree — about ${inTen} in 10; ${top} “${topAnswer}”`,
  noScaleQuestions: "This questionnaire has no statements to agree or disagree with.",
  print: "Print / save as PDF",
  printRules: (k) =>
    `Groups of fewer than ${k} respondents, and figures they could be worked out from, are hidden (with the reason); a hidden figure is never 0.`,
  commentsSearch: "Search the comments",
  commentsTimes: (count) => `${count} times`,
  commentsMatching: (shown, total) => `${shown} of ${total} comments`,
  heading: (campaign) => `Results: ${campaign}`,
  pageTitle: "Results",
  backToCampaign: "Back to the campaign",
  compareLink: "Compare with another campaign",
  builtAtLabel: "Release built at",
  minimumLabel: "Minimum group size",
  minimumValue: (k) => `k = ${k} respondents`,
  hiddenLabel: "Hidden figures",
  hiddenValue: (primary, secondary, unanimity) =>
    `${primary} groups are too small to show; ${secondary} are hidden so that those small groups cannot be worked out; ${unanimity} times (nearly) everyone in a group gave the same answer to a sensitive question`,
  interimNotice: "Interim results: they are updated when enough new answers have arrived.",
  finalComputing: (builtAt) =>
    `The survey is closed. Its final results are still being computed and checked; until then you see the figures of ${builtAt}, while it was still open.`,
  finalHeldBack: (builtAt) =>
    `The survey is closed, but these remain the figures of ${builtAt}, while it was still open: adding the answers given after that would let whoever saw these interim figures work out something about the last respondents. Answers given after that date are therefore not counted.`,
  firstLookTitle: "Interim results",
  firstLookText:
    "This survey is still open. If you show its results now, you see them as they are today, for the organisation as a whole (the breakdowns come at close). From then on k is fixed, and every later version, the final results included, must stay consistent with what was shown, so it may hide more; if fewer than k answers arrive after the last version shown, that version stays the final one. Showing participation counts the same. How many answered so far is on the campaign page (“Answers so far”), without showing any results.",
  firstLookShow: "Show interim results",
  atCloseTitle: "Results at close",
  atCloseText:
    "This survey shows its results once it is closed. While it is open, only administrators and the roles it names see interim results.",
  notReadyTitle: "Results are being computed",
  notReadyText:
    "The results are still being computed and checked. Check back in a minute; this page also tries again by itself.",
  notReadyAgain: "Try again now",
  nothingPublished: (k) =>
    `No group has at least ${k} respondents, so nothing can be shown yet without putting anonymity at risk.`,
  openLinkOnly:
    "This campaign used an open link: it is not protected against made-up responses. Whoever pads a small group with answers of their own can subtract them afterwards. So these results cover the organisation as a whole only, with no breakdown by unit or background.",
  organisationOnly:
    "There are too few answers to show breakdowns safely: these results cover the organisation as a whole only.",
  whileOpenOnly:
    "While the survey is open, results cover the organisation as a whole only. The breakdowns by unit and background come with the final results at close: shown while answers still arrive, two successive versions could be compared to learn something about the newest respondents, and the final breakdowns could no longer be published.",
  legendTitle: "How to read these figures",
  legendIntro:
    "Every figure comes from one checked set of tables. To protect anonymity some figures are hidden; a hidden figure is never shown as 0 but with its reason:",
  legendPrimary: (k) =>
    `Groups of 1 to ${k - 1} people, and everything inside such a group (zeros included).`,
  legendSecondary: "Further groups, so that no small group can be worked out by subtraction.",
  legendUnanimity:
    "Sensitive questions where everyone, or everyone but one, in the group gave the same answer.",
  legendProtected:
    "A question for a group, where its answers, together with those shown, would give away something of the answers of a small group.",
  answersHiddenLabel: "Hidden answers",
  answersHiddenValue: (hidden, cells, answers) =>
    `${hidden} of ${cells} answer distributions (question × group shown) are hidden to keep the answers of small groups private; ${answers} answers in all`,
  legendComments: (minimum) =>
    `Comments are shown only for whole units of at least ${minimum} respondents; e-mail addresses, phone numbers and links are masked.`,
  chooseTitle: "What do you want to see?",
  tableLabel: "Table",
  unitLabel: "Unit",
  partLabel: "Which staff",
  partAll: "The whole unit, including its sub-units",
  partDirect: (unit) => `Only people directly in ${unit}`,
  questionLabel: "Question",
  allQuestions: "All questions",
  crossRootOnly: "This cross table exists for the organisation as a whole only.",
  tableUnits: "By unit",
  tableDimension: (dimension) => `By ${dimension}`,
  tableCross: (a, b) => `${capitalised(a)} × ${b} (whole organisation)`,
  dimensionNames: {
    gender: "gender",
    age_band: "age",
    job_level: "job level",
    migration_background: "migration background",
    disability: "disability or chronic illness",
    lgbtq: "LGBTQ+",
  },
  shownHeading: (table, unit) => (unit ? `${table}: ${unit}` : table),
  everyone: "Everyone",
  wholeUnit: (unit) => `${unit} (whole unit)`,
  directlyIn: (unit) => `Directly in ${unit}`,
  noAnswer: "No answer",
  noneTicked: "None ticked",
  groupColumn: "Group",
  nColumn: "Respondents",
  meanColumn: "Mean",
  favourableColumn: "Agree (top 2)",
  cellHint:
    "n is the number of respondents in the group; each cell shows the group's share and, below it, the number of people. On a narrow screen, scroll the table sideways.",
  multiHint: "Several answers possible: the shares add up to more than 100%.",
  scaleHint:
    "Mean on the question's scale; “agree” is the share choosing one of the two highest answers, among those who answered.",
  answersCaption: (question) => `Answers per group: ${question}`,
  noRespondents: "No respondents in this group",
  notInRelease: "Not in these results",
  earlierFigures: (date, n) => `Figures of ${date} (n = ${n}); the newer answers stay hidden`,
  asOf: (date) => `as of ${date}`,
  legendEarlier:
    "Where a question is hidden for a group, you see its figures as an earlier version of these results showed them, with that date: nothing new, and the newer answers stay protected.",
  notApplicable: "n/a",
  countOf: (count, formatted) => (count === 1 ? "1 person" : `${formatted} people`),
  nothingHere: "This table has no groups for the chosen unit.",
  downloadsTitle: "Download",
  downloadCsv: (table) => `${table} (CSV)`,
  downloadXlsx: "All results (Excel)",
  downloadHint:
    "The CSV file holds the chosen table for every unit you may see; the Excel file every table, the comments and, where headcounts exist, the respondents against the staff. Hidden figures appear with their reasons. Every download is recorded in the audit log.",
  commentsTitle: "Comments",
  commentsFor: (unit) => `Comments: ${unit}`,
  commentsCount: (count) => (count === 1 ? "1 comment" : `${count} comments`),
  noComments: (minimum) =>
    `No comments are shown for this unit: it has fewer than ${minimum} respondents, or the comments could be traced back.`,
  commentsOtherUnits: (count) =>
    count === 1
      ? "1 other unit has comments; choose it above."
      : `${count} other units have comments; choose a unit above.`,
  commentsUnitOnly:
    "Comments exist per unit only, never per background. You see those of the chosen unit.",
  showAllComments: (count) => `Show all ${count} comments`,
  unknownUnit: "Unit",
};

export const RESULTS_MESSAGES: Record<Locale, ResultsMessages> = { nl, fr, en };
