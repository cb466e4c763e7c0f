import type { EarlierTable, ReleaseGroup } from "../../analysis/release-types";
import { csvField } from "../contract/csv-field";

/** A unit's code and name as an export shows them (the organisation itself included). */
export type UnitLabel = (unitId: string) => { code: string; name: string };

/**
 * One table of the release as rows: one per group and question option, hidden figures as
 * "hidden (reason)", never as 0. The first row is the header. A hidden table an earlier served
 * release showed is followed by that release's rows: its n, its figures, and its build time in
 * `figures_of` (empty on the release's own rows).
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
    "figures_of",
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
    if (group.items.length === 0) lines.push([...head, "", "", "", "", "", "", ""]);
    for (const item of group.items) {
      if ("hidden" in item) {
        lines.push([...head, item.key, "", `hidden (${item.hidden})`, "", "", "", ""]);
        const earlier = item.earlier;
        if (earlier)
          lines.push(
            ...optionLines([...head.slice(0, -1), String(earlier.n)], item.key, earlier).map(
              (line) => [...line, earlier.builtAt],
            ),
          );
        continue;
      }
      lines.push(...optionLines(head, item.key, item).map((line) => [...line, ""]));
    }
  }
  return lines;
}

function optionLines(
  head: string[],
  key: string,
  figures: Pick<EarlierTable, "options" | "mean" | "favourable">,
): string[][] {
  return figures.options.map((option) => [
    ...head,
    key,
    option.value ?? "(no answer)",
    String(option.count),
    option.share.toFixed(4),
    figures.mean != null ? figures.mean.toFixed(3) : "",
    figures.favourable != null ? figures.favourable.toFixed(4) : "",
  ]);
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
