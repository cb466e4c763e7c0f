import type { HiddenReason, Release, ReleaseGroup } from "../../../analysis/release-types";

/**
 * The linear system an attacker can write down from a published release alone, rebuilt here
 * from the release's documented structure (analysis/release-types.ts) without any code of the
 * suppressor: one cell per group, one equation per relation between groups.
 */
export interface ReleaseSystem {
  k: number;
  cells: AuditCell[];
  /** Each equation: Σ coefficient × cell = 0 over the listed cells. */
  equations: { cells: number[]; coefficients: number[] }[];
}

export interface AuditCell {
  id: string;
  value: number | null;
  reason: HiddenReason | null;
  /** From known headcounts: this group cannot hold more people. */
  cap: number;
  /** Hidden together with a primary group it splits: may hold 0. */
  splitsPrimary: boolean;
}

const key = (unitId: string, part: string, filters: ReleaseGroup["filters"]) =>
  JSON.stringify([unitId, part, filters.map((filter) => [filter.dimension, filter.value])]);

export function releaseSystem(release: Release): ReleaseSystem {
  const index = new Map<string, number>();
  const cells: AuditCell[] = release.groups.map((group, position) => {
    index.set(key(group.unitId, group.part, group.filters), position);
    return {
      id: group.id,
      value: "value" in group.n ? group.n.value : null,
      reason: "hidden" in group.n ? group.n.hidden : null,
      cap: Number.POSITIVE_INFINITY,
      splitsPrimary: false,
    };
  });
  const find = (unitId: string, part: string, filters: ReleaseGroup["filters"]) =>
    index.get(key(unitId, part, filters));
  const children = new Map<string, string[]>();
  for (const unit of release.units) {
    if (unit.parentId !== null) {
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
  }
  const relations: { total: number; parts: number[] }[] = [];
  // A relation holds only when every part is in the release: a release that leaves a table out
  // (organisation only) says nothing about it. The one part that may be absent is "directly in
  // the unit", which the release omits when nobody answered there (it is then 0).
  const relate = (
    total: number | undefined,
    parts: (number | undefined)[],
    direct?: number | undefined,
  ) => {
    if (total === undefined) return;
    if (parts.some((part) => part === undefined)) {
      // Only an organisation-only release may leave parts out; anywhere else a missing group
      // would silently weaken the audit, so the auditor refuses to go on.
      if (release.audit.organisationOnly) return;
      throw new Error(`Auditor: a part of ${cells[total]?.id} is missing from the release`);
    }
    relations.push({
      total,
      parts: [...parts, direct].filter((part): part is number => part !== undefined),
    });
  };

  const filterSets: ReleaseGroup["filters"][] = [
    [],
    ...release.dimensions.flatMap((dimension) =>
      dimension.values.map((value) => [{ dimension: dimension.key, value }]),
    ),
  ];
  for (const unit of release.units) {
    const kids = children.get(unit.id) ?? [];
    for (const part of ["all", "direct"]) {
      // Partition of each group by every dimension ("no answer" is one of the values).
      for (const dimension of release.dimensions) {
        relate(
          find(unit.id, part, []),
          dimension.values.map((value) =>
            find(unit.id, part, [{ dimension: dimension.key, value }]),
          ),
        );
      }
    }
    if (kids.length === 0) continue;
    for (const filters of filterSets) {
      relate(
        find(unit.id, "all", filters),
        kids.map((child) => find(child, "all", filters)),
        find(unit.id, "direct", filters),
      );
    }
  }
  const root = release.units.find((unit) => unit.parentId === null)?.id ?? "";
  for (const [a, b] of release.crosses) {
    const valuesOf = (dimension: string) =>
      release.dimensions.find((candidate) => candidate.key === dimension)?.values ?? [];
    for (const va of valuesOf(a)) {
      relate(
        find(root, "all", [{ dimension: a, value: va }]),
        valuesOf(b).map((vb) =>
          find(root, "all", [
            { dimension: a, value: va },
            { dimension: b, value: vb },
          ]),
        ),
      );
    }
    for (const vb of valuesOf(b)) {
      relate(
        find(root, "all", [{ dimension: b, value: vb }]),
        valuesOf(a).map((va) =>
          find(root, "all", [
            { dimension: a, value: va },
            { dimension: b, value: vb },
          ]),
        ),
      );
    }
  }

  for (const { total, parts } of relations) {
    if (cells[total]?.reason !== "primary") continue;
    for (const part of parts) {
      const cell = cells[part];
      if (cell) cell.splitsPrimary = true;
    }
  }
  applyHeadcounts(release, cells, children, root);
  return {
    k: release.k,
    cells,
    equations: relations.map(({ total, parts }) => ({
      cells: [total, ...parts],
      coefficients: [1, ...parts.map(() => -1)],
    })),
  };
}

/** Caps every group of a unit by the smallest known headcount of the unit or above it. */
function applyHeadcounts(
  release: Release,
  cells: AuditCell[],
  children: Map<string, string[]>,
  root: string,
): void {
  const headcount = new Map<string, number>();
  const hasDirect = new Set(release.groups.filter((g) => g.part === "direct").map((g) => g.unitId));
  const visit = (unit: string, above: number): number => {
    const own = Math.min(above, release.knownHeadcounts[unit] ?? Number.POSITIVE_INFINITY);
    const kids = children.get(unit) ?? [];
    const below = kids.reduce((sum, child) => sum + visit(child, own), 0);
    const cap = kids.length > 0 && !hasDirect.has(unit) ? Math.min(own, below) : own;
    headcount.set(unit, cap);
    return cap;
  };
  visit(root, Number.POSITIVE_INFINITY);
  release.groups.forEach((group, position) => {
    const cell = cells[position];
    if (cell) cell.cap = headcount.get(group.unitId) ?? Number.POSITIVE_INFINITY;
  });
}
