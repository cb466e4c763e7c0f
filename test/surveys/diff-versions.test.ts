import { describe, expect, it } from "vitest";
import { diffVersions } from "../../surveys/model/diff-versions";

const t = (en: string) => ({ nl: `${en} nl`, fr: `${en} fr`, en });
const q = (name: string, extra: Record<string, unknown> = {}) => ({
  type: "radiogroup",
  name,
  title: t(name),
  choices: [
    { value: "yes", text: t("yes") },
    { value: "no", text: t("no") },
  ],
  ...extra,
});
const survey = (...elements: unknown[]) => ({ pages: [{ name: "p", elements }] });

describe("diffVersions", () => {
  it("finds nothing between a version and itself", () => {
    const v = survey(q("a"), q("b"));
    expect(diffVersions(v, v)).toEqual({
      added: [],
      removed: [],
      renamed: [],
      reworded: [],
      moved: [],
      lists: [],
      marks: [],
    });
  });

  it("a question without previousName under a new name is removed + added, not renamed", () => {
    const diff = diffVersions(survey(q("a")), survey(q("b")));
    expect(diff.added.map((x) => x.name)).toEqual(["b"]);
    expect(diff.removed.map((x) => x.name)).toEqual(["a"]);
    expect(diff.renamed).toEqual([]);
  });

  it("one question moved to the end is one move, not every question it jumped over", () => {
    const diff = diffVersions(
      survey(q("a"), q("b"), q("c"), q("d")),
      survey(q("b"), q("c"), q("d"), q("a")),
    );
    expect(diff.moved).toEqual([{ name: "a", title: t("a"), from: 1, to: 4 }]);
  });

  it("an added question shifting others is no move", () => {
    const diff = diffVersions(survey(q("a"), q("b")), survey(q("new"), q("a"), q("b")));
    expect(diff.moved).toEqual([]);
  });

  it("rewording in one language names only that language; options added, removed, reworded", () => {
    const before = survey(q("a"));
    const after = survey(
      q("a", {
        title: { ...t("a"), fr: "a autrement" },
        choices: [
          { value: "yes", text: { ...t("yes"), nl: "ja zeker" } },
          { value: "maybe", text: t("maybe") },
        ],
      }),
    );
    const diff = diffVersions(before, after);
    expect(diff.reworded).toEqual([
      { name: "a", locales: ["fr"], before: t("a"), after: { ...t("a"), fr: "a autrement" } },
    ]);
    expect(diff.lists).toEqual([
      {
        name: "a",
        title: { ...t("a"), fr: "a autrement" },
        list: "options",
        added: [{ value: "maybe", text: t("maybe") }],
        removed: [{ value: "no", text: t("no") }],
        reworded: [
          {
            value: "yes",
            locales: ["nl"],
            before: t("yes"),
            after: { ...t("yes"), nl: "ja zeker" },
          },
        ],
      },
    ]);
  });

  it("a previousName that names no earlier question is an added question", () => {
    const diff = diffVersions(survey(q("a")), survey(q("a"), q("b", { previousName: "zz" })));
    expect(diff.added.map((x) => x.name)).toEqual(["b"]);
    expect(diff.renamed).toEqual([]);
  });

  it("marks turned on and off", () => {
    const diff = diffVersions(
      survey(q("a", { sensitive: true }), q("b")),
      survey(q("a"), q("b", { breakdown: true })),
    );
    expect(diff.marks.map(({ name, mark, after }) => [name, mark, after])).toEqual([
      ["a", "sensitive", false],
      ["b", "breakdown", true],
    ]);
  });
});
