import type { Locale } from "./locales";

/** Why an invitation code was not accepted (or could not be checked). */
export type CodeProblem =
  | "empty"
  | "mistyped"
  | "unknown"
  | "used"
  | "network"
  | "tooMany"
  | "failed";

/** Every text of the respondent pages; each language must provide every key (typechecked). */
export interface RespondentMessages {
  skipToContent: string;
  languageLabel: string;
  loading: string;
  notFoundTitle: string;
  notFoundText: string;
  notOpenTitle: string;
  notOpenText: (date: string) => string;
  closedTitle: string;
  closedText: (date: string) => string;
  networkTitle: string;
  networkText: string;
  retry: string;
  noticeTitle: string;
  noticeStored: string;
  noticeNeverStored: string;
  noticeGroups: (k: number) => string;
  noticeWhoSees: string;
  noticeVoluntary: string;
  /** How long filling in takes, estimated from the questionnaire. */
  noticeDuration: (minutes: number, questions: number) => string;
  /** What the page keeps in the browser tab, and when it goes. */
  noticeBrowser: string;
  privacyLink: string;
  start: string;
  codeTitle: string;
  codeIntro: string;
  codeLabel: string;
  codeHint: string;
  codeContinue: string;
  codeChecking: string;
  codeProblems: Record<CodeProblem, string>;
  codeRejectedText: string;
  codeUseOther: string;
  codeReplaced: string;
  codeAgainAfterReload: string;
  progressLabel: string;
  progress: (page: number, pages: number) => string;
  draftKept: string;
  draftRestored: string;
  clearAnswers: string;
  clearConfirm: string;
  clearYes: string;
  clearCancel: string;
  cleared: string;
  submitting: string;
  invalidTitle: string;
  invalidText: string;
  submitFailedTitle: string;
  submitFailedText: string;
  submitAgain: string;
  thanksTitle: string;
  thanksText: string;
  /** When and how results are shared: the default, from the campaign's closing date. */
  thanksResults: (closingDay: string, k: number) => string;
  privacyPageTitle: string;
  privacySections: { title: string; paragraphs: string[] }[];
  backToSurvey: string;
  homeTitle: string;
  homeIntro: string;
  homePrivacy: string;
  homeRespondentTitle: string;
  homeRespondentText: string;
  homeLostLink: string;
  homeStaffTitle: string;
  homeStaffText: string;
  homeStaffLink: string;
  footer: string;
}

