import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimateDuration } from "../../client/respondent/estimate-duration";

const diagnosis = JSON.parse(
  readFileSync(new URL("../../surveys/diversity-diagnosis/v1.json", import.meta.url), "utf8"),
) as unknown;

describe("estimateDuration", () => {
  it("counts each statement of a grid as an answer", () => {
    const grid = {
      pages: [
        {
          elements: [
            { type: "matrix", name: "m", rows: ["a", "b", "c"], columns: [1, 2, 3, 4, 5] },
            { type: "radiogroup", name: "r", choices: ["x", "y"] },
          ],
        },
      ],
    };
    expect(estimateDuration(grid).questions).toBe(4);
  });

  it("finds questions inside panels, and leaves text-only elements out", () => {
    const nested = {
      pages: [
        {
          elements: [
            { type: "html", name: "intro", html: "<p>Hi</p>" },
            { type: "panel", name: "p", elements: [{ type: "comment", name: "c" }] },
          ],
        },
      ],
    };
    expect(estimateDuration(nested)).toEqual({ questions: 1, minutes: 2 });
  });

  it("gives at least a minute, for an empty questionnaire too", () => {
    expect(estimateDuration({ pages: [] })).toEqual({ questions: 0, minutes: 1 });
  });

  it("estimates the demo diagnosis: 37 answers on 8 pages, several minutes", () => {
    const { questions, minutes } = estimateDuration(diagnosis);
    expect(questions).toBe(37);
    expect(minutes).toBeGreaterThanOrEqual(6);
    expect(minutes).toBeLessThanOrEqual(12);
  });
});
