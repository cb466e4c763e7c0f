import { describe, expect, it } from "vitest";
import { planUnitChange } from "../../../server/organisations/plan-unit-change";
import type { ExistingUnit } from "../../../server/organisations/plan-unit-import";

const names = (en: string) => ({ nl: en, fr: en, en });
const unit = (code: string, parentCode: string | null, retired = false): ExistingUnit => ({
  id: `id-${code}`,
  code,
  parentCode,
  kind: "service",
  name: names(code),
  headcount: null,
  retired,
});
// A ─ B ─ C, D on its own, R retired under D.
const TREE = [
  unit("A", null),
  unit("B", "A"),
  unit("C", "B"),
  unit("D", null),
  unit("R", "D", true),
];

const codes = (planned: ReturnType<typeof planUnitChange>) =>
  planned.ok ? planned.tree.map((row) => `${row.code}<${row.parentCode ?? ""}`).sort() : planned;

describe("one unit changed on screen, as the whole tree after it", () => {
  it("adds a unit under an active parent; the tree keeps every active unit, no retired one", () => {
    const planned = planUnitChange(TREE, {
      kind: "add",
      unit: { code: "E", parentCode: "D", kind: "service", name: names("E") },
    });
    expect(codes(planned)).toEqual(["A<", "B<A", "C<B", "D<", "E<D"]);
  });

  it("refuses a taken code (also a retired unit's) and a retired or unknown parent", () => {
    for (const [code, parentCode, field] of [
      ["B", null, "code"],
      ["R", null, "code"],
      ["E", "R", "parentCode"],
      ["E", "NOPE", "parentCode"],
    ] as const) {
      const planned = planUnitChange(TREE, {
        kind: "add",
        unit: { code, parentCode, kind: "service", name: names(code) },
      });
      expect(planned).toMatchObject({ ok: false, status: 422, errors: [{ question: field }] });
    }
  });

  it("moves a unit, but never below itself or one of its own units (a cycle)", () => {
    expect(
      codes(planUnitChange(TREE, { kind: "change", code: "B", change: { parentCode: "D" } })),
    ).toEqual(["A<", "B<D", "C<B", "D<"]);
    for (const target of ["A", "B", "C"]) {
      expect(
        planUnitChange(TREE, { kind: "change", code: "A", change: { parentCode: target } }),
      ).toMatchObject({ ok: false, errors: [{ question: "parentCode" }] });
    }
  });

  it("retires a leaf; refuses to retire a unit with active units below it", () => {
    expect(
      codes(planUnitChange(TREE, { kind: "change", code: "C", change: { retired: true } })),
    ).toEqual(["A<", "B<A", "D<"]);
    expect(
      planUnitChange(TREE, { kind: "change", code: "B", change: { retired: true } }),
    ).toMatchObject({ ok: false, errors: [{ question: "retired" }] });
  });

  it("reinstates a retired unit; refuses any other change to it before that", () => {
    expect(
      codes(planUnitChange(TREE, { kind: "change", code: "R", change: { retired: false } })),
    ).toEqual(["A<", "B<A", "C<B", "D<", "R<D"]);
    expect(
      planUnitChange(TREE, { kind: "change", code: "R", change: { name: names("New") } }),
    ).toMatchObject({ ok: false, errors: [{ question: "retired" }] });
  });

  it("answers 404 for an unknown unit", () => {
    expect(
      planUnitChange(TREE, { kind: "change", code: "NOPE", change: { name: names("x") } }),
    ).toMatchObject({ ok: false, status: 404 });
  });
});
