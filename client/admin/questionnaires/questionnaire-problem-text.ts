import type {
  IdentifyingKind,
  ProblemParams,
  QuestionnaireProblemCode,
} from "../../../server/contract/questionnaire-problems";
import type { Locale } from "../../i18n/locales";

type Say = (p: ProblemParams, language: (code: unknown) => string) => string;

/** What an identifying question asks for, in each language. */
const ASKS: Record<Locale, Record<IdentifyingKind, string>> = {
  nl: {
    "e-mail": "een e-mailadres",
    name: "een naam",
    phone: "een telefoonnummer",
    department: "een afdeling, dienst of team",
    "staff-number": "een personeelsnummer",
    "birth-date": "een geboortedatum",
    address: "een adres",
  },
  fr: {
    "e-mail": "une adresse e-mail",
    name: "un nom",
    phone: "un numéro de téléphone",
    department: "un département, un service ou une équipe",
    "staff-number": "un matricule",
    "birth-date": "une date de naissance",
    address: "une adresse",
  },
  en: {
    "e-mail": "an e-mail address",
    name: "a name",
    phone: "a phone number",
    department: "a department, service or team",
    "staff-number": "a staff number",
    "birth-date": "a date of birth",
    address: "an address",
  },
};

const asks = (locale: Locale, kind: unknown): string =>
  ASKS[locale][kind as IdentifyingKind] ?? String(kind);

/**
 * Every problem code of the questionnaire checks, said in nl, fr and en. The record's type
 * makes each language name every code: a new check fails the type check until translated.
 */
