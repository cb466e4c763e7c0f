import { describe, expect, it } from "vitest";
import { codeFromFragment } from "../../client/respondent/invitation-code";

describe("the code in a personal link's fragment", () => {
  it("reads #code=… as the mail writes it, formatted for the field", () => {
    expect(codeFromFragment("#code=ABCD-EFGH-JKMN-P")).toBe("ABCD-EFGH-JKMN-P");
    expect(codeFromFragment("#code=abcdefghjkmnp")).toBe("ABCD-EFGH-JKMN-P");
    expect(codeFromFragment("#lang=fr&code=ABCD-EFGH-JKMN-P")).toBe("ABCD-EFGH-JKMN-P");
  });

  it("is empty without a code", () => {
    expect(codeFromFragment("")).toBe("");
    expect(codeFromFragment("#top")).toBe("");
    expect(codeFromFragment("#barcode=ABCD")).toBe("");
  });
});
