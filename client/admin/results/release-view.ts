import type {
  ReleaseGroup,
  ReleaseTable,
  ReleaseValue,
} from "../../../server/contract/release-schema";
import { unitsInTreeOrder } from "../../../server/contract/unit-tree";
import { itemLabel, type QuestionnaireLabels } from "../../../surveys/model/questionnaire-labels";

/** A unit of the release as a picker lists it: in tree order, with its depth for indenting. */
export interface UnitChoice {
  id: string;
  parentId: string | null;
  name: string;
  depth: number;
}

/**
 * The release's units in tree order (parents before children, siblings in `order`). Units
 * whose parent is not visible to the reader (a unit evaluator's own unit) become roots.
 */
export function unitTree(
  units: readonly { id: string; parentId: string | null }[],
  name: (id: string) => string,
  order: (id: string) => number,
): UnitChoice[] {
  return unitsInTreeOrder(
    units,
    (a, b) => order(a.id) - order(b.id) || name(a.id).localeCompare(name(b.id)),
  ).map(({ unit, depth }) => ({
    id: unit.id,
    parentId: unit.parentId,
    name: name(unit.id),
    depth,
  }));
}

/** One row of a shown table: a published group and what to call it. */
export interface GroupRow {
  group: ReleaseGroup;
  label: string;
  /** The total the other rows divide (the whole unit, everyone). */
  total: boolean;
}

export interface RowTexts {
  everyone: string;
  wholeUnit: (unit: string) => string;
  directlyIn: (unit: string) => string;
  unitName: (id: string) => string;
  value: (dimension: string, value: ReleaseValue) => string;
}

/** The chosen table, unit and part (whole subtree, or only those directly in the unit). */
export interface ViewChoice {
  table: ReleaseTable;
  unitId: string;
  part: "all" | "direct";
}

function sameFilters(group: ReleaseGroup, dimensions: readonly string[]): boolean {
  return (
    group.filters.length === dimensions.length &&
    group.filters.every((filter, index) => filter.dimension === dimensions[index])
  );
}

/** A value's place in its dimension; "no answer" after every real answer. */
function valueRank(values: readonly ReleaseValue[], value: ReleaseValue): number {
  if (value === null) return values.length + 1;
  const index = values.indexOf(value);
  return index === -1 ? values.length : index;
}

/**
 * The rows to show for a choice. The unit table shows the unit, the people directly in it
 * and its sub-units; a background table shows the unit's total and then one row per value;
 * a cross table (organisation only) its total and every pair of values.
 */
export function rowsForView({
  choice,
  groups,
  unitGroups,
  tree,
  dimensionValues,
  texts,
}: {
  choice: ViewChoice;
  /** The chosen table's groups. */
  groups: readonly ReleaseGroup[];
  /** The unit table's groups, for the totals of the other tables. */
  unitGroups: readonly ReleaseGroup[];
  tree: readonly UnitChoice[];
  dimensionValues: (dimension: string) => readonly ReleaseValue[];
  texts: RowTexts;
}): GroupRow[] {
  const { table, unitId, part } = choice;
  const dimensions = table.dimensions;
  const find = (list: readonly ReleaseGroup[], unit: string, wanted: "all" | "direct") =>
    list.find(
      (group) => group.unitId === unit && group.part === wanted && group.filters.length === 0,
    );

  if (dimensions.length === 0) {
    const rows: GroupRow[] = [];
    const whole = find(groups, unitId, "all");
    if (whole)
      rows.push({ group: whole, label: texts.wholeUnit(texts.unitName(unitId)), total: true });
    const direct = find(groups, unitId, "direct");
    if (direct)
      rows.push({ group: direct, label: texts.directlyIn(texts.unitName(unitId)), total: false });
    for (const child of tree.filter((unit) => unit.parentId === unitId)) {
      const group = find(groups, child.id, "all");
      if (group) rows.push({ group, label: child.name, total: false });
    }
    return rows;
  }

  const cross = dimensions.length > 1;
  const rows: GroupRow[] = [];
  const matching = groups.filter(
    (group) =>
      sameFilters(group, dimensions) && (cross || (group.unitId === unitId && group.part === part)),
  );
  const totalUnit = cross ? (matching[0]?.unitId ?? unitId) : unitId;
  const total = find(unitGroups, totalUnit, cross ? "all" : part);
  if (total) rows.push({ group: total, label: texts.everyone, total: true });
  const ranked = matching
    .map((group) => ({
      group,
      ranks: group.filters.map((filter) =>
        valueRank(dimensionValues(filter.dimension), filter.value),
      ),
    }))
    .sort((a, b) => (a.ranks[0] ?? 0) - (b.ranks[0] ?? 0) || (a.ranks[1] ?? 0) - (b.ranks[1] ?? 0));
  for (const { group } of ranked) {
    rows.push({
      group,
      label: group.filters.map((filter) => texts.value(filter.dimension, filter.value)).join(" · "),
      total: false,
    });
  }
  return rows;
}

/** A question of the shown results: its items (one, or one per matrix row) in order. */
export interface QuestionSection {
  question: string;
  title: string;
  items: { key: string; row: string | null }[];
}

/**
 * The questions the shown groups report on, in release order, matrix rows kept together
 * under their question. Groups hidden as a whole carry no items and are skipped here.
 */
export function questionSections(
  groups: readonly ReleaseGroup[],
  labels: QuestionnaireLabels,
): QuestionSection[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    for (const item of group.items) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      keys.push(item.key);
    }
  }
  const sections: QuestionSection[] = [];
  for (const key of keys) {
    const label = itemLabel(labels, key);
    const last = sections.at(-1);
    if (last && last.question === label.question) last.items.push({ key, row: label.row });
    else
      sections.push({
        question: label.question,
        title: label.title,
        items: [{ key, row: label.row }],
      });
  }
  return sections;
}

/** Whether any shown group has a published count (else there is nothing to read). */
export function anyPublished(groups: readonly ReleaseGroup[]): boolean {
  return groups.some((group) => "value" in group.n && group.n.value > 0);
}
