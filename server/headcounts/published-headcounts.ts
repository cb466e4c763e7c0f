import type { HeadcountCell } from "../../analysis/headcount-release";
import type { Figure } from "../../analysis/release-types";
import type { Db } from "../db/open-database";
import { readStoredHeadcountRelease, type StoredHeadcountRelease } from "./build-headcount-release";
import { referenceDateOn } from "./reference-date";

/** One reference date of the headcount release readers are shown, with the tree it was built on. */
export interface PublishedHeadcountDate {
  referenceDate: string;
  /** The headcount release's minimum group size ("fewer than k" of its hidden cells). */
  k: number;
  /** The organisation's unit tree as the headcount release was built on it (root: organisation). */
  units: { id: string; parentId: string | null }[];
  dimensions: { key: string; values: string[] }[];
  /** A published cell (value, or hidden with its reason); undefined where none is listed. */
  figure(
    unitId: string,
    part: "all" | "direct",
    dimension: string | null,
    value: string | null,
  ): Figure | undefined;
  /** Units with staff listed directly in them (a "direct" cell, shown or hidden). */
  withDirectStaff: ReadonlySet<string>;
}

/**
 * The reference date a campaign's survey figures are set against: the latest date of the
 * stored (shown) headcount release on or before `onOrBefore` (the campaign's closing day), all
 * levels together. Undefined when no such date is published.
 */
export function headcountDateOnOrBefore(
  db: Db,
  organisationId: string,
  onOrBefore: string,
): PublishedHeadcountDate | undefined {
  return headcountDateIn(readStoredHeadcountRelease(db, organisationId)?.release, onOrBefore);
}

/** The same, in a given headcount release (the one stored now, or the one it replaced). */
export function headcountDateIn(
  release: StoredHeadcountRelease | undefined,
  onOrBefore: string,
): PublishedHeadcountDate | undefined {
  const on = referenceDateOn(release?.dates.map((date) => date.referenceDate) ?? [], onOrBefore);
  const date = release?.dates.find((candidate) => candidate.referenceDate === on);
  if (!release || !date) return undefined;
  const key = (cell: Pick<HeadcountCell, "unitId" | "part" | "dimension" | "value">) =>
    `${cell.unitId}|${cell.part}|${cell.dimension ?? ""}|${cell.value ?? ""}`;
  const cells = new Map<string, Figure>();
  const withDirectStaff = new Set<string>();
  for (const cell of date.cells) {
    if (cell.level !== null) continue;
    cells.set(key(cell), cell.n);
    if (cell.part === "direct") withDirectStaff.add(cell.unitId);
  }
  return {
    referenceDate: date.referenceDate,
    k: release.k,
    units: release.units,
    dimensions: release.dimensions,
    figure: (unitId, part, dimension, value) => cells.get(key({ unitId, part, dimension, value })),
    withDirectStaff,
  };
}

/**
 * What an attacker holding the headcount tables knows about a survey's units: each unit's whole
 * staff (all levels, everyone) where the headcount release shows it, at the latest reference date
 * on or before `onOrBefore` (a campaign's closing day). Hidden counts tell nothing here. The
 * survey release audit takes these as caps on respondents (`knownHeadcounts`; analysis/ drops a
 * cap its own figures contradict, such as staff who joined after the reference date).
 */
export function publishedHeadcounts(
  db: Db,
  organisationId: string,
  onOrBefore: string,
): Record<string, number> {
  return knownHeadcountsIn(readStoredHeadcountRelease(db, organisationId)?.release, onOrBefore);
}

/** The published unit totals of a given headcount release at a campaign's reference date. */
export function knownHeadcountsIn(
  release: StoredHeadcountRelease | undefined,
  onOrBefore: string,
): Record<string, number> {
  const date = headcountDateIn(release, onOrBefore);
  const known: Record<string, number> = {};
  for (const unit of date?.units ?? []) {
    const n = date?.figure(unit.id, "all", null, null);
    if (n && "value" in n) known[unit.id] = n.value;
  }
  return known;
}
