import type { ReleaseGroup } from "../../analysis/release-types";
import { csvField } from "../contract/csv-field";

/** A unit's code and name as an export shows them (the organisation itself included). */
export type UnitLabel = (unitId: string) => { code: string; name: string };

/**
 * One table of the release as rows: one per group and question option, hidden figures as
 * "hidden (reason)", never as 0. The first row is the header.
 */
export function releaseTableRows(
  groups: ReleaseGroup[],
  dimensions: string[],
  unitLabel: UnitLabel,
): string[][] {
  const header = [
    "unit",
    "unit_name",
    "part",
    ...dimensions,
    "n",
    "question",
    "option",
    "count",
    "share",
    "mean",
    "favourable",
  ];
  const lines = [header];
  for (const group of groups) {
    const unit = unitLabel(group.unitId);
    const head = [
      unit.code,
      unit.name,
      group.part,
      ...dimensions.map((dimension) => {
        const filter = group.filters.find((candidate) => candidate.dimension === dimension);
        return filter?.value ?? "(no answer)";
      }),
      "value" in group.n ? String(group.n.value) : `hidden (${group.n.hidden})`,
    ];
    if (group.items.length === 0) lines.push([...head, "", "", "", "", "", ""]);
    for (const item of group.items) {
      if ("hidden" in item) {
        lines.push([...head, item.key, "", `hidden (${item.hidden})`, "", "", ""]);
        continue;
      }
      for (const option of item.options) {
        lines.push([
          ...head,
          item.key,
          option.value ?? "(no answer)",
          String(option.count),
          option.share.toFixed(4),
          "mean" in item && item.mean != null ? item.mean.toFixed(3) : "",
          "favourable" in item && item.favourable != null ? item.favourable.toFixed(4) : "",
        ]);
      }
    }
  }
  return lines;
}

/** One table of the release as CSV (formula-like cells defused, see csvField). */
export function releaseTableCsv(
  groups: ReleaseGroup[],
  dimensions: string[],
  unitLabel: UnitLabel,
): string {
  const lines = releaseTableRows(groups, dimensions, unitLabel);
  return `${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}
