import type { HeadcountRelease } from "../../../analysis/headcount-release";
import { type AuditFindings, auditSystem } from "./audit-release";
import { determinedByEquations } from "./exact-elimination";
import type { AuditCell, ReleaseSystem } from "./release-system";

/** What an attacker holding every date of a headcount release finds. */
export interface HeadcountFindings {
  /** Per date, the single-date attack of audit-release.ts. */
  dates: { referenceDate: string; findings: Omit<AuditFindings, "organisationOnlyBroken"> }[];
  /** Cells known exactly at two dates whose change is 1..k−1 people. */
  smallChanges: { cell: string; from: string; to: string; change: number }[];
}

type Described = HeadcountRelease["dates"][number]["cells"][number];

const keyOf = (cell: Omit<Described, "n">) =>
  JSON.stringify([cell.unitId, cell.part, cell.level, cell.dimension, cell.value]);

/**
 * Writes down, from the published headcount tables alone (their documented structure, no code
 * of the suppressor), every equation of each date: a unit is its direct part and its sub-units,
 * a level total is its levels, a group is each dimension's values.
 */
export function headcountSystem(release: HeadcountRelease, date: number): ReleaseSystem {
  const published = release.dates[date];
  if (!published) throw new Error(`Auditor: no date ${date}`);
  const index = new Map<string, number>();
  const cells: AuditCell[] = published.cells.map((cell, position) => {
    index.set(keyOf(cell), position);
    return {
      id: keyOf(cell),
      value: "value" in cell.n ? cell.n.value : null,
      reason: "hidden" in cell.n ? cell.n.hidden : null,
      cap: Number.POSITIVE_INFINITY,
      splitsPrimary: false,
    };
  });
  const find = (
    unitId: string,
    part: "all" | "direct",
    level: string | null,
    dimension: string | null,
    value: string | null,
  ) => index.get(keyOf({ unitId, part, level, dimension, value }));
  const must = (position: number | undefined, what: string) => {
    if (position === undefined) throw new Error(`Auditor: ${what} is missing from the release`);
    return position;
  };
  const categories: [string | null, string | null][] = [
    [null, null],
    ...release.dimensions.flatMap((d) => d.values.map((v): [string, string] => [d.key, v])),
  ];
  const levels: (string | null)[] = [null, ...release.levels];
  const children = new Map<string, string[]>();
  for (const unit of release.units) {
    if (unit.parentId !== null) {
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
  }
  // A unit crosses levels with categories when it lists any such cell; then it must list all.
  const crosses = new Set(
    published.cells
      .filter((cell) => cell.level !== null && cell.dimension !== null)
      .map((cell) => cell.unitId),
  );
  const listedFor = (unitId: string, level: string | null, dimension: string | null) =>
    crosses.has(unitId) || level === null || dimension === null;
  const relations: { total: number; parts: number[] }[] = [];
  for (const unit of release.units) {
    const kids = children.get(unit.id) ?? [];
    const parts: ("all" | "direct")[] =
      find(unit.id, "direct", null, null, null) === undefined ? ["all"] : ["all", "direct"];
    for (const part of parts) {
      for (const [dimension, value] of categories) {
        if (!listedFor(unit.id, "any", dimension)) continue;
        relations.push({
          total: must(find(unit.id, part, null, dimension, value), `${unit.id} total`),
          parts: release.levels.map((level) =>
            must(find(unit.id, part, level, dimension, value), `${unit.id} ${level}`),
          ),
        });
      }
      for (const level of levels) {
        if (!listedFor(unit.id, level, "any")) continue;
        for (const dimension of release.dimensions) {
          relations.push({
            total: must(find(unit.id, part, level, null, null), `${unit.id} ${level}`),
            parts: dimension.values.map((value) =>
              must(find(unit.id, part, level, dimension.key, value), `${unit.id} ${value}`),
            ),
          });
        }
      }
    }
    if (kids.length === 0) continue;
    for (const level of levels) {
      for (const [dimension, value] of categories) {
        if (![unit.id, ...kids].every((id) => listedFor(id, level, dimension))) continue;
        const direct = find(unit.id, "direct", level, dimension, value);
        relations.push({
          total: must(find(unit.id, "all", level, dimension, value), unit.id),
          parts: [
            ...(direct === undefined ? [] : [direct]),
            ...kids.map((kid) => must(find(kid, "all", level, dimension, value), kid)),
          ],
        });
      }
    }
  }
  for (const { total, parts } of relations) {
    if (cells[total]?.reason !== "primary") continue;
    for (const part of parts) {
      const cell = cells[part];
      if (cell) cell.splitsPrimary = true;
    }
  }
  return {
    k: release.k,
    cells,
    equations: relations.map(({ total, parts }) => ({
      cells: [total, ...parts],
      coefficients: [1, ...parts.map(() => -1)],
    })),
  };
}

/**
 * Attacks a headcount release: each date on its own, then every two dates together. A cell
 * the attacker knows exactly at both dates (published, or pinned by the equations; a cell not
 * listed at a date held 0) shows its change; a change of 1..k−1 people is a joiner or leaver
 * group too small to show.
 */
export function attackHeadcounts(release: HeadcountRelease): HeadcountFindings {
  const known: Map<string, number>[] = [];
  const dates = release.dates.map((date, position) => {
    const system = headcountSystem(release, position);
    const values = new Map<string, number>();
    system.cells.forEach((cell) => {
      if (cell.value !== null) values.set(cell.id, cell.value);
    });
    for (const [cell, value] of determinedByEquations(system)) {
      values.set(system.cells[cell]?.id as string, value);
    }
    known.push(values);
    return { referenceDate: date.referenceDate, findings: auditSystem(system) };
  });
  const smallChanges: HeadcountFindings["smallChanges"] = [];
  const listed = release.dates.map((date) => new Set(date.cells.map(keyOf)));
  for (let t = 1; t < known.length; t++) {
    for (const [cell, now] of known[t] as Map<string, number>) {
      for (let s = 0; s < t; s++) {
        const before = (listed[s] as Set<string>).has(cell)
          ? (known[s] as Map<string, number>).get(cell)
          : 0;
        if (before === undefined) continue;
        const change = Math.round(now - before);
        if (change !== 0 && Math.abs(change) < release.k) {
          smallChanges.push({
            cell,
            from: release.dates[s]?.referenceDate as string,
            to: release.dates[t]?.referenceDate as string,
            change,
          });
        }
      }
    }
  }
  return { dates, smallChanges };
}
