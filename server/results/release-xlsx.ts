import type { Release } from "../../analysis/release-types";
import { itemLabel } from "../../surveys/model/questionnaire-labels";
import type { StaffComposition } from "../contract/staff-composition-schema";
import { type ExportLabels, type LabelledCell, labelledTable } from "./labelled-rows";
import { releaseTables, tableGroups } from "./read-release";
import { staffCompositionSheet } from "./staff-composition-export";
import type { ExportLocale } from "./unit-labels";
import {
  type NumberStyle,
  type Sheet,
  type SheetCell,
  sheetName,
  writeWorkbook,
} from "./xlsx-writer";

/**
 * The whole release as a workbook in the reader's language: a first sheet saying which
 * campaign, when the figures were computed, k and the rules in plain words; a sheet per table
 * (numbers as numbers, shares formatted as percentages, hidden figures as their reason); and
 * the comments. Figures are the release's, nothing recomputed; texts are cell values, never
 * formulas, with the characters XML forbids replaced (see xml-safe-text.ts).
 */
export function releaseWorkbook(
  release: Release,
  meta: {
    campaign: string;
    builtAt: string;
    /** The figures lack answers: an interim release, or a closed campaign's earlier one. */
    status?: "interim" | "computing" | "held-back" | undefined;
    labels: ExportLabels;
    visibleUnits?: ReadonlySet<string>;
    /** The respondents against the staff, when a headcount date applies. */
    staffComposition?: { composition: StaffComposition; locale: ExportLocale };
  },
): Uint8Array<ArrayBuffer> {
  const { labels } = meta;
  const { messages } = labels;
  const taken = new Set<string>();
  const about: SheetCell[][] = [
    [{ text: messages.about.campaign, style: "bold" }, meta.campaign],
    [{ text: messages.about.builtAt, style: "bold" }, meta.builtAt],
    [{ text: messages.about.k, style: "bold" }, release.k],
    ...(meta.status
      ? [
          [
            { text: messages.about.status, style: "bold" as const },
            { text: messages.about.statusText[meta.status], style: "wrap" as const },
          ],
        ]
      : []),
    [],
    [{ text: messages.about.rulesTitle, style: "bold" }],
    ...messages.about.rules(release.k).map((rule) => [{ text: rule, style: "wrap" as const }]),
    [],
    ...messages.about.reading.map((line) => [{ text: line, style: "wrap" as const }]),
  ];
  const sheets: Sheet[] = [
    { name: sheetName(messages.aboutSheet, taken), rows: about, widths: [100, 40] },
  ];
  for (const table of releaseTables(release)) {
    const { groups } = tableGroups(release, table.id, meta.visibleUnits);
    const labelled = labelledTable(groups, table.dimensions, labels);
    const name = table.dimensions.length === 0 ? messages.unitsTable : table.dimensions.join(" × ");
    sheets.push({
      name: sheetName(name, taken),
      header: labelled.header,
      rows: sheetRows(labelled.rows, labels),
      numberStyles: labelled.kinds.map((kind) => NUMBER_STYLES[kind]),
      widths: [30, 12, 18, ...table.dimensions.map(() => 22), 12, 50, 28, 10, 10, 10, 12, 22, 16],
    });
  }
  if (meta.staffComposition) {
    const { composition, locale } = meta.staffComposition;
    const sheet = staffCompositionSheet(composition, labels.unit, locale, taken);
    if (sheet) sheets.push(sheet);
  }
  const c = messages.columns;
  const comments: SheetCell[][] = [];
  for (const entry of release.comments) {
    if (meta.visibleUnits && !meta.visibleUnits.has(entry.unitId)) continue;
    const unit = labels.unit(entry.unitId);
    const question = itemLabel(labels.questions, entry.item).title;
    for (const text of entry.texts) {
      comments.push([unit.name, unit.code, question, { text, style: "wrap" }, entry.item]);
    }
  }
  sheets.push({
    name: sheetName(messages.commentsSheet, taken),
    header: [c.unit, c.unitCode, c.question, c.comment, c.questionCode],
    rows: comments,
    widths: [30, 12, 40, 80, 16],
  });
  return writeWorkbook(sheets);
}

const NUMBER_STYLES: Record<string, NumberStyle | undefined> = {
  count: "integer",
  share: "percent",
  mean: "decimal",
};

/** Labelled rows as sheet rows: a hidden figure becomes its reason in words, in grey italics. */
function* sheetRows(rows: readonly LabelledCell[][], labels: ExportLabels): Iterable<SheetCell[]> {
  const hidden = new Map<string, SheetCell>();
  for (const row of rows) {
    yield row.map((cell): SheetCell => {
      if (cell === null || typeof cell !== "object") return cell;
      let text = hidden.get(cell.hidden);
      if (!text) {
        text = { text: labels.messages.hidden(cell.hidden, labels.k), style: "note" };
        hidden.set(cell.hidden, text);
      }
      return text;
    });
  }
}
