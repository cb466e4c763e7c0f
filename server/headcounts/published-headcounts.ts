import type { Db } from "../db/open-database";
import { readStoredHeadcountRelease } from "./build-headcount-release";

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
  const stored = readStoredHeadcountRelease(db, organisationId);
  const date = stored?.release.dates
    .filter((candidate) => candidate.referenceDate <= onOrBefore)
    .at(-1);
  const known: Record<string, number> = {};
  for (const cell of date?.cells ?? []) {
    if (cell.part !== "all" || cell.level !== null || cell.dimension !== null) continue;
    if ("value" in cell.n) known[cell.unitId] = cell.n.value;
  }
  return known;
}
