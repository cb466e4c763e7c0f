import { LOCALES } from "../server/contract/locales";
import { localizedText } from "./model/question-texts";
import { walkQuestions } from "./model/walk-questions";

/** A question that could single a respondent out; the coordinator must acknowledge it. */
export interface IdentifyingQuestion {
  question: string;
  message: string;
}

/**
 * What free-text questions must not ask for, in nl, fr and en: a name, a contact, an exact
 * place in the organisation (the unit question already gives it, in groups of at least k).
 * Words are matched in the question's name and in its title in every language.
 */
const ASKS_FOR: [RegExp, string][] = [
  [/e-?mail|courriel|adresse? ?mail|\bmail\b/i, "an e-mail address"],
  [/\b(naam|name|nom|pr[ée]nom|voornaam|achternaam|surname)\b/i, "a name"],
  [/telefoon|t[ée]l[ée]phone|phone|gsm|\bmobile?\b/i, "a phone number"],
  [
    /afdeling|dienst|department|d[ée]partement|\bservice\b|\bteam\b|[ée]quipe|\bunit[ée]?\b|eenheid|bureau|\boffice\b/i,
    "a department, service or team",
  ],
  [
    /personeelsnummer|stamnummer|matricule|employee (id|number)|staff (id|number)|\bid\b/i,
    "a staff number",
  ],
  [/geboortedatum|date de naissance|birth ?date|date of birth/i, "a date of birth"],
  [/\b(adres|address|adresse)\b/i, "an address"],
];

/** Text inputs whose type itself asks for something identifying. */
const IDENTIFYING_INPUT_TYPES: Record<string, string> = {
  email: "an e-mail address",
  tel: "a phone number",
  date: "a date",
};

/**
 * Free-text questions (and text inputs of type e-mail, phone or date) that ask for something
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
      found.push({ question: name, message: `asks for ${byType} (input type "${inputType}")` });
      continue;
    }
    const texts = [name, ...LOCALES.map((locale) => localizedText(element.title, locale) ?? "")];
    const hit = ASKS_FOR.find(([pattern]) => texts.some((text) => pattern.test(text)));
    if (hit) found.push({ question: name, message: `free text that may ask for ${hit[1]}` });
  }
  return found;
}