const nl: RespondentMessages = {
  skipToContent: "Naar de inhoud",
  languageLabel: "Taal",
  loading: "De vragenlijst wordt geladen…",
  notFoundTitle: "Deze bevraging bestaat niet",
  notFoundText: "Controleer de link die je ontving. Misschien is hij onvolledig gekopieerd.",
  notOpenTitle: "Deze bevraging is nog niet open",
  notOpenText: (date) => `Je kunt deelnemen vanaf ${date}.`,
  closedTitle: "Deze bevraging is afgesloten",
  closedText: (date) => `Deelnemen kon tot ${date}. Bedankt voor je interesse.`,
  networkTitle: "Geen verbinding",
  networkText: "We konden de server niet bereiken. Controleer je verbinding en probeer opnieuw.",
  retry: "Opnieuw proberen",
  noticeTitle: "Anoniem en vertrouwelijk",
  noticeStored: "We bewaren alleen je antwoorden en de eenheid waarin je werkt.",
  noticeNeverStored:
    "We bewaren nooit je naam, e-mailadres, IP-adres, toestel, taal of het tijdstip waarop je antwoordt.",
  noticeGroups: (k) =>
    `Resultaten worden alleen getoond voor groepen van minstens ${k} personen, en nooit zo dat een kleinere groep kan worden afgeleid.`,
  noticeWhoSees:
    "De diversiteitscoördinator en de evaluatoren van je organisatie zien enkel deze samengevatte resultaten, nooit afzonderlijke antwoorden.",
  noticeVoluntary:
    "Alle vragen over jezelf zijn facultatief en hebben het antwoord 'Zeg ik liever niet'.",
  noticeDuration: (minutes, questions) =>
    `Invullen duurt ongeveer ${minutes} minuten (${questions} vragen).`,
  noticeBrowser:
    "Tot je ze verstuurt, blijven je antwoorden, de pagina waarop je bent en je taalkeuze bewaard in dit browsertabblad alleen, zodat ze een herlaadbeurt overleven. Ze worden gewist zodra je verstuurt, als je 'Mijn antwoorden wissen' kiest of als je het tabblad sluit.",
  privacyLink: "Meer over je privacy",
  start: "Start de vragenlijst",
  codeTitle: "Je uitnodigingscode",
  codeIntro:
    "Deze bevraging is voor wie een uitnodiging kreeg. Vul de code uit je uitnodiging in. Je code wordt niet aan je antwoorden gekoppeld: we onthouden alleen dat hij gebruikt is.",
  codeLabel: "Uitnodigingscode",
  codeHint: "Vorm: XXXX-XXXX-XXXX-X. Hoofdletters of kleine letters, het maakt niet uit.",
  codeContinue: "Verder",
  codeChecking: "Je code wordt gecontroleerd…",
  codeProblems: {
    empty: "Vul de code uit je uitnodiging in.",
    mistyped: "Deze code bevat een tikfout. Vergelijk hem teken per teken met je uitnodiging.",
    unknown:
      "Deze code hoort niet bij deze bevraging. Controleer of de link en de code uit dezelfde uitnodiging komen.",
    used: "Deze code werd al gebruikt. Met elke code kun je één keer deelnemen.",
    network: "We konden je code niet controleren: er is geen verbinding. Probeer opnieuw.",
    tooMany: "Te veel pogingen vanaf dit netwerk. Wacht een minuut en probeer opnieuw.",
    failed: "Er ging iets mis bij het controleren van je code. Probeer opnieuw.",
  },
  codeRejectedText:
    "Je antwoorden staan nog op dit scherm. Heb je een andere code, vul hem hieronder in en verstuur opnieuw.",
  codeUseOther: "Deze code gebruiken",
  codeReplaced: "Code aanvaard. Verstuur je antwoorden nu opnieuw.",
  codeAgainAfterReload:
    "Je antwoorden staan nog in dit tabblad. Vul je code opnieuw in om verder te gaan: we bewaren hem nergens.",
  progressLabel: "Voortgang",
  progress: (page, pages) => `Pagina ${page} van ${pages}`,
  draftKept: "Je antwoorden blijven in dit tabblad bewaard tot je ze verstuurt.",
  draftRestored: "Je antwoorden van eerder in dit tabblad zijn teruggezet.",
  clearAnswers: "Mijn antwoorden wissen",
  clearConfirm: "Alle antwoorden in dit tabblad wissen? Dat kan niet ongedaan worden.",
  clearYes: "Ja, alles wissen",
  clearCancel: "Niet wissen",
  cleared: "Je antwoorden zijn gewist. Je kunt opnieuw beginnen.",
  submitting: "Je antwoorden worden verstuurd…",
  invalidTitle: "Enkele antwoorden moeten nog aangepast worden",
  invalidText: "Kijk de volgende vragen na en verstuur opnieuw:",
  submitFailedTitle: "Je antwoorden zijn niet verstuurd",
  submitFailedText: "Er ging iets mis. Je antwoorden staan nog op dit scherm; probeer opnieuw.",
  submitAgain: "Opnieuw versturen",
  thanksTitle: "Bedankt voor je deelname!",
  thanksText: "Je antwoorden zijn anoniem bewaard. Je kunt dit venster nu sluiten.",
  thanksResults: (day, k) =>
    `De resultaten worden gedeeld na het afsluiten van de bevraging op ${day}: alleen cijfers voor groepen van minstens ${k} personen, nooit afzonderlijke antwoorden. Je diversiteitscoördinator laat weten waar je ze kunt lezen.`,
  privacyPageTitle: "Je privacy bij Peilpunt",
  privacySections: [
    {
      title: "Anoniem door de manier waarop het gebouwd is",
      paragraphs: [
        "Een bewaard antwoord bevat alleen de bevraging, je eenheid en je antwoorden. Er is geen naam, e-mailadres, uitnodiging, IP-adres, toestel, cookie, taal of tijdstip aan gekoppeld, ook geen datum.",
        "Ook de volgorde van de antwoorden is niet terug te vinden: elk antwoord krijgt een willekeurige sleutel en wordt in die volgorde opgeslagen. Het aantal deelnemers per dag wordt apart geteld, zonder verband met een antwoord.",
      ],
    },
    {
      title: "Minimale groepsgrootte",
      paragraphs: [
        "Resultaten verschijnen alleen voor groepen van minstens k personen (meestal 5). Kleinere groepen worden verborgen.",
        "Omdat je een verborgen groep soms kunt terugrekenen door gepubliceerde cijfers van elkaar af te trekken (een faculteit min haar departementen, of een totaal min de andere groepen), verbergt Peilpunt zo nodig ook andere cellen. Een controle berekent voor elke verborgen cel wat iemand met alle gepubliceerde cijfers nog kan afleiden; er wordt pas gepubliceerd als geen enkele kleine groep herleidbaar is.",
        "Bij gevoelige vragen wordt ook een verdeling verborgen waarin (bijna) iedereen hetzelfde antwoordde, omdat die anders iets verraadt over elke persoon in de groep.",
      ],
    },
    {
      title: "Open antwoorden",
      paragraphs: [
        "Opmerkingen worden alleen getoond voor eenheden met minstens 10 deelnemers, nooit per achtergrondkenmerk, in willekeurige volgorde. E-mailadressen, telefoonnummers en webadressen worden gemaskeerd. Vermeld geen namen.",
      ],
    },
    {
      title: "Wat in je browser blijft",
      paragraphs: [
        "Zolang je niet verstuurd hebt, bewaart deze pagina je antwoorden, de pagina waarop je bent en je taalkeuze in de sessieopslag van dit ene browsertabblad, zodat een herlaadbeurt of de knop Terug niets doet verdwijnen. Een ander tabblad, een ander venster of de volgende gebruiker van deze computer ziet ze niet.",
        "Ze worden gewist zodra je antwoorden verstuurd zijn, als je 'Mijn antwoorden wissen' kiest of als je het tabblad sluit. Ze worden nooit naar de server gestuurd voor je verstuurt, en nooit in een cookie of in blijvende opslag gezet. Een uitnodigingscode blijft alleen in het geheugen van de pagina.",
      ],
    },
    {
      title: "Geen cookies, geen tracking",
      paragraphs: [
        "Deze pagina laadt niets van andere websites, zet geen cookies en registreert niets over je bezoek. Je taalkeuze blijft in je browser.",
      ],
    },
    {
      title: "Wie ziet wat",
      paragraphs: [
        "De diversiteitscoördinator en de evaluatoren van je organisatie zien alleen de samengevatte, beveiligde resultaten. Afzonderlijke antwoorden worden via Peilpunt aan niemand getoond.",
      ],
    },
  ],
  backToSurvey: "Terug",
  homeTitle: "Anonieme personeelsbevragingen",
  homeIntro:
    "Peilpunt is een opensourceplatform voor anonieme personeelsbevragingen en diversiteitsdiagnoses van openbare organisaties.",
  homePrivacy:
    "Wat je antwoordt, kan niet aan jou worden gekoppeld: we bewaren geen naam, e-mailadres, IP-adres of tijdstip, en resultaten worden alleen getoond voor groepen van meerdere personen.",
  homeRespondentTitle: "Een bevraging invullen",
  homeRespondentText:
    "Elke bevraging heeft een eigen link. Je organisatie bezorgt die, bijvoorbeeld per e-mail, op het intranet of op papier, soms met een uitnodigingscode.",
  homeLostLink:
    "Link kwijt? Zoek de uitnodiging van je organisatie terug of vraag de link aan wie de bevraging organiseert (vaak de diversiteits- of personeelsdienst). Deze pagina toont bewust geen lijst van bevragingen.",
  homeStaffTitle: "Voor wie bevragingen beheert",
  homeStaffText: "Coördinatoren, evaluatoren en beheerders melden zich hier aan.",
  homeStaffLink: "Aanmelden als medewerker",
  footer: "Peilpunt — anonieme bevragingen over diversiteit en gelijke kansen",
};

