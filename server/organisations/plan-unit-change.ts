import type { UnitAddInput, UnitChangeInput } from "../contract/organisation-schemas";
import type { FieldError } from "../contract/problems";
import type { UnitRow } from "./parse-unit-file";
import type { ExistingUnit } from "./plan-unit-import";

/** One change made on screen: a unit added, or one unit changed (by its code). */
export type UnitChange =
  | { kind: "add"; unit: UnitAddInput }
  | { kind: "change"; code: string; change: UnitChangeInput };

export type PlannedTree =
  | { ok: true; tree: UnitRow[] }
  | { ok: false; status: 404 | 422; errors: FieldError[] };

/**
 * The whole tree after one on-screen change, as a unit file would list it (every unit that is
 * not retired), so that the change goes through the same plan and the same rules as an import:
 * a parent must exist and not be retired, no unit may become its own ancestor, a code is never
 * reused (also not a retired unit's), a unit with sub-units in use keeps them (retire those
 * first). Pure.
 */
export function planUnitChange(existing: readonly ExistingUnit[], change: UnitChange): PlannedTree {
  const byCode = new Map(existing.map((unit) => [unit.code, unit]));
  const tree = new Map<string, UnitRow>(
    existing
      .filter((unit) => !unit.retired)
      .map((unit) => [
        unit.code,
        {
          row: 0,
          code: unit.code,
          parentCode: unit.parentCode,
          kind: unit.kind,
          name: unit.name,
          headcount: unit.headcount,
        },
      ]),
  );
  const errors: FieldError[] = [];
  const parentProblem = (code: string, parentCode: string | null): string | null => {
    if (parentCode === null) return null;
    const parent = byCode.get(parentCode);
    if (!parent) return `There is no unit "${parentCode}".`;
    if (parent.retired) return `Unit "${parentCode}" is retired.`;
    for (let at: string | null = parentCode; at !== null; at = byCode.get(at)?.parentCode ?? null) {
      if (at === code)
        return `Unit "${parentCode}" lies below "${code}": a unit cannot move below itself.`;
    }
    return null;
  };

  if (change.kind === "add") {
    const { unit } = change;
    const taken = byCode.get(unit.code);
    if (taken) {
      errors.push({
        question: "code",
        message: taken.retired
          ? `A retired unit has code "${unit.code}": reinstate it instead.`
          : `Code "${unit.code}" is taken.`,
      });
    }
    const parent = parentProblem(unit.code, unit.parentCode);
    if (parent) errors.push({ question: "parentCode", message: parent });
    if (errors.length > 0) return { ok: false, status: 422, errors };
    tree.set(unit.code, {
      row: 0,
      code: unit.code,
      parentCode: unit.parentCode,
      kind: unit.kind,
      name: unit.name,
      headcount: unit.headcount ?? null,
    });
    return { ok: true, tree: [...tree.values()] };
  }

  const before = byCode.get(change.code);
  if (!before) {
    return {
      ok: false,
      status: 404,
      errors: [{ question: "code", message: `There is no unit "${change.code}".` }],
    };
  }
  const { name, parentCode, kind, headcount, retired } = change.change;
  const staysRetired = before.retired && retired !== false;
  if (staysRetired) {
    return {
      ok: false,
      status: 422,
      errors: [
        { question: "retired", message: `Unit "${before.code}" is retired: reinstate it first.` },
      ],
    };
  }
  if (retired === true) {
    const below = existing.filter((unit) => unit.parentCode === before.code && !unit.retired);
    if (below.length > 0) {
      errors.push({
        question: "retired",
        message: `Retire or move the units below "${before.code}" first: ${below.map((unit) => unit.code).join(", ")}.`,
      });
    }
  }
  const after: UnitRow = {
    row: 0,
    code: before.code,
    parentCode: parentCode === undefined ? before.parentCode : parentCode,
    kind: kind ?? before.kind,
    name: name ?? before.name,
    headcount: headcount === undefined ? before.headcount : headcount,
  };
  if (parentCode !== undefined || before.retired) {
    const parent = parentProblem(after.code, after.parentCode);
    if (parent) errors.push({ question: "parentCode", message: parent });
  }
  if (errors.length > 0) return { ok: false, status: 422, errors };
  if (retired === true) tree.delete(before.code);
  else tree.set(before.code, after);
  return { ok: true, tree: [...tree.values()] };
}
