import { SurveyModel } from "survey-core";
import { describe, expect, it } from "vitest";
import { checkQuestionnaireVersion } from "../../surveys/check-version";
import { loadQuestionnaires } from "../../surveys/load-questionnaires";
import { questionnaireLabels } from "../../surveys/model/questionnaire-labels";
import {
  questionnaireLanguages,
  readingLanguage,
} from "../../surveys/model/questionnaire-languages";

const nlFr = (en: string) => ({ nl: `${en} (nl)`, fr: `${en} (fr)` });
const unit = {
  type: "dropdown",
  name: "unit",
  unitPicker: true,
  isRequired: true,
  title: nlFr("Unit"),
};
const bilingual = (...elements: unknown[]) => ({
  title: nlFr("Bilingual"),
  pages: [
    {
      name: "p",
      elements: [
        unit,
        {
          type: "radiogroup",
          name: "excluded",
          title: nlFr("Excluded?"),
          choices: [
            { value: "yes", text: nlFr("yes") },
            { value: "no", text: nlFr("no") },
          ],
        },
        ...elements,
      ],
    },
  ],
});

const messages = (definition: unknown) =>
  checkQuestionnaireVersion(definition).map((issue) => issue.message);

describe("a questionnaire's languages are those its texts are written in", () => {
  it("a Brussels bilingual nl/fr questionnaire is complete in nl and fr, and declares just those", () => {
    expect(questionnaireLanguages(bilingual())).toEqual(["nl", "fr"]);
    expect(messages(bilingual())).toEqual([]);
  });

  it("agrees with SurveyJS's own getUsedLocales, for the bundled files and a bilingual one", () => {
    for (const definition of [...loadQuestionnaires().map((f) => f.definition), bilingual()]) {
      const used = new SurveyModel(definition).getUsedLocales().filter((l) => l !== "de");
      expect([...used].sort()).toEqual([...questionnaireLanguages(definition)].sort());
    }
  });

  it("one text missing its French is refused, naming the text and its question", () => {
    const definition = bilingual({
      type: "comment",
      name: "remarks",
      title: { nl: "Opmerkingen" },
    });
    const issues = checkQuestionnaireVersion(definition);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "text-lacks-language",
        question: "remarks",
        params: { path: "survey.pages[0].elements[2].title", language: "fr" },
        message: 'survey.pages[0].elements[2].title lacks "fr"',
      }),
    ]);
  });

  it("`default` is English; plain strings alone make an English questionnaire, beside keys they are untranslated", () => {
    const english = {
      title: "Team survey",
      pages: [{ name: "p", elements: [{ ...unit, title: "Unit" }] }],
    };
    expect(questionnaireLanguages(english)).toEqual(["en"]);
    expect(messages(english)).toEqual([]);
    expect(questionnaireLanguages({ title: { default: "Survey", fr: "Enquête" } })).toEqual([
      "fr",
      "en",
    ]);
    expect(messages(bilingual({ type: "comment", name: "remarks", title: "Remarks" }))).toEqual([
      "survey.pages[0].elements[2].title is not translated (give nl, fr)",
    ]);
  });

  it("a questionnaire with no text in nl, fr or en is refused", () => {
    expect(
      messages({
        title: { de: "Umfrage" },
        pages: [{ name: "p", elements: [{ ...unit, title: { de: "Einheit" } }] }],
      }),
    ).toContain("the questionnaire has no text in Dutch, French or English (nl, fr, en)");
  });

  it("a reader whose language the questionnaire lacks reads English, else Dutch, else French", () => {
    expect(readingLanguage(["nl", "fr"], "en")).toBe("nl");
    expect(readingLanguage(["nl", "fr"], "fr")).toBe("fr");
    expect(readingLanguage(["fr", "en"], "nl")).toBe("en");
    expect(readingLanguage(["fr"], "nl")).toBe("fr");
  });

  it("results labels for a reader whose language is not declared are all in one declared language", () => {
    const english = questionnaireLabels(bilingual(), "en");
    expect(english.get("excluded")?.title).toBe("Excluded? (nl)");
    expect([...(english.get("excluded")?.options.values() ?? [])]).toEqual(["yes (nl)", "no (nl)"]);
    expect(questionnaireLabels(bilingual(), "fr").get("excluded")?.title).toBe("Excluded? (fr)");
  });
});
