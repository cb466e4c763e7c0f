import { describe, expect, it } from "vitest";
import { checkQuestionnaireVersion } from "../../surveys/check-version";
import { loadQuestionnaires } from "../../surveys/load-questionnaires";

// Free text is published only as comments (analysis/publish-comments.ts): per whole unit of at
// least max(k, 10), never under a demographic value. Before this check an upload could hold free
// text those rules cannot protect; each case below was accepted then.

const t = (en: string) => ({ nl: `${en} nl`, fr: `${en} fr`, en });
const choice = (value: string) => ({ value, text: t(value) });
const unit = {
  type: "dropdown",
  name: "unit",
  unitPicker: true,
  isRequired: true,
  title: t("Unit"),
};
const gender = {
  type: "radiogroup",
  name: "gender",
  breakdown: true,
  title: t("Gender"),
  choices: [choice("woman"), choice("man"), choice("prefer_not_to_say")],
};
const disability = {
  type: "radiogroup",
  name: "disability",
  sensitive: true,
  title: t("Disability"),
  choices: [choice("yes"), choice("no")],
};
const survey = (...elements: unknown[]) => ({
  title: t("S"),
  pages: [{ name: "p", elements: [unit, gender, disability, ...elements] }],
});
const problems = (definition: unknown) =>
  checkQuestionnaireVersion(definition).map(({ code, question, params }) => ({
    code,
    question,
    params,
  }));

describe("free text only where the comment rules can apply", () => {
  it("accepts a plain comment question shown to everyone (as the bundled files have)", () => {
    expect(problems(survey({ type: "comment", name: "remarks", title: t("Remarks") }))).toEqual([]);
    for (const file of loadQuestionnaires())
      expect(checkQuestionnaireVersion(file.definition)).toEqual([]);
  });

  it("refuses an 'other, please specify' field or a comment area on a choice question", () => {
    for (const property of ["showOtherItem", "hasOther", "hasComment", "showCommentArea"]) {
      expect(problems(survey({ ...disability, name: "d2", [property]: true }))).toEqual([
        { code: "free-text-attached", question: "d2", params: { property } },
      ]);
    }
  });

  it("refuses free text shown only by a breakdown or sensitive answer, also through another question", () => {
    const why = { type: "comment", name: "why", title: t("Why?"), visibleIf: "{gender} = 'woman'" };
    expect(problems(survey(why))).toEqual([
      { code: "free-text-conditional-on-sensitive", question: "why", params: { on: "gender" } },
    ]);
    const asked = {
      type: "radiogroup",
      name: "adapted",
      title: t("Adapted?"),
      visibleIf: "{disability} = 'yes'",
      choices: [choice("yes"), choice("no")],
    };
    const how = { type: "text", name: "how", title: t("How?"), visibleIf: "{adapted} = 'yes'" };
    expect(problems(survey(asked, how))).toEqual([
      { code: "free-text-conditional-on-sensitive", question: "how", params: { on: "disability" } },
    ]);
    const panel = {
      type: "panel",
      name: "more",
      visibleIf: "{disability} = 'yes'",
      elements: [{ type: "comment", name: "tell", title: t("Tell us") }],
    };
    expect(problems(survey(panel))).toEqual([
      {
        code: "free-text-conditional-on-sensitive",
        question: "tell",
        params: { on: "disability" },
      },
    ]);
    // A condition on a question that is neither is fine: its commenters share no protected answer.
    const excluded = { ...asked, name: "excluded", visibleIf: undefined };
    const tell = {
      type: "comment",
      name: "tell",
      title: t("Tell"),
      visibleIf: "{excluded} = 'yes'",
    };
    expect(problems(survey(excluded, tell))).toEqual([]);
  });

  it("refuses free text marked sensitive, and text inputs that hold values (a number, a date)", () => {
    expect(
      problems(survey({ type: "comment", name: "c", sensitive: true, title: t("C") })),
    ).toEqual([{ code: "free-text-sensitive", question: "c", params: {} }]);
    for (const inputType of ["number", "date", "month"]) {
      expect(problems(survey({ type: "text", name: "years", inputType, title: t("Y") }))).toEqual([
        { code: "free-text-value-input", question: "years", params: { inputType } },
      ]);
    }
  });
});
