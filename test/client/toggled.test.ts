import { describe, expect, it } from "vitest";
import { toggled } from "../../client/shared/toggled";

describe("toggled", () => {
  it("adds a ticked item at the end and removes an unticked one", () => {
    expect(toggled(["nl", "fr"], "en", true)).toEqual(["nl", "fr", "en"]);
    expect(toggled(["nl", "fr", "en"], "fr", false)).toEqual(["nl", "en"]);
  });

  it("never lists an item twice when a box is ticked again", () => {
    expect(toggled(["a", "b"], "a", true)).toEqual(["b", "a"]);
    expect(toggled([], "a", false)).toEqual([]);
  });
});
