import { describe, expect, it } from "vitest";
import type { UnitRow } from "../../../server/organisations/parse-unit-file";
import {
  type ExistingUnit,
  isEmptyPlan,
  planUnitImport,
} from "../../../server/organisations/plan-unit-import";

const names = (base: string) => ({ nl: `${base} nl`, fr: `${base} fr`, en: `${base} en` });

function stored(code: string, parentCode: string | null, retired = false): ExistingUnit {
  return {
    id: `id-${code}`,
    code,
    parentCode,
    kind: "service",
    name: names(code),
    headcount: null,
    retired,
  };
}

function row(code: string, parentCode: string | null, name = names(code)): UnitRow {
  return { row: 0, code, parentCode, kind: "service", name, headcount: null };
}

describe("planning a unit import", () => {
  it("adds everything to an empty organisation", () => {
    const plan = planUnitImport([], [row("A", null), row("B", "A")]);
    expect(plan.added.map((u) => u.code)).toEqual(["A", "B"]);
    expect(plan.unchanged).toBe(0);
  });

  it("re-importing the same tree changes nothing", () => {
    const plan = planUnitImport(
      [stored("A", null), stored("B", "A")],
      [row("A", null), row("B", "A")],
    );
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.unchanged).toBe(2);
  });

  it("shows a rename, a move, a retirement and a reinstatement, each once", () => {
    const plan = planUnitImport(
      [
        stored("A", null),
        stored("B", "A"),
        stored("C", "A"),
        stored("D", "A"),
        stored("OLD", "A", true),
      ],
      [
        row("A", null),
        row("B", "A", { ...names("B"), fr: "Nouveau nom" }),
        row("C", "B"),
        row("OLD", "A"),
        row("NEW", "B"),
      ],
    );
    expect(plan.renamed).toEqual([
      { code: "B", from: names("B"), to: { ...names("B"), fr: "Nouveau nom" } },
    ]);
    expect(plan.moved).toEqual([{ code: "C", from: "A", to: "B" }]);
    expect(plan.retired).toEqual([{ code: "D", name: names("D") }]);
    expect(plan.reinstated).toEqual([{ code: "OLD" }]);
    expect(plan.added.map((u) => u.code)).toEqual(["NEW"]);
    expect(plan.unchanged).toBe(1);
  });

  it("does not retire again a unit that is already retired", () => {
    const plan = planUnitImport([stored("A", null), stored("GONE", "A", true)], [row("A", null)]);
    expect(isEmptyPlan(plan)).toBe(true);
  });
});