const fr: RespondentMessages = {
  skipToContent: "Aller au contenu",
  languageLabel: "Langue",
  loading: "Chargement du questionnaire…",
  notFoundTitle: "Cette enquête n'existe pas",
  notFoundText: "Vérifiez le lien reçu. Il a peut-être été copié de façon incomplète.",
  notOpenTitle: "Cette enquête n'est pas encore ouverte",
  notOpenText: (date) => `Vous pourrez participer à partir du ${date}.`,
  closedTitle: "Cette enquête est clôturée",
  closedText: (date) => `Il était possible de participer jusqu'au ${date}. Merci de votre intérêt.`,
  networkTitle: "Pas de connexion",
  networkText: "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
  retry: "Réessayer",
  noticeTitle: "Anonyme et confidentiel",
  noticeStored: "Nous conservons uniquement vos réponses et l'unité où vous travaillez.",
  noticeNeverStored:
    "Nous ne conservons jamais votre nom, votre adresse e-mail, votre adresse IP, votre appareil, votre langue ni le moment de votre réponse.",
  noticeGroups: (k) =>
    `Les résultats ne sont montrés que pour des groupes d'au moins ${k} personnes, et jamais de façon à permettre de déduire un groupe plus petit.`,
  noticeWhoSees:
    "La personne chargée de la diversité et les évaluateurs de votre organisation ne voient que ces résultats agrégés, jamais de réponses individuelles.",
  noticeVoluntary:
    "Toutes les questions vous concernant sont facultatives et proposent la réponse « Je préfère ne pas répondre ».",
  noticeDuration: (minutes, questions) =>
    `Répondre prend environ ${minutes} minutes (${questions} questions).`,
  noticeBrowser:
    "Jusqu'à leur envoi, vos réponses, la page où vous êtes et votre choix de langue sont gardés dans cet onglet du navigateur uniquement, pour survivre à un rechargement. Ils sont effacés dès l'envoi, si vous choisissez « Effacer mes réponses » ou si vous fermez l'onglet.",
  privacyLink: "En savoir plus sur votre vie privée",
  start: "Commencer le questionnaire",
  codeTitle: "Votre code d'invitation",
  codeIntro:
    "Cette enquête s'adresse aux personnes qui ont reçu une invitation. Introduisez le code figurant dans votre invitation. Votre code n'est pas lié à vos réponses : nous retenons seulement qu'il a été utilisé.",
  codeLabel: "Code d'invitation",
  codeHint: "Format : XXXX-XXXX-XXXX-X. Majuscules ou minuscules, peu importe.",
  codeContinue: "Continuer",
  codeChecking: "Vérification de votre code…",
  codeProblems: {
    empty: "Introduisez le code figurant dans votre invitation.",
    mistyped:
      "Ce code contient une faute de frappe. Comparez-le caractère par caractère avec votre invitation.",
    unknown:
      "Ce code ne correspond pas à cette enquête. Vérifiez que le lien et le code proviennent de la même invitation.",
    used: "Ce code a déjà été utilisé. Chaque code permet de participer une seule fois.",
    network: "Impossible de vérifier votre code : pas de connexion. Veuillez réessayer.",
    tooMany: "Trop de tentatives depuis ce réseau. Attendez une minute et réessayez.",
    failed: "Un problème est survenu lors de la vérification de votre code. Veuillez réessayer.",
  },
  codeRejectedText:
    "Vos réponses sont toujours à l'écran. Si vous avez un autre code, introduisez-le ci-dessous et envoyez à nouveau.",
  codeUseOther: "Utiliser ce code",
  codeReplaced: "Code accepté. Envoyez maintenant vos réponses à nouveau.",
  codeAgainAfterReload:
    "Vos réponses sont toujours dans cet onglet. Introduisez à nouveau votre code pour continuer : nous ne le gardons nulle part.",
  progressLabel: "Progression",
  progress: (page, pages) => `Page ${page} sur ${pages}`,
  draftKept: "Vos réponses restent gardées dans cet onglet jusqu'à leur envoi.",
  draftRestored: "Vos réponses précédentes dans cet onglet ont été rétablies.",
  clearAnswers: "Effacer mes réponses",
  clearConfirm: "Effacer toutes les réponses de cet onglet ? Cette action est définitive.",
  clearYes: "Oui, tout effacer",
  clearCancel: "Ne pas effacer",
  cleared: "Vos réponses ont été effacées. Vous pouvez recommencer.",
  submitting: "Envoi de vos réponses…",
  invalidTitle: "Quelques réponses doivent encore être corrigées",
  invalidText: "Vérifiez les questions suivantes et envoyez à nouveau :",
  submitFailedTitle: "Vos réponses n'ont pas été envoyées",
  submitFailedText:
    "Un problème est survenu. Vos réponses sont toujours à l'écran ; veuillez réessayer.",
  submitAgain: "Envoyer à nouveau",
  thanksTitle: "Merci de votre participation !",
  thanksText:
    "Vos réponses ont été enregistrées de façon anonyme. Vous pouvez fermer cette fenêtre.",
  thanksResults: (day, k) =>
    `Les résultats seront partagés après la clôture de l'enquête le ${day} : uniquement des chiffres pour des groupes d'au moins ${k} personnes, jamais de réponses individuelles. La personne chargée de la diversité vous indiquera où les lire.`,
  privacyPageTitle: "Votre vie privée avec Peilpunt",
  privacySections: [
    {
      title: "Anonyme par construction",
      paragraphs: [
        "Une réponse enregistrée contient uniquement l'enquête, votre unité et vos réponses. Aucun nom, adresse e-mail, invitation, adresse IP, appareil, cookie, langue ni moment n'y est lié, pas même la date.",
        "L'ordre des réponses ne peut pas non plus être retrouvé : chaque réponse reçoit une clé aléatoire et est rangée dans cet ordre. Le nombre de participants par jour est compté à part, sans lien avec une réponse.",
      ],
    },
    {
      title: "Taille minimale des groupes",
      paragraphs: [
        "Les résultats n'apparaissent que pour des groupes d'au moins k personnes (en général 5). Les groupes plus petits sont masqués.",
        "Comme un groupe masqué peut parfois être recalculé en soustrayant des chiffres publiés (une faculté moins ses départements, ou un total moins les autres groupes), Peilpunt masque si nécessaire d'autres cellules. Un contrôle calcule pour chaque cellule masquée ce qu'on peut encore en déduire à partir de tous les chiffres publiés ; rien n'est publié tant qu'un petit groupe reste déductible.",
        "Pour les questions sensibles, une répartition où (presque) tout le monde a répondu la même chose est aussi masquée, car elle révélerait quelque chose sur chaque personne du groupe.",
      ],
    },
    {
      title: "Réponses ouvertes",
      paragraphs: [
        "Les commentaires ne sont montrés que pour des unités d'au moins 10 participants, jamais par caractéristique personnelle, dans un ordre aléatoire. Les adresses e-mail, numéros de téléphone et adresses web sont masqués. Ne citez pas de noms.",
      ],
    },
    {
      title: "Ce qui reste dans votre navigateur",
      paragraphs: [
        "Tant que vous n'avez pas envoyé vos réponses, cette page garde vos réponses, la page où vous êtes et votre choix de langue dans le stockage de session de cet onglet uniquement, pour qu'un rechargement ou le bouton Retour ne fasse rien disparaître. Un autre onglet, une autre fenêtre ou la personne suivante sur cet ordinateur ne les voit pas.",
        "Ils sont effacés dès que vos réponses sont envoyées, si vous choisissez « Effacer mes réponses » ou si vous fermez l'onglet. Ils ne sont jamais envoyés au serveur avant votre envoi, ni mis dans un cookie ou un stockage durable. Un code d'invitation reste uniquement dans la mémoire de la page.",
      ],
    },
    {
      title: "Pas de cookies, pas de suivi",
      paragraphs: [
        "Cette page ne charge rien depuis d'autres sites, ne dépose aucun cookie et n'enregistre rien de votre visite. Votre choix de langue reste dans votre navigateur.",
      ],
    },
    {
      title: "Qui voit quoi",
      paragraphs: [
        "La personne chargée de la diversité et les évaluateurs de votre organisation ne voient que les résultats agrégés et protégés. Peilpunt ne montre à personne les réponses individuelles.",
      ],
    },
  ],
  backToSurvey: "Retour",
  homeTitle: "Enquêtes anonymes auprès du personnel",
  homeIntro:
    "Peilpunt est une plateforme libre d'enquêtes anonymes auprès du personnel et de diagnostics de diversité pour les organisations publiques.",
  homePrivacy:
    "Vos réponses ne peuvent pas être reliées à vous : nous ne conservons ni nom, ni adresse e-mail, ni adresse IP, ni heure, et les résultats ne sont montrés que pour des groupes de plusieurs personnes.",
  homeRespondentTitle: "Répondre à une enquête",
  homeRespondentText:
    "Chaque enquête a son propre lien. Votre organisation vous le transmet, par exemple par e-mail, sur l'intranet ou sur papier, parfois avec un code d'invitation.",
  homeLostLink:
    "Lien perdu ? Retrouvez l'invitation de votre organisation ou demandez le lien à la personne qui organise l'enquête (souvent le service diversité ou du personnel). Cette page ne montre volontairement aucune liste d'enquêtes.",
  homeStaffTitle: "Pour qui gère les enquêtes",
  homeStaffText: "Coordinateurs, évaluateurs et administrateurs se connectent ici.",
  homeStaffLink: "Connexion du personnel",
  footer: "Peilpunt — enquêtes anonymes sur la diversité et l'égalité des chances",
};

