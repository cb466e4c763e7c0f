import { describe, expect, it } from "vitest";
import { identifyingQuestions } from "../../surveys/identifying-questions";
import { loadQuestionnaires } from "../../surveys/load-questionnaires";

const text = (name: string, title: Record<string, string>, extra = {}) => ({
  pages: [{ name: "p", elements: [{ type: "text", name, title, ...extra }] }],
});

describe("identifyingQuestions", () => {
  it("finds free text asking for a name, an e-mail, a department, in any of the three languages", () => {
    const cases = [
      text("q1", { nl: "Wat is je naam?", fr: "?", en: "?" }),
      text("q2", { nl: "?", fr: "Votre courriel", en: "?" }),
      text("q3", { nl: "?", fr: "?", en: "Which department do you work in?" }),
      text("q4", { nl: "In welke afdeling werk je?", fr: "?", en: "?" }),
      text("q5", { nl: "?", fr: "Votre matricule", en: "?" }),
      text("contact_email", { nl: "?", fr: "?", en: "?" }),
      text("q7", { nl: "Iets", fr: "Quelque chose", en: "Something" }, { inputType: "tel" }),
    ];
    for (const definition of cases)
      expect(identifyingQuestions(definition), JSON.stringify(definition)).toHaveLength(1);
  });

  it("leaves choice questions and harmless free text alone; the bundled questionnaires have none", () => {
    expect(
      identifyingQuestions({
        pages: [
          {
            name: "p",
            elements: [
              { type: "radiogroup", name: "department", title: "Department", choices: ["a"] },
              {
                type: "comment",
                name: "remarks",
                title: { en: "Anything else? Please do not mention names." },
              },
            ],
          },
        ],
      }),
    ).toEqual([]);
    for (const file of loadQuestionnaires())
      expect(identifyingQuestions(file.definition)).toEqual([]);
  });
});
