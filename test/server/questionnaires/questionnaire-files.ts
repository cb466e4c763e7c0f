/** Questionnaire files as a coordinator would upload them (SurveyJS JSON, nl/fr/en). */

export const t = (en: string) => ({ nl: `${en} (nl)`, fr: `${en} (fr)`, en });
const choice = (value: string) => ({ value, text: t(value) });

type Element = Record<string, unknown>;

export const UNIT_QUESTION: Element = {
  type: "dropdown",
  name: "unit",
  unitPicker: true,
  isRequired: true,
  title: t("Your unit"),
};

export const GENDER: Element = {
  type: "radiogroup",
  name: "gender",
  breakdown: true,
  title: t("Gender"),
  choices: [choice("woman"), choice("man"), choice("prefer_not_to_say")],
};

export const EXCLUDED: Element = {
  type: "radiogroup",
  name: "excluded",
  isRequired: true,
  title: t("Did you feel excluded?"),
  choices: [choice("yes"), choice("no")],
};

export const CLIMATE: Element = {
  type: "matrix",
  name: "climate",
  title: t("Climate"),
  columns: [1, 2, 3, 4, 5].map((value) => ({ value, text: t(`point ${value}`) })),
  rows: [choice("respected"), choice("heard")],
};

/** A valid questionnaire with the given elements after the unit question (one page each). */
export function questionnaire(
  elements: Element[] = [GENDER, EXCLUDED, CLIMATE],
  title = "Team survey",
) {
  return {
    title: t(title),
    pages: [
      { name: "unit_page", elements: [UNIT_QUESTION] },
      { name: "questions", elements },
    ],
  };
}

/** Its file text, as uploaded. */
export function file(definition: unknown): string {
  return JSON.stringify(definition, null, 2);
}

/**
 * A large questionnaire: `count` questions (a unit question, a breakdown question, then a mix
 * of single choice, rating, matrix and comment), ten per page, every text in nl, fr and en.
 */
export function largeQuestionnaire(count: number) {
  const elements: Element[] = [UNIT_QUESTION, GENDER];
  for (let i = elements.length; i < count; i++) {
    const name = `q${i}`;
    const title = t(`Question ${i}: how do you see this aspect of working here?`);
    switch (i % 4) {
      case 0:
        elements.push({
          type: "radiogroup",
          name,
          title,
          choices: ["a", "b", "c", "d", "e"].map((v) => choice(`${v} ${i}`)),
        });
        break;
      case 1:
        elements.push({
          type: "rating",
          name,
          title,
          minRateDescription: t("not at all"),
          maxRateDescription: t("completely"),
        });
        break;
      case 2:
        elements.push({
          type: "matrix",
          name,
          title,
          columns: [1, 2, 3, 4, 5].map((value) => ({ value, text: t(`point ${value}`) })),
          rows: ["r1", "r2", "r3", "r4"].map((v) => choice(`${v} ${i}`)),
        });
        break;
      default:
        elements.push({ type: "comment", name, title, maxLength: 1000 });
    }
  }
  const pages = [];
  for (let i = 0; i < elements.length; i += 10)
    pages.push({ name: `page${i / 10}`, elements: elements.slice(i, i + 10) });
  return { title: t("Large survey"), pages };
}
