import { describe, expect, it } from "vitest";
import { byName, unitsInTreeOrder } from "../../server/contract/unit-tree";

const unit = (code: string, parentId: string | null, nl: string, fr: string) => ({
  id: code,
  code,
  parentId,
  name: { nl, fr, en: nl },
});

const UNITS = [
  unit("F01", null, "Rechten", "Droit"),
  unit("F02", null, "Economie", "Économie"),
  unit("F03", null, "Zorg", "Soins"),
  unit("F03-10", "F03", "Dienst 10", "Service 10"),
  unit("F03-2", "F03", "Dienst 2", "Service 2"),
];

describe("unit lists in the reader's language", () => {
  it("sort siblings by name as that language does, sub-units under their parent", () => {
    const order = (locale: "nl" | "fr", tag: string) =>
      unitsInTreeOrder(UNITS, byName(locale, tag)).map((row) => row.unit.name[locale]);
    expect(order("nl", "nl-BE")).toEqual(["Economie", "Rechten", "Zorg", "Dienst 2", "Dienst 10"]);
    expect(order("fr", "fr-BE")).toEqual(["Droit", "Économie", "Soins", "Service 2", "Service 10"]);
  });
});
