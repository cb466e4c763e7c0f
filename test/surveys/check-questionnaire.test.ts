import { describe, expect, it } from "vitest";
import { checkPublished } from "../../surveys/check-published";
import { checkQuestionnaire } from "../../surveys/check-questionnaire";
import { loadQuestionnaires, readManifest } from "../../surveys/load-questionnaires";

const t = (en: string) => ({ en, nl: `${en} nl`, fr: `${en} fr` });
const choice = (value: string) => ({ value, text: t(value) });

/** A minimal valid questionnaire; each failing case changes one thing. */
function questionnaire(overrides: Record<string, unknown> = {}, extra: unknown[] = []) {
  return {
    title: t("Survey"),
    pages: [
      {
        name: "p",
        elements: [
          {
            type: "radiogroup",
            name: "gender",
            title: t("Gender"),
            breakdown: true,
            choices: [choice("woman"), choice("man"), choice("prefer_not_to_say")],
            ...overrides,
          },
          {
            type: "radiogroup",
            name: "excluded",
            title: t("Excluded?"),
            choices: [choice("yes"), choice("no")],
          },
          ...extra,
        ],
      },
    ],
  };
}

function issuesOf(json: unknown): string[] {
  const result = checkQuestionnaire(json);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("checkQuestionnaire", () => {
  it("accepts the bundled questionnaires", () => {
    const files = loadQuestionnaires();
    expect(files.map((f) => f.slug).sort()).toEqual(["campaign-evaluation", "diversity-diagnosis"]);
    for (const file of files) expect(issuesOf(file.definition), file.slug).toEqual([]);
  });

  it("accepts the minimal fixture", () => {
    expect(issuesOf(questionnaire())).toEqual([]);
  });

  it("rejects JSON survey-core reports errors for", () => {
    const issues = issuesOf(
      questionnaire({}, [{ type: "no-such-type", name: "x", title: t("x") }]),
    );
    expect(issues.some((i) => i.startsWith("SurveyJS:"))).toBe(true);
  });

  it("rejects duplicate question names", () => {
    const issues = issuesOf(
      questionnaire({}, [{ type: "comment", name: "excluded", title: t("Again") }]),
    );
    expect(issues).toContain('duplicate question name "excluded"');
  });

  it("rejects a text missing a locale, and an untranslated choice", () => {
    expect(issuesOf(questionnaire({ title: { en: "Gender", nl: "Gender" } }))).toContain(
      'survey.pages[0].elements[0].title lacks "fr"',
    );
    expect(issuesOf(questionnaire({ title: "Gender" }))[0]).toMatch(/not translated/);
    const bare = issuesOf(questionnaire({ choices: ["woman", "man", "prefer_not_to_say"] }));
    expect(bare.some((i) => i.includes("has no translated text"))).toBe(true);
  });

  it("rejects a breakdown dimension that is not single-choice", () => {
    const issues = issuesOf(questionnaire({ type: "checkbox" }));
    expect(issues).toContain(
      '"gender": a breakdown dimension must be single-choice (radiogroup or dropdown)',
    );
  });

  it('rejects a breakdown dimension without "prefer not to say"', () => {
    const issues = issuesOf(questionnaire({ choices: [choice("woman"), choice("man")] }));
    expect(issues).toContain(
      '"gender": a breakdown dimension needs the choice "prefer_not_to_say"',
    );
  });

  it("rejects a visibleIf that names an unknown question", () => {
    const issues = issuesOf(
      questionnaire({}, [
        { type: "comment", name: "why", title: t("Why"), visibleIf: "{excludd} = 'yes'" },
      ]),
    );
    expect(issues).toContain('"why": visibleIf refers to unknown question "excludd"');
  });

  it("rejects properties the server validator does not enforce", () => {
    const issues = issuesOf(questionnaire({ enableIf: "{excluded} = 'yes'" }));
    expect(issues).toContain('"gender": property "enableIf" is not supported');
  });
});

describe("checkPublished", () => {
  it("the bundled files match the manifest", () => {
    const files = loadQuestionnaires();
    const result = checkPublished(
      files.map((f) => ({ path: `${f.slug}/v${f.version}.json`, sha256: f.sha256 })),
      readManifest(),
    );
    expect(result.errors).toEqual([]);
    expect(files.every((f) => f.published)).toBe(true);
  });

  it("rejects a changed or deleted published version and allows drafts", () => {
    const manifest = { "staff/v1.json": "aaa", "staff/v2.json": "bbb" };
    const result = checkPublished(
      [
        { path: "staff/v1.json", sha256: "changed" },
        { path: "staff/v3.json", sha256: "ccc" },
      ],
      manifest,
    );
    expect(result.errors).toEqual([
      "staff/v1.json was published and has changed: published versions are immutable, make staff/v2.json",
      "staff/v2.json was published and is missing: published versions are immutable",
    ]);
    expect(result.drafts).toEqual(["staff/v3.json"]);
  });
});
