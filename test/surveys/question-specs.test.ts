import { describe, expect, it } from "vitest";
import { breakdownDimensions, describeQuestionnaire } from "../../surveys/question-specs";

const fixture = {
  pages: [
    {
      elements: [
        { type: "dropdown", name: "unit", unitPicker: true, choices: [] },
        {
          type: "radiogroup",
          name: "gender",
          breakdown: true,
          choices: ["woman", "man", "prefer_not_to_say"],
        },
        { type: "html", name: "intro", html: "<p>Hi</p>" },
        {
          type: "panel",
          name: "box",
          elements: [
            {
              type: "matrix",
              name: "climate",
              rows: ["respected", "heard"],
              columns: [1, 2, 3, 4, 5],
            },
            { type: "rating", name: "satisfaction", rateMin: 0, rateMax: 10 },
          ],
        },
        { type: "checkbox", name: "grounds", sensitive: true, choices: ["origin", "age"] },
        { type: "comment", name: "comment" },
      ],
    },
  ],
};

describe("describeQuestionnaire", () => {
  const items = describeQuestionnaire(fixture);

  it("lists one item per question and per matrix row, skipping display elements and the unit", () => {
    expect(items.map((i) => i.key)).toEqual([
      "gender",
      "climate.respected",
      "climate.heard",
      "satisfaction",
      "grounds",
      "comment",
    ]);
  });

  it("marks dimensions as breakdowns and as sensitive", () => {
    expect(items[0]).toMatchObject({ kind: "single", breakdown: true, sensitive: true });
    expect(breakdownDimensions(fixture).map((i) => i.key)).toEqual(["gender"]);
  });

  it("gives matrix rows their path and a 5-point scale with the top two boxes favourable", () => {
    expect(items[1]).toMatchObject({
      path: ["climate", "respected"],
      options: [1, 2, 3, 4, 5],
      scale: { numeric: true, favourable: [4, 5] },
    });
  });

  it("turns a rating into its scale points", () => {
    expect(items[3]).toMatchObject({ kind: "single", options: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(items[3]?.kind === "single" && items[3].scale?.favourable).toEqual([9, 10]);
  });

  it("keeps multi-select and text items with their sensitivity", () => {
    expect(items[4]).toMatchObject({ kind: "multi", options: ["origin", "age"], sensitive: true });
    expect(items[5]).toMatchObject({ kind: "text", sensitive: false });
  });
});
