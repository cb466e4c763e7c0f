import type { Release, ReleaseGroup } from "./release-types";

/**
 * The relations between the groups of a published release, read from its documented structure
 * (release-types.ts) alone, as an attacker holding the release would write them down.
 * `direct` groups a release leaves out are empty (0); in an organisation-only release every
 * table but the organisation is left out and no relation is written for it.
 */
export interface ReleaseEquations {
  /** Group id → position in `release.groups`. */
  position: Map<string, number>;
  /** total = Σ parts, by group id; an absent direct part is 0 and left out of `parts`. */
  equations: { total: string; parts: string[]; partition: boolean }[];
  /** Per group id: the smallest known headcount of its unit or any unit above it. */
  cap: Map<string, number>;
}

const groupKey = (unitId: string, part: string, filters: ReleaseGroup["filters"]) =>
  JSON.stringify([unitId, part, filters.map((filter) => [filter.dimension, filter.value])]);

export function releaseEquations(release: Release): ReleaseEquations {
  const byKey = new Map<string, string>();
  const position = new Map<string, number>();
  release.groups.forEach((group, index) => {
    byKey.set(groupKey(group.unitId, group.part, group.filters), group.id);
    position.set(group.id, index);
  });
  const find = (unitId: string, part: string, filters: ReleaseGroup["filters"]) =>
    byKey.get(groupKey(unitId, part, filters));
  const children = new Map<string, string[]>();
  for (const unit of release.units) {
    if (unit.parentId !== null)
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const equations: ReleaseEquations["equations"] = [];
  const relate = (
    total: string | undefined,
    parts: (string | undefined)[],
    partition: boolean,
    direct?: string,
  ) => {
    if (total === undefined) return;
    if (parts.some((part) => part === undefined)) {
      if (release.audit.organisationOnly) return;
      throw new Error(`Release structure: a part of ${total} is missing`);
    }
    const listed = parts as string[];
    equations.push({ total, parts: direct ? [direct, ...listed] : listed, partition });
  };
  const filterSets: ReleaseGroup["filters"][] = [
    [],
    ...release.dimensions.flatMap((dimension) =>
      dimension.values.map((value) => [{ dimension: dimension.key, value }]),
    ),
  ];
  for (const unit of release.units) {
    for (const part of ["all", "direct"]) {
      for (const dimension of release.dimensions) {
        relate(
          find(unit.id, part, []),
          dimension.values.map((value) =>
            find(unit.id, part, [{ dimension: dimension.key, value }]),
          ),
          true,
        );
      }
    }
    const kids = children.get(unit.id) ?? [];
    if (kids.length === 0) continue;
    for (const filters of filterSets) {
      relate(
        find(unit.id, "all", filters),
        kids.map((child) => find(child, "all", filters)),
        false,
        find(unit.id, "direct", filters),
      );
    }
  }
  const root = release.units.find((unit) => unit.parentId === null)?.id ?? "";
  const valuesOf = (key: string) =>
    release.dimensions.find((dimension) => dimension.key === key)?.values ?? [];
  for (const [a, b] of release.crosses) {
    for (const va of valuesOf(a)) {
      relate(
        find(root, "all", [{ dimension: a, value: va }]),
        valuesOf(b).map((vb) =>
          find(root, "all", [
            { dimension: a, value: va },
            { dimension: b, value: vb },
          ]),
        ),
        true,
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
        true,
      );
    }
  }
  return { position, equations, cap: headcountCaps(release, children, root) };
}

/**
 * A unit holds at most its known headcount, the headcount of any unit above it, and (when
 * nobody is attached to it directly) the sum of its sub-units' caps.
 */
function headcountCaps(
  release: Release,
  children: Map<string, string[]>,
  root: string,
): Map<string, number> {
  const hasDirect = new Set(release.groups.filter((g) => g.part === "direct").map((g) => g.unitId));
  const unitCap = new Map<string, number>();
  const visit = (unit: string, above: number): number => {
    const own = Math.min(above, release.knownHeadcounts[unit] ?? Number.POSITIVE_INFINITY);
    const kids = children.get(unit) ?? [];
    const below = kids.reduce((sum, child) => sum + visit(child, own), 0);
    const cap = kids.length > 0 && !hasDirect.has(unit) ? Math.min(own, below) : own;
    unitCap.set(unit, cap);
    return cap;
  };
  if (root) visit(root, Number.POSITIVE_INFINITY);
  return new Map(
    release.groups.map((group) => [
      group.id,
      unitCap.get(group.unitId) ?? Number.POSITIVE_INFINITY,
    ]),
  );
}
