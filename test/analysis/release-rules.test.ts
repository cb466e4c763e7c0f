import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../analysis/build-release";
import { maskContacts } from "../../analysis/publish-comments";
import type { Release, ReleaseGroup } from "../../analysis/release-types";
import type { ItemSpec, ResponseRow } from "../../analysis/types";
import { CLIMATE_ITEM, EXPERIENCED_ITEM } from "./random-campaign";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const ITEMS: ItemSpec[] = [
  {
    kind: "single",
    key: "gender",
    path: ["gender"],
    options: ["woman", "man"],
    breakdown: true,
    sensitive: true,
  },
  EXPERIENCED_ITEM,
  CLIMATE_ITEM,
  { kind: "text", key: "comment", path: ["comment"], breakdown: false, sensitive: false },
];

function release(rows: ResponseRow[], units = [{ id: "A", parentId: null }], k = 5): Release {
  const input: ReleaseInput = { organisationId: "org", units, items: ITEMS, k };
  return buildRelease(highs, createResponseMatrix(input, rows), input);
}

function group(result: Release, unitId: string, filters: ReleaseGroup["filters"] = []) {
  return result.groups.find(
    (candidate) =>
      candidate.unitId === unitId &&
      candidate.part === "all" &&
      JSON.stringify(candidate.filters) === JSON.stringify(filters),
  );
}

const person = (unitId: string, gender: string, experienced: string, climate = 4): ResponseRow => ({
  unitId,
  answers: { gender, experienced, climate },
});

describe("release rules", () => {
  it("publishes an empty campaign as zeros, not as hidden", () => {
    const result = release([]);
    expect(group(result, "org")?.n).toEqual({ value: 0 });
  });

  it("hides a group of exactly k − 1 and shows one of exactly k", () => {
    const four = release(
      Array.from({ length: 4 }, (_, i) => person("A", "woman", i ? "no" : "yes")),
    );
    expect(group(four, "org")?.n).toEqual({ hidden: "primary" });
    const five = release(
      Array.from({ length: 5 }, (_, i) =>
        person("A", i < 3 ? "woman" : "man", i < 2 ? "yes" : "no"),
      ),
    );
    expect(group(five, "org")?.n).toEqual({ value: 5 });
  });

  it("hides a sensitive question where all but one gave the same answer", () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      person("A", i < 6 ? "woman" : "man", i === 0 ? "yes" : "no"),
    );
    const result = release(rows);
    const items = group(result, "org")?.items ?? [];
    // Marked as any hidden question is: "(nearly) unanimous" would tell which answer it was.
    expect(items.find((item) => item.key === "experienced")).toEqual({
      key: "experienced",
      kind: "single",
      hidden: "protected",
    });
    // A question not marked sensitive is shown even when everyone agrees.
    const climate = items.find((item) => item.key === "climate");
    expect(climate && "mean" in climate ? climate.mean : undefined).toBe(4);
  });

  it("hides a sensitive question where it would follow unanimously by subtraction", () => {
    // Unit A (10 people: 5 yes, 5 no) and unit B (10 people: all no, so hidden there);
    // the organisation (5 yes, 15 no) minus A would show B's unanimity: something more hides.
    const rows = [
      ...Array.from({ length: 10 }, (_, i) =>
        person("A", i % 2 ? "woman" : "man", i < 5 ? "yes" : "no"),
      ),
      ...Array.from({ length: 10 }, (_, i) => person("B", i % 2 ? "woman" : "man", "no")),
    ];
    const result = release(rows, [
      { id: "A", parentId: null },
      { id: "B", parentId: null },
    ]);
    const shows = (unit: string) =>
      (group(result, unit)?.items ?? []).some(
        (item) => item.key === "experienced" && "options" in item,
      );
    expect(shows("B")).toBe(false);
    expect(shows("org") && shows("A")).toBe(false);
  });

  it("hides a dimension's split where (nearly) everyone has one value", () => {
    const rows = Array.from({ length: 12 }, () => person("A", "woman", "no"));
    const result = release(rows);
    expect(group(result, "org", [{ dimension: "gender", value: "woman" }])?.n).toEqual({
      hidden: "unanimity",
    });
    expect(group(result, "org", [{ dimension: "gender", value: "man" }])?.n).toEqual({
      hidden: "unanimity",
    });
  });

  it("shows comments only for groups of at least ten, masked", () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({
      unitId: "A",
      answers: {
        gender: i % 2 ? "woman" : "man",
        experienced: "no",
        comment: `call me on +32 470 12 34 ${i}${i}`,
      },
    }));
    const ten = release(rows);
    const texts = ten.comments.flatMap((entry) => entry.texts);
    expect(texts).toHaveLength(20); // the organisation and unit A, ten each
    expect(texts.every((text) => text === "call me on [phone]")).toBe(true);
    expect(release(rows.slice(0, 9)).comments).toEqual([]);
  });
});

describe("masking contact details in comments", () => {
  it.each([
    ["mail jan.peeters@zennestad.be please", "mail [e-mail] please"],
    ["see https://intranet.example.org/x?y=1 now", "see [link] now"],
    ["www.zennestad.be/hr", "[link]"],
    ["bel 02 123 45 67", "bel [phone]"],
    ["+32 (0)470/12.34.56", "[phone]"],
    ["in 2021 we had 3 meetings", "in 2021 we had 3 meetings"],
  ])("%s", (input, masked) => {
    expect(maskContacts(input)).toBe(masked);
  });
});
