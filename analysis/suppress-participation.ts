import { applyPrimarySuppression, type CellModel } from "./cell-model";
import type { Figure } from "./release-types";
import { suppressByEquations } from "./suppress-by-equations";
import type { UnitNode } from "./types";
import { buildUnitTree } from "./unit-tree";

export interface ParticipationInput {
  organisationId: string;
  units: UnitNode[];
  /** Respondents attached directly to each unit (not to its sub-units). */
  respondentsByUnit: Map<string, number>;
  k: number;
  /** Units whose count the latest audited release hides: they stay hidden here too. */
  hiddenInRelease?: ReadonlySet<string>;
}

export interface UnitParticipation {
  unitId: string;
  /** Respondents in the unit and all its sub-units. */
  respondents: Figure;
  /** Respondents attached directly to a unit that has sub-units. */
  direct?: Figure;
}

/**
 * Live participation counters per unit under the primary and residual rules: no count of
 * 1..k−1 is shown, and no hidden count follows from a parent minus its shown parts.
 */
export function suppressParticipation(input: ParticipationInput): UnitParticipation[] {
  const tree = buildUnitTree(input.organisationId, input.units);
  const size = tree.ids.length;
  const direct = tree.ids.map((id) => input.respondentsByUnit.get(id) ?? 0);
  const subtree = direct.slice();
  for (let node = size - 1; node > 0; node--) {
    const parent = tree.parent[node] as number;
    subtree[parent] = (subtree[parent] as number) + (subtree[node] as number);
  }
  // Cells: 0..size−1 subtree counts, then one direct cell per unit with sub-units.
  const n = subtree.slice();
  const cost = tree.ids.map((_, node) => (subtree[node] as number) * 2 - (tree.depth[node] ?? 0));
  const directCell = new Map<number, number>();
  const equations = [];
  for (let node = 0; node < size; node++) {
    const kids = tree.children[node] ?? [];
    if (kids.length === 0) continue;
    const parts = [...kids];
    if ((direct[node] as number) > 0) {
      directCell.set(node, n.length);
      parts.push(n.length);
      n.push(direct[node] as number);
      cost.push((direct[node] as number) * 2);
    }
    equations.push({ total: node, parts });
  }
  const model: CellModel = {
    k: input.k,
    n,
    hidden: n.map(() => null),
    equations,
    upper: n.map(() => Number.POSITIVE_INFINITY),
    cost,
  };
  applyPrimarySuppression(model);
  for (const id of input.hiddenInRelease ?? []) {
    const node = tree.indexOf.get(id);
    if (node !== undefined && model.hidden[node] === null && (n[node] as number) > 0) {
      model.hidden[node] = "secondary";
    }
  }
  suppressByEquations(model);
  const figure = (cell: number): Figure => {
    const reason = model.hidden[cell];
    return reason ? { hidden: reason } : { value: n[cell] as number };
  };
  return tree.ids.map((unitId, node) => {
    const cell = directCell.get(node);
    return {
      unitId,
      respondents: figure(node),
      ...(cell !== undefined ? { direct: figure(cell) } : {}),
    };
  });
}
