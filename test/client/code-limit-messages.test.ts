import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../client/admin/admin-api";
import {
  CODE_LIMIT_MESSAGES,
  codeLimitText,
} from "../../client/admin/campaigns/code-limit-messages";

const headcountProblem = new ApiProblem(
  409,
  "urn:peilpunt:problem:headcount-limit",
  "More codes than staff",
  "English detail",
  [
    { question: "unit:HR", message: "headcount 10, codes 7, asked 4" },
    { question: "unit:IT-2", message: "headcount 3, codes 0, asked 5" },
  ],
);

describe("code limit texts", () => {
  it("names the units over their headcount in each language, not the server's English", () => {
    for (const locale of ["nl", "fr", "en"] as const) {
      const text = codeLimitText(headcountProblem, CODE_LIMIT_MESSAGES[locale]);
      expect(text).toContain("HR, IT-2");
      expect(text).not.toContain("English detail");
    }
    expect(codeLimitText(headcountProblem, CODE_LIMIT_MESSAGES.nl)).toContain("eenheden");
    expect(codeLimitText(headcountProblem, CODE_LIMIT_MESSAGES.fr)).toContain("effectif");
  });

  it("translates the campaign ceiling and a busy server, and leaves other problems alone", () => {
    const problem = (name: string, status = 409) =>
      new ApiProblem(status, `urn:peilpunt:problem:${name}`, "t", "d");
    expect(codeLimitText(problem("code-limit"), CODE_LIMIT_MESSAGES.fr)).toBe(
      CODE_LIMIT_MESSAGES.fr.campaign,
    );
    expect(codeLimitText(problem("busy", 503), CODE_LIMIT_MESSAGES.nl)).toBe(
      CODE_LIMIT_MESSAGES.nl.busy,
    );
    expect(codeLimitText(problem("slug-taken"), CODE_LIMIT_MESSAGES.en)).toBeNull();
    expect(codeLimitText(new Error("x"), CODE_LIMIT_MESSAGES.en)).toBeNull();
  });
});
