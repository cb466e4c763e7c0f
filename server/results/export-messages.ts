import type { HiddenReason } from "../../analysis/release-types";
import type { ExportLocale } from "./unit-labels";

/** The texts of the exports for Excel, in the reader's language. */
export interface ExportMessages {
  columns: {
    unit: string;
    unitCode: string;
    part: string;
    n: string;
    question: string;
    answer: string;
    count: string;
    share: string;
    mean: string;
    favourable: string;
    questionCode: string;
    answerCode: string;
    comment: string;
  };
  partAll: string;
  partDirect: string;
  noAnswer: string;
  noneTicked: string;
  hidden: (reason: HiddenReason, k: number) => string;
  /** A hidden table's figures as an earlier served release showed them. */
  earlierFigures: (builtAt: string, n: number) => string;
  aboutSheet: string;
  commentsSheet: string;
  unitsTable: string;
  about: {
    campaign: string;
    builtAt: string;
    /** Why these figures lack answers (interim, or a closed campaign's earlier release). */
    status: string;
    statusText: Record<"interim" | "computing" | "held-back", string>;
    k: string;
    rulesTitle: string;
    rules: (k: number) => string[];
    reading: string[];
  };
}

/** One symbol per reason, as the results screen shows them. */
const SYMBOLS: Record<HiddenReason, string> = {
  primary: "◌",
  secondary: "◍",
  unanimity: "≡",
  protected: "◇",
};

const nl: ExportMessages = {
  columns: {
    unit: "Eenheid",
    unitCode: "Code eenheid",
    part: "Welk personeel",
    n: "Respondenten",
    question: "Vraag",
    answer: "Antwoord",
    count: "Aantal",
    share: "Aandeel (%)",
    mean: "Gemiddelde",
    favourable: "Akkoord, hoogste 2 (%)",
    questionCode: "Code vraag",
    answerCode: "Code antwoord",
    comment: "Opmerking",
  },
  partAll: "hele eenheid",
  partDirect: "rechtstreeks in de eenheid",
  noAnswer: "Geen antwoord",
  noneTicked: "Niets aangevinkt",
  earlierFigures: (builtAt, n) =>
    `cijfers van ${builtAt} (n = ${n}); de nieuwere antwoorden blijven verborgen`,
  hidden: (reason, k) =>
    `${SYMBOLS[reason]} verborgen: ${
      reason === "primary"
        ? `minder dan ${k} respondenten`
        : reason === "secondary"
          ? "beschermt een kleine groep"
          : reason === "protected"
            ? "beschermt de antwoorden van kleine groepen"
            : "(bijna) unaniem"
    }`,
  aboutSheet: "toelichting",
  commentsSheet: "opmerkingen",
  unitsTable: "per eenheid",
  about: {
    campaign: "Bevraging",
    builtAt: "Resultaten berekend op",
    status: "Let op",
    statusText: {
      interim:
        "Tussentijdse resultaten: de bevraging loopt nog. Ze worden bijgewerkt wanneer genoeg nieuwe antwoorden binnen zijn.",
      computing:
        "De bevraging is afgesloten, maar deze cijfers zijn berekend toen ze nog liep: de eindresultaten worden nog berekend en gecontroleerd.",
      "held-back":
        "De bevraging is afgesloten, maar deze cijfers zijn berekend toen ze nog liep en blijven de eindresultaten: de antwoorden van daarna toevoegen zou wie deze tussentijdse cijfers zag iets laten afleiden over de laatste respondenten.",
    },
    k: "Minimale groepsgrootte (k)",
    rulesTitle: "Wat wordt getoond, en wat verborgen",
    rules: (k) => [
      `◌ Groepen van 1 tot ${k - 1} mensen zijn verborgen, met alles wat erin zit (ook nullen). Een verborgen cijfer is nooit 0.`,
      "◍ Andere groepen zijn verborgen zodat geen kleine groep door aftrekken te berekenen is (gecontroleerd met lineaire programmering).",
      "≡ Gevoelige vragen waarop (bijna) iedereen in een groep hetzelfde antwoordde, zijn voor die groep verborgen.",
      "◇ Een vraag is voor een groep verborgen waar haar antwoorden, samen met de getoonde, de antwoorden van een kleine groep zouden verraden (of bij een gevoelige vraag dat een groep (bijna) eensgezind antwoordde).",
      "Opmerkingen staan er alleen voor hele eenheden met minstens max(k, 10) respondenten; e-mailadressen, telefoonnummers en links zijn gemaskeerd.",
    ],
    reading: [
      "Aandeel: deel van de respondenten van de groep (met 'geen antwoord'). Gemiddelde en 'akkoord' tellen alleen wie antwoordde; 'akkoord' is het aandeel in de twee hoogste antwoorden.",
    ],
  },
};

