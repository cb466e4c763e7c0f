import type { z } from "zod";
import type {
  HeadcountReleaseAnswer,
  headcountCellSchema,
} from "../../../server/contract/headcount-schemas";
import type { Figure } from "../../../server/contract/release-schema";

/**
 * The released tables as GET …/headcounts answers them; `building` is true while a newer
 * import's release is being built and these are still the previous release's figures.
 */
export type HeadcountReleaseView = HeadcountReleaseAnswer & { building?: boolean };
export type HeadcountUnit = HeadcountReleaseAnswer["units"][number];
type Cell = z.infer<typeof headcountCellSchema>;

/** One cell's coordinates: unit, part, level (null: all), dimension and value (null: total). */
export function cellKey(
  unitId: string,
  part: "all" | "direct",
  level: string | null,
  dimension: string | null,
  value: string | null,
): string {
  return [unitId, part, level ?? "", dimension ?? "", value ?? ""].join("\u0000");
}

/** A date's cells by their coordinates, to look up the figure of a table's cell. */
export function figuresOf(cells: readonly Cell[]): Map<string, Figure> {
  return new Map(
    cells.map((cell) => [
      cellKey(cell.unitId, cell.part, cell.level, cell.dimension, cell.value),
      cell.n,
    ]),
  );
}

/** Units in tree order (parents before their children, siblings by code) with their depth. */
export function unitsInTreeOrder(
  units: readonly HeadcountUnit[],
): { unit: HeadcountUnit; depth: number }[] {
  const children = new Map<string | null, HeadcountUnit[]>();
  const ids = new Set(units.map((unit) => unit.id));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: { unit: HeadcountUnit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const unit of [...(children.get(parent) ?? [])].sort((a, b) =>
      a.code.localeCompare(b.code),
    )) {
      out.push({ unit, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The organisation-wide staff total of a date, if it is published. */
export function publishedTotal(
  release: HeadcountReleaseAnswer,
  referenceDate: string,
): number | null {
  const root = release.units.find((unit) => unit.parentId === null);
  const date = release.dates.find((candidate) => candidate.referenceDate === referenceDate);
  if (!root || !date) return null;
  const figure = figuresOf(date.cells).get(cellKey(root.id, "all", null, null, null));
  return figure && "value" in figure ? figure.value : null;
}
