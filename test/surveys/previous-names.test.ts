import { describe, expect, it } from "vitest";
import { checkQuestionnaire } from "../../surveys/check-questionnaire";
import {
  checkPreviousNames as checkWithCodes,
  declaredPreviousNames,
} from "../../surveys/previous-names";

const checkPreviousNames = (definition: unknown, previous: unknown) =>
  checkWithCodes(definition, previous).map((issue) => issue.message);

const t = (en: string) => ({ en, nl: `${en} nl`, fr: `${en} fr` });
const survey = (...questions: Record<string, unknown>[]) => ({
  title: t("Survey"),
  pages: [
    {
      name: "p",
      elements: questions.map((q) => ({ type: "rating", title: t(String(q.name)), ...q })),
    },
  ],
});

describe("previousName: a renamed question declared for comparisons of waves", () => {
  const v1 = survey({ name: "wellbeing" }, { name: "workload" });

  it("is a known SurveyJS property, so a questionnaire using it loads cleanly", () => {
    expect(checkQuestionnaire(survey({ name: "climate", previousName: "wellbeing" }))).toEqual({
      ok: true,
    });
  });

  it("lists the renames of a version", () => {
    const v2 = survey({ name: "climate", previousName: "wellbeing" }, { name: "workload" });
    expect(declaredPreviousNames(v2)).toEqual({ climate: "wellbeing" });
    expect(checkPreviousNames(v2, v1)).toEqual([]);
  });

  it("must name a question of the previous version", () => {
    const v2 = survey({ name: "climate", previousName: "welbeing" });
    expect(checkPreviousNames(v2, v1)).toEqual([
      '"climate": previousName "welbeing" is not a question of the previous version',
    ]);
    expect(checkPreviousNames(v2, undefined)).toEqual([
      '"climate": previousName "welbeing" but there is no previous version',
    ]);
  });

  it("may not name a question this version still has, nor be claimed twice", () => {
    const v2 = survey(
      { name: "climate", previousName: "wellbeing" },
      { name: "mood", previousName: "wellbeing" },
      { name: "stress", previousName: "workload" },
      { name: "workload" },
    );
    expect(checkPreviousNames(v2, v1)).toEqual([
      '"mood" and "climate" both claim previousName "wellbeing"',
      '"stress": previousName "workload" is still the name of another question',
    ]);
  });
});