const fr: ExportMessages = {
  columns: {
    unit: "Unité",
    unitCode: "Code unité",
    part: "Quel personnel",
    n: "Répondants",
    question: "Question",
    answer: "Réponse",
    count: "Nombre",
    share: "Part (%)",
    mean: "Moyenne",
    favourable: "D'accord, 2 plus hautes (%)",
    questionCode: "Code question",
    answerCode: "Code réponse",
    comment: "Commentaire",
  },
  partAll: "unité entière",
  partDirect: "directement dans l'unité",
  noAnswer: "Pas de réponse",
  noneTicked: "Rien coché",
  earlierFigures: (builtAt, n) =>
    `chiffres du ${builtAt} (n = ${n}) ; les réponses plus récentes restent masquées`,
  hidden: (reason, k) =>
    `${SYMBOLS[reason]} masqué : ${
      reason === "primary"
        ? `moins de ${k} répondants`
        : reason === "secondary"
          ? "protège un petit groupe"
          : reason === "protected"
            ? "protège les réponses de petits groupes"
            : "(quasi) unanime"
    }`,
  aboutSheet: "explications",
  commentsSheet: "commentaires",
  unitsTable: "par unité",
  about: {
    campaign: "Enquête",
    builtAt: "Résultats calculés le",
    status: "Attention",
    statusText: {
      interim:
        "Résultats intermédiaires : l'enquête est toujours ouverte. Ils sont mis à jour quand assez de nouvelles réponses sont arrivées.",
      computing:
        "L'enquête est clôturée, mais ces chiffres ont été calculés quand elle était encore ouverte : les résultats finaux sont encore en cours de calcul et de contrôle.",
      "held-back":
        "L'enquête est clôturée, mais ces chiffres ont été calculés quand elle était encore ouverte et restent les résultats finaux : y ajouter les réponses arrivées ensuite permettrait à qui a vu ces chiffres intermédiaires de déduire quelque chose sur les derniers répondants.",
    },
    k: "Taille minimale d'un groupe (k)",
    rulesTitle: "Ce qui est montré, et ce qui est masqué",
    rules: (k) => [
      `◌ Les groupes de 1 à ${k - 1} personnes sont masqués, avec tout ce qu'ils contiennent (zéros compris). Un chiffre masqué n'est jamais 0.`,
      "◍ D'autres groupes sont masqués pour qu'aucun petit groupe ne puisse être calculé par soustraction (vérifié par programmation linéaire).",
      "≡ Les questions sensibles auxquelles (presque) tout le groupe a donné la même réponse sont masquées pour ce groupe.",
      "◇ Une question est masquée pour un groupe là où ses réponses, avec celles qui sont montrées, trahiraient les réponses d'un petit groupe (ou, pour une question sensible, qu'un groupe a répondu (presque) d'une seule voix).",
      "Les commentaires ne figurent que pour des unités entières d'au moins max(k, 10) répondants ; adresses e-mail, numéros de téléphone et liens sont masqués.",
    ],
    reading: [
      "Part : part des répondants du groupe (« pas de réponse » compris). La moyenne et « d'accord » ne comptent que ceux qui ont répondu ; « d'accord » est la part des deux réponses les plus hautes.",
    ],
  },
};

const en: ExportMessages = {
  columns: {
    unit: "Unit",
    unitCode: "Unit code",
    part: "Which staff",
    n: "Respondents",
    question: "Question",
    answer: "Answer",
    count: "Count",
    share: "Share (%)",
    mean: "Mean",
    favourable: "Agree, top 2 (%)",
    questionCode: "Question code",
    answerCode: "Answer code",
    comment: "Comment",
  },
  partAll: "whole unit",
  partDirect: "directly in the unit",
  noAnswer: "No answer",
  noneTicked: "None ticked",
  earlierFigures: (builtAt, n) => `figures of ${builtAt} (n = ${n}); the newer answers stay hidden`,
  hidden: (reason, k) =>
    `${SYMBOLS[reason]} hidden: ${
      reason === "primary"
        ? `fewer than ${k} respondents`
        : reason === "secondary"
          ? "protects a small group"
          : reason === "protected"
            ? "protects the answers of small groups"
            : "(nearly) unanimous"
    }`,
  aboutSheet: "about",
  commentsSheet: "comments",
  unitsTable: "by unit",
  about: {
    campaign: "Campaign",
    builtAt: "Results computed at",
    status: "Note",
    statusText: {
      interim:
        "Interim results: the survey is still open. They are updated when enough new answers have arrived.",
      computing:
        "The survey is closed, but these figures were computed while it was still open: the final results are still being computed and checked.",
      "held-back":
        "The survey is closed, but these figures were computed while it was still open and remain its final results: adding the answers given after them would let whoever saw these interim figures work out something about the last respondents.",
    },
    k: "Minimum group size (k)",
    rulesTitle: "What is shown, and what is hidden",
    rules: (k) => [
      `◌ Groups of 1 to ${k - 1} people are hidden, with everything inside them (zeros included). A hidden figure is never 0.`,
      "◍ Further groups are hidden so that no small group can be worked out by subtraction (checked with linear programming).",
      "≡ Sensitive questions where (nearly) everyone in a group gave the same answer are hidden for that group.",
      "◇ A question is hidden for a group where its answers, together with those shown, would give away the answers of a small group (or, on a sensitive question, that a group answered (nearly) as one).",
      "Comments appear only for whole units of at least max(k, 10) respondents; e-mail addresses, phone numbers and links are masked.",
    ],
    reading: [
      "Share: of the group's respondents (including 'no answer'). Mean and 'agree' count only those who answered; 'agree' is the share in the two highest answers.",
    ],
  },
};

export const EXPORT_MESSAGES: Record<ExportLocale, ExportMessages> = { nl, fr, en };
