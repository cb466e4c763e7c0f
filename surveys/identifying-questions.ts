import { LOCALES } from "../server/contract/locales";
import type {
  IdentifyingKind,
  QuestionnaireProblemCode,
} from "../server/contract/questionnaire-problems";
import { localizedText } from "./model/question-texts";
import { walkQuestions } from "./model/walk-questions";

/** A question that could single a respondent out; the coordinator must acknowledge it. */
export interface IdentifyingQuestion {
  question: string;
  message: string;
  code: Extract<QuestionnaireProblemCode, "identifying-free-text" | "identifying-input-type">;
  /** `asks`: what it asks for; `inputType` for a text input whose type asks for it. */
  params: { asks: IdentifyingKind; inputType?: string };
}

/**
 * What free-text questions must not ask for, in nl, fr and en: a name, a contact, an exact
 * place in the organisation (the unit question already gives it, in groups of at least k).
 * Words are matched in the question's name and in its title in every language.
 */
const ASKS_FOR: [RegExp, IdentifyingKind][] = [
  [/e-?mail|courriel|adresse? ?mail|\bmail\b/i, "e-mail"],
  [/\b(naam|name|nom|pr[ée]nom|voornaam|achternaam|surname)\b/i, "name"],
  [/telefoon|t[ée]l[ée]phone|phone|gsm|\bmobile?\b/i, "phone"],
  [
    /afdeling|dienst|department|d[ée]partement|\bservice\b|\bteam\b|[ée]quipe|\bunit[ée]?\b|eenheid|bureau|\boffice\b/i,
    "department",
  ],
  [
    /personeelsnummer|stamnummer|matricule|employee (id|number)|staff (id|number)|\bid\b/i,
    "staff-number",
  ],
  [/geboortedatum|date de naissance|birth ?date|date of birth/i, "birth-date"],
  [/\b(adres|address|adresse)\b/i, "address"],
];

/** What each kind is called in the checker's English message. */
const IN_WORDS: Record<IdentifyingKind, string> = {
  "e-mail": "an e-mail address",
  name: "a name",
  phone: "a phone number",
  department: "a department, service or team",
  "staff-number": "a staff number",
  "birth-date": "a date of birth",
  address: "an address",
};

/**
 * Text inputs whose type itself asks for something identifying (a date input is refused
 * outright: surveys/free-text-rules.ts).
 */
const IDENTIFYING_INPUT_TYPES: Record<string, IdentifyingKind> = {
  email: "e-mail",
  tel: "phone",
};

/**
 * Free-text questions (and text inputs of type e-mail or phone) that ask for something
 * that can single a respondent out. Not an error: a coordinator may have a reason, but must say
 * so before publishing.
 */
export function identifyingQuestions(definition: unknown): IdentifyingQuestion[] {
  const found: IdentifyingQuestion[] = [];
  for (const { element, name, type } of walkQuestions(definition)) {
    if (type !== "text" && type !== "comment") continue;
    const inputType = typeof element.inputType === "string" ? element.inputType : "";
    const byType = IDENTIFYING_INPUT_TYPES[inputType];
    if (byType) {
      found.push({
        question: name,
        message: `asks for ${IN_WORDS[byType]} (input type "${inputType}")`,
        code: "identifying-input-type",
        params: { asks: byType, inputType },
      });
      continue;
    }
    const texts = [name, ...LOCALES.map((locale) => localizedText(element.title, locale) ?? "")];
    const hit = ASKS_FOR.find(([pattern]) => texts.some((text) => pattern.test(text)));
    if (hit)
      found.push({
        question: name,
        message: `free text that may ask for ${IN_WORDS[hit[1]]}`,
        code: "identifying-free-text",
        params: { asks: hit[1] },
      });
  }
  return found;
}
