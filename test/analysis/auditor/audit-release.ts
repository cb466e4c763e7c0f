import solver from "javascript-lp-solver";
import type { Release } from "../../../analysis/release-types";
import { determinedByEquations } from "./exact-elimination";
import { type AuditCell, type ReleaseSystem, releaseSystem } from "./release-system";

export interface AuditFindings {
  /** Groups published with 1..k−1 respondents. */
  publishedSmall: string[];
  /** Hidden non-zero groups an attacker pins down exactly (values and reasons known). */
  recoverable: { groupId: string; value: number }[];
  /** Primary groups whose range from published values alone is narrower than k. */
  narrow: { groupId: string; min: number; max: number }[];
  /** An organisation-only release that still lists other groups. */
  organisationOnlyBroken: boolean;
}

const EPSILON = 1e-6;

/**
 * Audits a published release as an attacker would, from the release alone: exact rational
 * elimination for what the equations fix, and a second LP solver (javascript-lp-solver, not
 * the suppressor's HiGHS) for the ranges under both attacker models.
 */
export function auditRelease(release: Release): AuditFindings {
  return {
    ...auditSystem(releaseSystem(release)),
    organisationOnlyBroken: release.audit.organisationOnly && release.groups.length > 1,
  };
}

/**
 * The same attack on any linear system an attacker wrote down from published tables (the
 * survey release above, or the headcount tables in headcount-attack.ts).
 */
export function auditSystem(system: ReleaseSystem): Omit<AuditFindings, "organisationOnlyBroken"> {
  const findings: Omit<AuditFindings, "organisationOnlyBroken"> = {
    publishedSmall: [],
    recoverable: [],
    narrow: [],
  };
  for (const cell of system.cells) {
    if (cell.value !== null && cell.value > 0 && cell.value < system.k) {
      findings.publishedSmall.push(cell.id);
    }
  }
  const exact = new Map<number, number>();
  for (const [cell, value] of determinedByEquations(system)) exact.set(cell, value);
  for (const component of components(system)) {
    auditComponent(system, component, exact, findings);
  }
  for (const [cell, value] of exact) {
    if (value > EPSILON)
      findings.recoverable.push({ groupId: system.cells[cell]?.id ?? "", value });
  }
  return findings;
}

type Bounds = (cell: AuditCell) => { min: number; max: number };

const valuesOnly: Bounds = (cell) => ({ min: 0, max: cell.cap });
const valuesAndReasons =
  (k: number): Bounds =>
  (cell) => {
    const cap = cell.cap;
    if (cell.reason === "secondary") return { min: k, max: cap };
    if (cell.reason === "primary")
      return { min: cell.splitsPrimary ? 0 : 1, max: Math.min(cap, k - 1) };
    return { min: 0, max: cap };
  };

function auditComponent(
  system: ReleaseSystem,
  component: { cells: number[]; equations: number[] },
  exact: Map<number, number>,
  findings: Pick<AuditFindings, "narrow">,
): void {
  const k = system.k;
  // Every solution found is a feasible point: cells it already shows to vary need no LP of
  // their own (a spread of 2 rules out an exact integer value, a spread of k a narrow range).
  const modelB = spreadTracker(component.cells);
  for (const cell of component.cells) {
    if (modelB.spread(cell) >= 2) continue;
    const range = solveRange(system, component, cell, valuesAndReasons(k), modelB.observe);
    if (Math.floor(range.max + EPSILON) <= Math.ceil(range.min - EPSILON) && !exact.has(cell)) {
      exact.set(cell, Math.round(range.min));
    }
  }
  const modelA = spreadTracker(component.cells);
  for (const cell of component.cells) {
    const audited = system.cells[cell] as AuditCell;
    if (audited.reason !== "primary") continue;
    const need = Math.min(k, audited.cap);
    if (modelA.spread(cell) >= need) continue;
    const range = solveRange(system, component, cell, valuesOnly, modelA.observe);
    if (range.max - range.min < need - EPSILON && range.max > EPSILON) {
      findings.narrow.push({ groupId: audited.id, min: range.min, max: range.max });
    }
  }
}

function spreadTracker(cells: number[]) {
  const low = new Map<number, number>();
  const high = new Map<number, number>();
  return {
    spread: (cell: number) => (high.get(cell) ?? 0) - (low.get(cell) ?? 0),
    observe: (values: Record<string, unknown>) => {
      for (const cell of cells) {
        const value = Number(values[`c${cell}`] ?? 0);
        if (!high.has(cell) || value > (high.get(cell) as number)) high.set(cell, value);
        if (!low.has(cell) || value < (low.get(cell) as number)) low.set(cell, value);
      }
    },
  };
}

function solveRange(
  system: ReleaseSystem,
  component: { cells: number[]; equations: number[] },
  target: number,
  bounds: Bounds,
  observe: (values: Record<string, unknown>) => void,
): { min: number; max: number } {
  const constraints: Record<string, { equal?: number; min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const cell of component.cells) variables[`c${cell}`] = {};
  for (const index of component.equations) {
    const equation = system.equations[index];
    if (!equation) continue;
    let constant = 0;
    equation.cells.forEach((cell, position) => {
      const coefficient = equation.coefficients[position] as number;
      const value = system.cells[cell]?.value;
      if (value === null || value === undefined) {
        const variable = variables[`c${cell}`] as Record<string, number>;
        variable[`e${index}`] = (variable[`e${index}`] ?? 0) + coefficient;
      } else constant -= coefficient * value;
    });
    constraints[`e${index}`] = { equal: constant };
  }
  for (const cell of component.cells) {
    const { min, max } = bounds(system.cells[cell] as AuditCell);
    const variable = variables[`c${cell}`] as Record<string, number>;
    variable[`b${cell}`] = 1;
    constraints[`b${cell}`] = Number.isFinite(max) ? { min, max } : { min };
  }
  (variables[`c${target}`] as Record<string, number>).objective = 1;
  const solve = (opType: "max" | "min") => {
    const result = solver.Solve({ optimize: "objective", opType, constraints, variables }) as {
      feasible: boolean;
      bounded?: boolean;
      result: number;
    };
    if (!result.feasible)
      throw new Error(`Auditor: infeasible system around ${system.cells[target]?.id}`);
    if (result.bounded !== false) observe(result as unknown as Record<string, unknown>);
    return result.bounded === false
      ? opType === "max"
        ? Infinity
        : -Infinity
      : Number(result.result);
  };
  return { min: solve("min"), max: solve("max") };
}

/** Hidden cells linked by equations that hold two or more of them. */
function components(system: ReleaseSystem): { cells: number[]; equations: number[] }[] {
  const parent = new Map<number, number>();
  const find = (cell: number): number => {
    let top = cell;
    while (parent.get(top) !== top) top = parent.get(top) as number;
    parent.set(cell, top);
    return top;
  };
  system.cells.forEach((cell, index) => {
    if (cell.value === null) parent.set(index, index);
  });
  const withHidden = system.equations.map((equation) =>
    equation.cells.filter((cell) => system.cells[cell]?.value === null),
  );
  for (const cells of withHidden) {
    for (const cell of cells.slice(1)) parent.set(find(cell), find(cells[0] as number));
  }
  const groups = new Map<number, { cells: number[]; equations: number[] }>();
  for (const cell of parent.keys()) {
    const top = find(cell);
    const group = groups.get(top) ?? { cells: [], equations: [] };
    group.cells.push(cell);
    groups.set(top, group);
  }
  withHidden.forEach((cells, index) => {
    if (cells.length > 0) groups.get(find(cells[0] as number))?.equations.push(index);
  });
  return [...groups.values()];
}