const en: RespondentMessages = {
  skipToContent: "Skip to content",
  languageLabel: "Language",
  loading: "Loading the questionnaire…",
  notFoundTitle: "This survey does not exist",
  notFoundText: "Check the link you received. It may have been copied incompletely.",
  notOpenTitle: "This survey is not open yet",
  notOpenText: (date) => `You can take part from ${date}.`,
  closedTitle: "This survey is closed",
  closedText: (date) => `It was open until ${date}. Thank you for your interest.`,
  networkTitle: "No connection",
  networkText: "We could not reach the server. Check your connection and try again.",
  retry: "Try again",
  noticeTitle: "Anonymous and confidential",
  noticeStored: "We store only your answers and the unit you work in.",
  noticeNeverStored:
    "We never store your name, e-mail address, IP address, device, language or the time you answer.",
  noticeGroups: (k) =>
    `Results are shown only for groups of at least ${k} people, and never in a way that lets anyone work out a smaller group.`,
  noticeWhoSees:
    "The diversity coordinator and the evaluators of your organisation see only these aggregated results, never individual answers.",
  noticeVoluntary:
    "All questions about yourself are optional and offer the answer 'I prefer not to say'.",
  noticeDuration: (minutes, questions) =>
    `Filling in takes about ${minutes} minutes (${questions} questions).`,
  noticeBrowser:
    "Until you send them, your answers, the page you are on and your choice of language are kept in this browser tab only, so that they survive a reload. They are removed as soon as you send, when you choose 'Clear my answers' or when you close the tab.",
  privacyLink: "More about your privacy",
  start: "Start the questionnaire",
  codeTitle: "Your invitation code",
  codeIntro:
    "This survey is for people who received an invitation. Enter the code from your invitation. Your code is not linked to your answers: we only keep the fact that it was used.",
  codeLabel: "Invitation code",
  codeHint: "Format: XXXX-XXXX-XXXX-X. Upper or lower case, it does not matter.",
  codeContinue: "Continue",
  codeChecking: "Checking your code…",
  codeProblems: {
    empty: "Enter the code from your invitation.",
    mistyped:
      "This code contains a typing mistake. Compare it character by character with your invitation.",
    unknown:
      "This code does not belong to this survey. Check that the link and the code come from the same invitation.",
    used: "This code has already been used. Each code lets you take part once.",
    network: "We could not check your code: there is no connection. Please try again.",
    tooMany: "Too many attempts from this network. Wait a minute and try again.",
    failed: "Something went wrong while checking your code. Please try again.",
  },
  codeRejectedText:
    "Your answers are still on screen. If you have another code, enter it below and send again.",
  codeUseOther: "Use this code",
  codeReplaced: "Code accepted. Now send your answers again.",
  codeAgainAfterReload:
    "Your answers are still in this tab. Enter your code again to continue: we keep it nowhere.",
  progressLabel: "Progress",
  progress: (page, pages) => `Page ${page} of ${pages}`,
  draftKept: "Your answers are kept in this tab until you send them.",
  draftRestored: "Your earlier answers in this tab are back.",
  clearAnswers: "Clear my answers",
  clearConfirm: "Clear every answer in this tab? This cannot be undone.",
  clearYes: "Yes, clear everything",
  clearCancel: "Do not clear",
  cleared: "Your answers were cleared. You can start again.",
  submitting: "Sending your answers…",
  invalidTitle: "Some answers still need a change",
  invalidText: "Please check these questions and send again:",
  submitFailedTitle: "Your answers were not sent",
  submitFailedText: "Something went wrong. Your answers are still on screen; please try again.",
  submitAgain: "Send again",
  thanksTitle: "Thank you for taking part!",
  thanksText: "Your answers have been stored anonymously. You can close this window now.",
  thanksResults: (day, k) =>
    `Results are shared after the survey closes on ${day}: only figures for groups of at least ${k} people, never individual answers. Your diversity coordinator will tell you where to read them.`,
  privacyPageTitle: "Your privacy with Peilpunt",
  privacySections: [
    {
      title: "Anonymous by construction",
      paragraphs: [
        "A stored response holds only the survey, your unit and your answers. No name, e-mail address, invitation, IP address, device, cookie, language or time is linked to it, not even the date.",
        "The order of responses cannot be recovered either: each response gets a random key and is stored in that order. Participation per day is counted separately, with no link to any response.",
      ],
    },
    {
      title: "Minimum group size",
      paragraphs: [
        "Results appear only for groups of at least k people (usually 5). Smaller groups are hidden.",
        "Because a hidden group can sometimes be recalculated by subtracting published figures (a faculty minus its departments, or a total minus the other groups), Peilpunt hides other cells where needed. A check computes, for every hidden cell, what anyone could still infer from all published figures; nothing is published while a small group remains derivable.",
        "For sensitive questions, a distribution in which (almost) everyone gave the same answer is hidden too, because it would reveal something about every person in the group.",
      ],
    },
    {
      title: "Open answers",
      paragraphs: [
        "Comments are shown only for units with at least 10 participants, never per personal characteristic, in random order. E-mail addresses, phone numbers and web addresses are masked. Please do not mention names.",
      ],
    },
    {
      title: "What stays in your browser",
      paragraphs: [
        "Until you have sent your answers, this page keeps your answers, the page you are on and your choice of language in the session storage of this one browser tab, so that a reload or the Back button loses nothing. Another tab, another window or the next user of this computer does not see them.",
        "They are removed as soon as your answers are sent, when you choose 'Clear my answers' or when you close the tab. They are never sent to the server before you send, and never put in a cookie or in lasting storage. An invitation code stays in the page's memory only.",
      ],
    },
    {
      title: "No cookies, no tracking",
      paragraphs: [
        "This page loads nothing from other websites, sets no cookies and records nothing about your visit. Your choice of language stays in your browser.",
      ],
    },
    {
      title: "Who sees what",
      paragraphs: [
        "The diversity coordinator and the evaluators of your organisation see only the aggregated, protected results. Peilpunt shows individual responses to no one.",
      ],
    },
  ],
  backToSurvey: "Back",
  homeTitle: "Anonymous staff surveys",
  homeIntro:
    "Peilpunt is an open-source platform for anonymous staff surveys and diversity diagnoses in public organisations.",
  homePrivacy:
    "What you answer cannot be linked to you: we store no name, e-mail address, IP address or time, and results are only shown for groups of several people.",
  homeRespondentTitle: "Taking part in a survey",
  homeRespondentText:
    "Each survey has its own link. Your organisation sends it, for example by e-mail, on the intranet or on paper, sometimes with an invitation code.",
  homeLostLink:
    "Lost the link? Look for your organisation's invitation or ask whoever runs the survey (often the diversity or HR department). This page deliberately lists no surveys.",
  homeStaffTitle: "For those who run surveys",
  homeStaffText: "Coordinators, evaluators and administrators sign in here.",
  homeStaffLink: "Staff sign-in",
  footer: "Peilpunt — anonymous surveys on diversity and equal opportunities",
};

export const RESPONDENT_MESSAGES: Record<Locale, RespondentMessages> = { nl, fr, en };
