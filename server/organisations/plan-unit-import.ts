import type { UnitImportPlan } from "../contract/organisation-schemas";
import type { UnitKind, UnitRow } from "./parse-unit-file";

export type { UnitImportPlan };

/** A unit as stored, with its parent's code. */
export interface ExistingUnit {
  id: string;
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: { nl: string; fr: string; en: string };
  headcount: number | null;
  retired: boolean;
}

type Names = ExistingUnit["name"];

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
    headcountChanged: [],
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
    if (before.headcount !== unit.headcount) {
      plan.headcountChanged.push({ code: unit.code, from: before.headcount, to: unit.headcount });
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
      plan.headcountChanged.length +
      plan.retired.length +
      plan.reinstated.length ===
    0
  );
}

function sameNames(a: Names, b: Names): boolean {
  return a.nl === b.nl && a.fr === b.fr && a.en === b.en;
}
