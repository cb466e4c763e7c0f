import { describe, expect, it } from "vitest";
import { checkQuestionnaireVersion, parseQuestionnaireText } from "../../surveys/check-version";
import { loadQuestionnaires } from "../../surveys/load-questionnaires";

const t = (en: string) => ({ nl: `${en} nl`, fr: `${en} fr`, en });
const unit = {
  type: "dropdown",
  name: "unit",
  unitPicker: true,
  isRequired: true,
  title: t("Unit"),
};
const survey = (...elements: unknown[]) => ({ title: t("S"), pages: [{ name: "p", elements }] });

describe("checkQuestionnaireVersion (surveys:check and uploads)", () => {
  it("accepts the bundled questionnaires", () => {
    for (const file of loadQuestionnaires())
      expect(checkQuestionnaireVersion(file.definition)).toEqual([]);
  });

  it("invalid JSON names where it broke", () => {
    const parsed = parseQuestionnaireText('{"pages": [}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatch(/^not valid JSON: /);
  });

  it("refuses shapes the readers would choke on, without throwing", () => {
    for (const value of [null, 3, "x", [], {}, { pages: "no" }, { pages: [{ elements: {} }] }]) {
      expect(checkQuestionnaireVersion(value).length, JSON.stringify(value)).toBeGreaterThan(0);
    }
    expect(
      checkQuestionnaireVersion(survey(unit, { type: "radiogroup", title: t("x") })),
    ).toContain('a question of type "radiogroup" has no name');
  });

  it("refuses nesting deep enough to overflow a reader's stack, without throwing", () => {
    let panel: Record<string, unknown> = { type: "text", name: "deep", title: t("deep") };
    for (let i = 0; i < 20_000; i++) panel = { type: "panel", name: `p${i}`, elements: [panel] };
    expect(checkQuestionnaireVersion(survey(unit, panel))).toEqual([
      "a questionnaire may nest at most 64 levels deep",
    ]);
    const text = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(checkQuestionnaireVersion(JSON.parse(text))).toHaveLength(1);
  });

  it("needs exactly one required, always shown unit dropdown", () => {
    expect(checkQuestionnaireVersion(survey())).toEqual([
      'a questionnaire needs one question with "unitPicker": true (a dropdown of units)',
    ]);
    expect(checkQuestionnaireVersion(survey({ ...unit, isRequired: false }))).toEqual([
      '"unit": the unit question must be required ("isRequired": true)',
    ]);
    expect(checkQuestionnaireVersion(survey(unit, { ...unit, name: "unit2" }))).toContain(
      "only one question may be the unit question, not 2",
    );
  });

  it("refuses markup that could run script, load from elsewhere or send a form", () => {
    for (const html of [
      "<script>alert(1)</script>",
      '<img src="x.png" onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://example.org"></iframe>',
      '<meta http-equiv="refresh" content="0;url=https://example.org">',
      '<form action="https://example.org"><button>Go</button></form>',
    ]) {
      const issues = checkQuestionnaireVersion(
        survey(unit, { type: "html", name: "intro", html: { nl: html, fr: html, en: html } }),
      );
      expect(issues, html).toContain(
        "survey.pages[0].elements[1].html.nl holds markup that is not allowed (scripts, frames, forms, event handlers)",
      );
    }
    expect(
      checkQuestionnaireVersion(
        survey(unit, { type: "html", name: "intro", html: t("<h3>Welcome</h3><p>Thanks.</p>") }),
      ),
    ).toEqual([]);
  });
});
