import type { UnitKind, UnitRow } from "./parse-unit-csv";

/** A unit as stored, with its parent's code. */
export interface ExistingUnit {
  id: string;
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: { nl: string; fr: string; en: string };
  retired: boolean;
}

type Names = ExistingUnit["name"];

/**
 * What importing a complete unit tree would change: units added; renamed (any of the three
 * names), moved (another parent), of another kind; retired (in the database, not in the file:
 * never deleted, since a campaign may use them); reinstated (retired, back in the file).
 */
export interface UnitImportPlan {
  added: { code: string; parentCode: string | null; kind: UnitKind; name: Names }[];
  renamed: { code: string; from: Names; to: Names }[];
  moved: { code: string; from: string | null; to: string | null }[];
  kindChanged: { code: string; from: UnitKind; to: UnitKind }[];
  retired: { code: string; name: Names }[];
  reinstated: { code: string }[];
  unchanged: number;
}

/** Compares a file's units (complete, checked by parseUnitCsv) with the stored tree. Pure. */
export function planUnitImport(
  existing: readonly ExistingUnit[],
  incoming: readonly UnitRow[],
): UnitImportPlan {
  const plan: UnitImportPlan = {
    added: [],
    renamed: [],
    moved: [],
    kindChanged: [],
    retired: [],
    reinstated: [],
    unchanged: 0,
  };
  const stored = new Map(existing.map((unit) => [unit.code, unit]));
  const inFile = new Set<string>();
  for (const unit of incoming) {
    inFile.add(unit.code);
    const before = stored.get(unit.code);
    if (!before) {
      plan.added.push({
        code: unit.code,
        parentCode: unit.parentCode,
        kind: unit.kind,
        name: unit.name,
      });
      continue;
    }
    let changed = false;
    if (!sameNames(before.name, unit.name)) {
      plan.renamed.push({ code: unit.code, from: before.name, to: unit.name });
      changed = true;
    }
    if (before.parentCode !== unit.parentCode) {
      plan.moved.push({ code: unit.code, from: before.parentCode, to: unit.parentCode });
      changed = true;
    }
    if (before.kind !== unit.kind) {
      plan.kindChanged.push({ code: unit.code, from: before.kind, to: unit.kind });
      changed = true;
    }
    if (before.retired) {
      plan.reinstated.push({ code: unit.code });
      changed = true;
    }
    if (!changed) plan.unchanged++;
  }
  for (const unit of existing) {
    if (!inFile.has(unit.code) && !unit.retired) {
      plan.retired.push({ code: unit.code, name: unit.name });
    }
  }
  return plan;
}

/** True when applying the plan would change nothing. */
export function isEmptyPlan(plan: UnitImportPlan): boolean {
  return (
    plan.added.length +
      plan.renamed.length +
      plan.moved.length +
      plan.kindChanged.length +
      plan.retired.length +
      plan.reinstated.length ===
    0
  );
}

function sameNames(a: Names, b: Names): boolean {
  return a.nl === b.nl && a.fr === b.fr && a.en === b.en;
}
