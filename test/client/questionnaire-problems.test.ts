import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { QUESTIONNAIRE_MESSAGES } from "../../client/admin/questionnaires/questionnaire-messages";
import {
  QUESTIONNAIRE_PROBLEM_TEXTS,
  questionnaireProblemText,
} from "../../client/admin/questionnaires/questionnaire-problem-text";
import { LOCALES } from "../../client/i18n/locales";
import { QUESTIONNAIRE_PROBLEM_CODES } from "../../server/contract/questionnaire-problems";
import { checkQuestionnaireVersion } from "../../surveys/check-version";

// Issue 12's leftover: a refused upload listed the checker's English. Every problem now has a
// code the questionnaire screens say in nl, fr and en.

const root = fileURLToPath(new URL("../..", import.meta.url));
const SOURCES = ["surveys", "server/questionnaires"];

/** The codes the checks write as string literals (checkIssue("…", …) and `code: "…"`). */
function codesRaised(): Set<string> {
  const found = new Set<string>();
  for (const folder of SOURCES) {
    for (const name of readdirSync(join(root, folder)).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(root, folder, name), "utf8");
      for (const match of text.matchAll(/checkIssue\(\s*"([a-z-]+)"|code: "([a-z-]+)"/g))
        found.add((match[1] ?? match[2]) as string);
    }
  }
  return found;
}

const SAMPLE = {
  reason: "R",
  max: 64,
  page: 2,
  path: "survey.pages[0].title",
  languages: "nl,fr",
  language: "fr",
  type: "T",
  list: "choices",
  property: "hasComment",
  reference: "Q",
  choice: "prefer_not_to_say",
  count: 2,
  on: "gender",
  inputType: "number",
  previousName: "P",
  other: "O",
  asks: "e-mail",
};

describe("questionnaire problems on screen", () => {
  it("every code the checks raise is in the contract, and every code in it is raised", () => {
    const raised = codesRaised();
    expect(
      [...raised].filter((code) => !QUESTIONNAIRE_PROBLEM_CODES.includes(code as never)),
    ).toEqual([]);
    expect(QUESTIONNAIRE_PROBLEM_CODES.filter((code) => !raised.has(code))).toEqual([]);
  });

  it("every code is said in nl, fr and en, with its parameters filled in", () => {
    for (const locale of LOCALES) {
      for (const code of QUESTIONNAIRE_PROBLEM_CODES) {
        const text = questionnaireProblemText(
          locale,
          { code, params: SAMPLE, message: "English" },
          QUESTIONNAIRE_MESSAGES[locale].languageNames,
        );
        expect(text, `${locale} ${code}`).not.toBe("English");
        expect(text, `${locale} ${code}`).not.toMatch(/undefined|\[object/);
        expect(Object.keys(QUESTIONNAIRE_PROBLEM_TEXTS[locale])).toContain(code);
      }
    }
  });

  it("a missing French text reads in the reader's language, naming the language", () => {
    const [problem] = checkQuestionnaireVersion({
      title: { nl: "Enquête", fr: "Enquête" },
      pages: [
        {
          name: "p",
          elements: [
            {
              type: "dropdown",
              name: "unit",
              unitPicker: true,
              isRequired: true,
              title: { nl: "Eenheid" },
            },
          ],
        },
      ],
    });
    const say = (locale: (typeof LOCALES)[number]) =>
      questionnaireProblemText(
        locale,
        problem as NonNullable<typeof problem>,
        QUESTIONNAIRE_MESSAGES[locale].languageNames,
      );
    expect(say("nl")).toBe("survey.pages[0].elements[0].title mist de tekst in het Frans.");
    expect(say("fr")).toBe("survey.pages[0].elements[0].title n'a pas de texte en français.");
    expect(say("en")).toBe("survey.pages[0].elements[0].title has no French text.");
  });
});