const PROBLEM_TEXTS: Record<Locale, Record<QuestionnaireProblemCode, Say>> = {
  nl: {
    "not-json": (p) => `Het bestand is geen geldige JSON (${p.reason}).`,
    unreadable: (p) => `De vragenlijst kon niet gelezen worden (${p.reason}).`,
    "too-deep": (p) => `De vragenlijst is te diep genest (hoogstens ${p.max} niveaus).`,
    "not-an-object": () => "Een vragenlijst is een JSON-object (SurveyJS-JSON met pagina's).",
    "no-pages": () => 'De vragenlijst heeft geen "pages" (een lijst van pagina\'s met elementen).',
    "elements-not-a-list": (p) => `Op pagina ${p.page} is "elements" geen lijst.`,
    "surveyjs-error": (p) => `SurveyJS meldt een fout: ${p.reason}`,
    "unsafe-markup": (p) =>
      `${p.path} bevat opmaak die niet mag (scripts, frames, formulieren, event handlers).`,
    "answers-uncheckable": (p) =>
      `De antwoorden zouden niet gecontroleerd kunnen worden (${p.reason}).`,
    "no-language": () => "De vragenlijst heeft geen tekst in het Nederlands, Frans of Engels.",
    "text-not-translated": (p, language) =>
      `${p.path} is niet vertaald: geef de tekst in ${String(p.languages).split(",").map(language).join(", ")}.`,
    "item-without-text": (p) => `${p.path} heeft geen tekst.`,
    "text-lacks-language": (p, language) =>
      `${p.path} mist de tekst in het ${language(p.language)}.`,
    "question-without-name": (p) => `Een vraag van het type "${p.type}" heeft geen naam.`,
    "list-not-a-list": (p) => `"${p.list}" moet een lijst zijn.`,
    "item-without-value": (p) => `Elk item van "${p.list}" heeft een tekst- of getalwaarde nodig.`,
    "duplicate-name": () => "Deze vraagnaam komt meer dan eens voor.",
    "unsupported-type": (p) => `Het vraagtype "${p.type}" wordt niet ondersteund.`,
    "unsupported-property": (p) => `De eigenschap "${p.property}" wordt niet ondersteund.`,
    "visible-if-unknown-question": (p) =>
      `visibleIf verwijst naar een onbekende vraag "${p.reference}".`,
    "breakdown-not-single-choice": () =>
      "Een opsplitsingsvraag moet één keuze toelaten (radiogroup of dropdown).",
    "breakdown-without-prefer-not-to-say": (p) =>
      `Een opsplitsingsvraag heeft de keuze "${p.choice}" (zeg ik liever niet) nodig.`,
    "no-unit-question": () =>
      'De vragenlijst heeft één vraag met "unitPicker": true nodig (een keuzelijst van eenheden).',
    "several-unit-questions": (p) => `Er mag maar één eenheidsvraag zijn, niet ${p.count}.`,
    "unit-question-not-dropdown": () => "De eenheidsvraag moet een keuzelijst (dropdown) zijn.",
    "unit-question-not-required": () =>
      'De eenheidsvraag moet verplicht zijn ("isRequired": true).',
    "unit-question-conditional": () =>
      "De eenheidsvraag moet altijd getoond worden (geen visibleIf).",
    "free-text-attached": (p) =>
      `"${p.property}" voegt een vrij tekstveld toe aan een keuzevraag; de regels voor opmerkingen kunnen dat niet beschermen. Stel het als aparte opmerkingenvraag.`,
    "free-text-conditional-on-sensitive": (p) =>
      `Deze vrije tekst verschijnt alleen na een bepaald antwoord op "${p.on}", een opsplitsings- of gevoelige vraag: de opmerkingen zouden van één groep komen. Toon ze aan iedereen.`,
    "free-text-sensitive": () =>
      "Vrije tekst kan niet als gevoelig gemarkeerd worden: opmerkingen worden per eenheid getoond zoals geschreven. Stel een gevoelige vraag als keuzevraag.",
    "free-text-value-input": (p) =>
      `Een tekstveld van het type "${p.inputType}" zou exacte waarden als opmerkingen tonen. Stel het als keuze uit klassen.`,
    "previous-name-without-previous-version": (p) =>
      `previousName "${p.previousName}", maar er is geen vorige versie.`,
    "previous-name-unknown": (p) =>
      `previousName "${p.previousName}" is geen vraag van de vorige versie.`,
    "previous-name-still-used": (p) =>
      `previousName "${p.previousName}" is nog de naam van een andere vraag.`,
    "previous-name-claimed-twice": (p) =>
      `Ook "${p.other}" noemt previousName "${p.previousName}".`,
    "identifying-free-text": (p) => `Vrije tekst die mogelijk vraagt naar ${asks("nl", p.asks)}.`,
    "identifying-input-type": (p) =>
      `Vraagt naar ${asks("nl", p.asks)} (invoertype "${p.inputType}").`,
  },
  fr: {
    "not-json": (p) => `Le fichier n'est pas du JSON valide (${p.reason}).`,
    unreadable: (p) => `Le questionnaire n'a pas pu être lu (${p.reason}).`,
    "too-deep": (p) => `Le questionnaire est trop imbriqué (au plus ${p.max} niveaux).`,
    "not-an-object": () => "Un questionnaire est un objet JSON (JSON SurveyJS avec des pages).",
    "no-pages": () =>
      'Le questionnaire n\'a pas de "pages" (une liste de pages avec des éléments).',
    "elements-not-a-list": (p) => `À la page ${p.page}, "elements" n'est pas une liste.`,
    "surveyjs-error": (p) => `SurveyJS signale une erreur : ${p.reason}`,
    "unsafe-markup": (p) =>
      `${p.path} contient du balisage interdit (scripts, cadres, formulaires, gestionnaires d'événements).`,
    "answers-uncheckable": (p) => `Les réponses ne pourraient pas être contrôlées (${p.reason}).`,
    "no-language": () =>
      "Le questionnaire n'a aucun texte en néerlandais, en français ou en anglais.",
    "text-not-translated": (p, language) =>
      `${p.path} n'est pas traduit : donnez le texte en ${String(p.languages).split(",").map(language).join(", ")}.`,
    "item-without-text": (p) => `${p.path} n'a pas de texte.`,
    "text-lacks-language": (p, language) =>
      `${p.path} n'a pas de texte en ${language(p.language)}.`,
    "question-without-name": (p) => `Une question de type "${p.type}" n'a pas de nom.`,
    "list-not-a-list": (p) => `"${p.list}" doit être une liste.`,
    "item-without-value": (p) =>
      `Chaque élément de "${p.list}" doit avoir une valeur texte ou nombre.`,
    "duplicate-name": () => "Ce nom de question apparaît plus d'une fois.",
    "unsupported-type": (p) => `Le type de question "${p.type}" n'est pas pris en charge.`,
    "unsupported-property": (p) => `La propriété "${p.property}" n'est pas prise en charge.`,
    "visible-if-unknown-question": (p) =>
      `visibleIf renvoie à une question inconnue "${p.reference}".`,
    "breakdown-not-single-choice": () =>
      "Une question de ventilation doit être à choix unique (radiogroup ou dropdown).",
    "breakdown-without-prefer-not-to-say": (p) =>
      `Une question de ventilation doit proposer le choix "${p.choice}" (je préfère ne pas répondre).`,
    "no-unit-question": () =>
      'Le questionnaire doit avoir une question avec "unitPicker": true (une liste des unités).',
    "several-unit-questions": (p) => `Il ne peut y avoir qu'une question d'unité, pas ${p.count}.`,
    "unit-question-not-dropdown": () =>
      "La question d'unité doit être une liste déroulante (dropdown).",
    "unit-question-not-required": () =>
      'La question d\'unité doit être obligatoire ("isRequired": true).',
    "unit-question-conditional": () =>
      "La question d'unité doit toujours être affichée (pas de visibleIf).",
    "free-text-attached": (p) =>
      `"${p.property}" ajoute un champ de texte libre à une question à choix, que les règles des commentaires ne peuvent pas protéger. Posez-la comme question de commentaire distincte.`,
    "free-text-conditional-on-sensitive": (p) =>
      `Ce texte libre n'apparaît qu'après une réponse donnée à "${p.on}", une question de ventilation ou sensible : ses commentaires seraient ceux d'un seul groupe. Montrez-le à tout le monde.`,
    "free-text-sensitive": () =>
      "Un texte libre ne peut pas être marqué sensible : les commentaires sont publiés par unité tels qu'écrits. Posez une question sensible sous forme de choix.",
    "free-text-value-input": (p) =>
      `Un champ de type "${p.inputType}" publierait des valeurs exactes comme commentaires. Posez-la comme choix de tranches.`,
    "previous-name-without-previous-version": (p) =>
      `previousName "${p.previousName}", mais il n'y a pas de version précédente.`,
    "previous-name-unknown": (p) =>
      `previousName "${p.previousName}" n'est pas une question de la version précédente.`,
    "previous-name-still-used": (p) =>
      `previousName "${p.previousName}" est encore le nom d'une autre question.`,
    "previous-name-claimed-twice": (p) =>
      `"${p.other}" indique aussi previousName "${p.previousName}".`,
    "identifying-free-text": (p) => `Texte libre qui pourrait demander ${asks("fr", p.asks)}.`,
    "identifying-input-type": (p) =>
      `Demande ${asks("fr", p.asks)} (type de saisie "${p.inputType}").`,
  },
  en: {
    "not-json": (p) => `The file is not valid JSON (${p.reason}).`,
    unreadable: (p) => `The questionnaire could not be read (${p.reason}).`,
    "too-deep": (p) => `The questionnaire nests too deeply (at most ${p.max} levels).`,
    "not-an-object": () => "A questionnaire is a JSON object (SurveyJS JSON with pages).",
    "no-pages": () => 'The questionnaire has no "pages" (a list of pages with elements).',
    "elements-not-a-list": (p) => `On page ${p.page}, "elements" is not a list.`,
    "surveyjs-error": (p) => `SurveyJS reports an error: ${p.reason}`,
    "unsafe-markup": (p) =>
      `${p.path} holds markup that is not allowed (scripts, frames, forms, event handlers).`,
    "answers-uncheckable": (p) => `Answers could not be checked (${p.reason}).`,
    "no-language": () => "The questionnaire has no text in Dutch, French or English.",
    "text-not-translated": (p, language) =>
      `${p.path} is not translated: give the text in ${String(p.languages).split(",").map(language).join(", ")}.`,
    "item-without-text": (p) => `${p.path} has no text.`,
    "text-lacks-language": (p, language) => `${p.path} has no ${language(p.language)} text.`,
    "question-without-name": (p) => `A question of type "${p.type}" has no name.`,
    "list-not-a-list": (p) => `"${p.list}" must be a list.`,
    "item-without-value": (p) => `Every item of "${p.list}" needs a text or number value.`,
    "duplicate-name": () => "This question name is used more than once.",
    "unsupported-type": (p) => `The question type "${p.type}" is not supported.`,
    "unsupported-property": (p) => `The property "${p.property}" is not supported.`,
    "visible-if-unknown-question": (p) =>
      `visibleIf refers to an unknown question "${p.reference}".`,
    "breakdown-not-single-choice": () =>
      "A breakdown question must be single choice (radiogroup or dropdown).",
    "breakdown-without-prefer-not-to-say": (p) =>
      `A breakdown question needs the choice "${p.choice}" (prefer not to say).`,
    "no-unit-question": () =>
      'The questionnaire needs one question with "unitPicker": true (a dropdown of units).',
    "several-unit-questions": (p) => `Only one question may be the unit question, not ${p.count}.`,
    "unit-question-not-dropdown": () => "The unit question must be a dropdown.",
    "unit-question-not-required": () => 'The unit question must be required ("isRequired": true).',
    "unit-question-conditional": () => "The unit question must always be shown (no visibleIf).",
    "free-text-attached": (p) =>
      `"${p.property}" adds a free-text field to a choice question, which the comment rules cannot protect. Ask it as a separate comment question.`,
    "free-text-conditional-on-sensitive": (p) =>
      `This free text is shown only after a given answer to "${p.on}", a breakdown or sensitive question: its comments would be those of one group. Show it to everyone.`,
    "free-text-sensitive": () =>
      "Free text cannot be marked sensitive: comments are published per unit as written. Ask a sensitive matter as a choice question.",
    "free-text-value-input": (p) =>
      `A text input of type "${p.inputType}" would publish exact values as comments. Ask it as a choice of ranges.`,
    "previous-name-without-previous-version": (p) =>
      `previousName "${p.previousName}", but there is no previous version.`,
    "previous-name-unknown": (p) =>
      `previousName "${p.previousName}" is not a question of the previous version.`,
    "previous-name-still-used": (p) =>
      `previousName "${p.previousName}" is still the name of another question.`,
    "previous-name-claimed-twice": (p) =>
      `"${p.other}" also claims previousName "${p.previousName}".`,
    "identifying-free-text": (p) => `Free text that may ask for ${asks("en", p.asks)}.`,
    "identifying-input-type": (p) =>
      `Asks for ${asks("en", p.asks)} (input type "${p.inputType}").`,
  },
};

/**
 * A problem of the questionnaire checks in the reader's language; the server's English message
 * when the code is unknown (a server newer than this screen).
 */
export function questionnaireProblemText(
  locale: Locale,
  problem: { code?: unknown; params?: unknown; message: string },
  languageNames: Record<Locale, string>,
): string {
  const say = PROBLEM_TEXTS[locale][problem.code as QuestionnaireProblemCode];
  if (!say) return problem.message;
  const params =
    typeof problem.params === "object" && problem.params !== null
      ? (problem.params as ProblemParams)
      : {};
  return say(params, (code) => languageNames[code as Locale] ?? String(code));
}

/** For the test that every code is said in every language. */
export const QUESTIONNAIRE_PROBLEM_TEXTS = PROBLEM_TEXTS;
