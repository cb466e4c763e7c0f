import { createHash } from "node:crypto";
import type { Db } from "../../server/db/open-database";
import { units } from "../../server/db/schema";

/**
 * A fixed id for a synthetic unit, shaped like the random UUID an import gives it. The stored
 * rows, and so the order of the release's cells and LPs, follow the unit ids: with random ids
 * (as `importUnits` makes them) two runs of the same tree built different LP sequences and the
 * headcount bench's release time varied by about ±25% from run to run.
 */
export function benchUnitId(code: string): string {
  const hex = createHash("sha256").update(`bench-unit:${code}`).digest("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `8${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/** The synthetic organisation's unit tree written with `benchUnitId` ids (parents first). */
export function insertBenchUnits(
  db: Db,
  organisationId: string,
  tree: readonly { code: string; parent: string }[],
): void {
  const rows = tree.map((unit) => ({
    id: benchUnitId(unit.code),
    organisationId,
    code: unit.code,
    parentId: unit.parent === "" ? null : benchUnitId(unit.parent),
    kind: "service" as const,
    nameNl: unit.code,
    nameFr: unit.code,
    nameEn: unit.code,
  }));
  db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500)
      tx.insert(units)
        .values(rows.slice(i, i + 500))
        .run();
  });
}
