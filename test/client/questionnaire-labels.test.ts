import { describe, expect, it } from "vitest";
import { localizedText } from "../../surveys/model/question-texts";
import {
  itemLabel,
  optionLabel,
  questionnaireLabels,
} from "../../surveys/model/questionnaire-labels";

const definition = {
  pages: [
    {
      name: "p1",
      elements: [
        {
          type: "radiogroup",
          name: "gender",
          title: {
            nl: "Wat is je gender?",
            fr: "Quel est votre genre ?",
            en: "What is your gender?",
          },
          choices: [{ value: "woman", text: { nl: "Vrouw", fr: "Femme", en: "Woman" } }, "plain"],
        },
        {
          type: "panel",
          name: "box",
          elements: [
            {
              type: "matrix",
              name: "climate",
              title: { nl: "Klimaat", en: "Climate" },
              columns: [
                { value: 1, text: { nl: "Helemaal oneens", fr: "Pas du tout d'accord" } },
                { value: 5, text: { nl: "Helemaal eens", fr: "Tout à fait d'accord" } },
              ],
              rows: [{ value: "respected", text: { nl: "Ik voel me gerespecteerd." } }],
            },
          ],
        },
      ],
    },
    {
      name: "p2",
      elements: [
        {
          type: "rating",
          name: "satisfaction",
          title: "Satisfaction",
          rateMin: 1,
          rateMax: 3,
          minRateDescription: { nl: "Ontevreden" },
          maxRateDescription: { nl: "Tevreden" },
        },
        {
          type: "rating",
          name: "stars",
          rateValues: [{ value: "a", text: { fr: "Bien" } }, "b"],
        },
        { type: "boolean", name: "ok", labelTrue: { nl: "Ja" }, labelFalse: { nl: "Nee" } },
      ],
    },
  ],
};

describe("questionnaireLabels", () => {
  it("reads titles and choices in the asked language", () => {
    const labels = questionnaireLabels(definition, "fr");
    expect(itemLabel(labels, "gender")).toEqual({
      question: "gender",
      title: "Quel est votre genre ?",
      row: null,
    });
    expect(optionLabel(labels, "gender", "woman")).toBe("Femme");
    // A choice written as a plain value is its own text.
    expect(optionLabel(labels, "gender", "plain")).toBe("plain");
  });

  it("walks panels and splits matrix items into question and row", () => {
    const labels = questionnaireLabels(definition, "nl");
    expect(itemLabel(labels, "climate.respected")).toEqual({
      question: "climate",
      title: "Klimaat",
      row: "Ik voel me gerespecteerd.",
    });
    // Numeric column values are looked up as the release writes them: strings.
    expect(optionLabel(labels, "climate.respected", "5")).toBe("Helemaal eens");
  });

  it("falls back to another language when a text is missing in the asked one", () => {
    const labels = questionnaireLabels(definition, "fr");
    expect(itemLabel(labels, "climate.respected").title).toBe("Climate");
    expect(itemLabel(labels, "climate.respected").row).toBe("Ik voel me gerespecteerd.");
  });

  it("numbers rating scales and names their ends", () => {
    const labels = questionnaireLabels(definition, "nl");
    expect(optionLabel(labels, "satisfaction", "1")).toBe("1 – Ontevreden");
    expect(optionLabel(labels, "satisfaction", "2")).toBe("2");
    expect(optionLabel(labels, "satisfaction", "3")).toBe("3 – Tevreden");
    expect(optionLabel(labels, "stars", "a")).toBe("Bien");
    expect(optionLabel(labels, "stars", "b")).toBe("b");
  });

  it("names boolean answers by their labels", () => {
    const labels = questionnaireLabels(definition, "en");
    expect(optionLabel(labels, "ok", "true")).toBe("Ja");
    expect(optionLabel(labels, "ok", "false")).toBe("Nee");
  });

  it("falls back to the key for unknown items, rows and options", () => {
    const labels = questionnaireLabels(definition, "en");
    expect(itemLabel(labels, "missing")).toEqual({
      question: "missing",
      title: "missing",
      row: null,
    });
    expect(itemLabel(labels, "climate.unknown_row").row).toBe("unknown_row");
    expect(optionLabel(labels, "missing", "x")).toBe("x");
    // A question without a title is called by its name.
    expect(itemLabel(labels, "stars").title).toBe("stars");
  });

  it("reads nothing from input that is not a questionnaire", () => {
    expect(questionnaireLabels(null, "nl").size).toBe(0);
    expect(questionnaireLabels({ pages: "no" }, "nl").size).toBe(0);
    expect(questionnaireLabels({ elements: [{ type: "text", name: "solo" }] }, "nl").size).toBe(1);
  });
});

describe("localizedText", () => {
  it("prefers the locale, then default, then the other languages", () => {
    expect(localizedText({ nl: "a", default: "b" }, "fr")).toBe("b");
    expect(localizedText({ nl: "a", fr: "" }, "fr")).toBe("a");
    expect(localizedText("plain", "en")).toBe("plain");
    expect(localizedText(42, "en")).toBeUndefined();
  });
});
