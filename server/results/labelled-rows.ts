import type {
  EarlierTable,
  HiddenReason,
  ReleaseGroup,
  ReleaseValue,
} from "../../analysis/release-types";
import {
  itemLabel,
  optionLabel,
  type QuestionnaireLabels,
} from "../../surveys/model/questionnaire-labels";
import type { ExportMessages } from "./export-messages";
import type { UnitLabel } from "./release-csv";

/**
 * A cell of an export for people: a text, a release figure (what it measures is its column's
 * kind), or the reason a figure is hidden. The CSV for Excel and the workbook format these;
 * neither computes a figure.
 */
export type LabelledCell = string | number | { hidden: HiddenReason } | null;

/** What a column holds: texts, counts, shares (0..1) or means. */
export type ColumnKind = "text" | "count" | "share" | "mean";

export interface LabelledTable {
  header: string[];
  kinds: ColumnKind[];
  rows: LabelledCell[][];
}

/** One object per reason, shared by every hidden cell. */
const HIDDEN: Record<HiddenReason, { hidden: HiddenReason }> = {
  primary: { hidden: "primary" },
  secondary: { hidden: "secondary" },
  unanimity: { hidden: "unanimity" },
  protected: { hidden: "protected" },
};

/** What an export for people needs to name things in one language. */
export interface ExportLabels {
  messages: ExportMessages;
  questions: QuestionnaireLabels;
  unit: UnitLabel;
  k: number;
}

/**
 * One table of the release as rows for people: unit names, question and answer texts in the
 * reader's language, then the codes (so a row can be traced to the API). One row per group,
 * question and answer; a hidden group or question is one row holding its reason.
 */
export function labelledTable(
  groups: readonly ReleaseGroup[],
  dimensions: readonly string[],
  labels: ExportLabels,
): LabelledTable {
  const { messages, questions } = labels;
  const c = messages.columns;
  const header: string[] = [
    c.unit,
    c.unitCode,
    c.part,
    ...dimensions.map((dimension) => questions.get(dimension)?.title ?? dimension),
    c.n,
    c.question,
    c.answer,
    c.count,
    c.share,
    c.mean,
    c.favourable,
    c.questionCode,
    c.answerCode,
  ];
  const kinds: ColumnKind[] = [
    "text",
    "text",
    "text",
    ...dimensions.map((): ColumnKind => "text"),
    "count",
    "text",
    "text",
    "count",
    "share",
    "mean",
    "share",
    "text",
    "text",
  ];
  const rows: LabelledCell[][] = [];
  const dimensionText = (dimension: string, value: ReleaseValue) =>
    value === null ? messages.noAnswer : optionLabel(questions, dimension, value);
  for (const group of groups) {
    const unit = labels.unit(group.unitId);
    const head: LabelledCell[] = [
      unit.name,
      unit.code,
      group.part === "all" ? messages.partAll : messages.partDirect,
      ...dimensions.map((dimension) => {
        const filter = group.filters.find((candidate) => candidate.dimension === dimension);
        return dimensionText(dimension, filter?.value ?? null);
      }),
      "value" in group.n ? group.n.value : HIDDEN[group.n.hidden],
    ];
    // Every row as wide as the header, so a CSV reader sees a rectangle.
    if (group.items.length === 0)
      rows.push([...head, null, null, null, null, null, null, null, null]);
    for (const item of group.items) {
      const label = itemLabel(questions, item.key);
      const question = label.row ? `${label.title} — ${label.row}` : label.title;
      if ("hidden" in item) {
        rows.push([...head, question, null, HIDDEN[item.hidden], null, null, null, item.key, null]);
        // As the screen: the figures an earlier served release showed, named with its date.
        if (item.earlier) {
          const { builtAt, n } = item.earlier;
          const earlierQuestion = `${question} — ${messages.earlierFigures(builtAt, n)}`;
          // Its rows carry the group's size then (the row reads as that release's).
          const earlierHead = [...head.slice(0, -1), n];
          rows.push(...optionRows(earlierHead, earlierQuestion, item.kind, item.key, item.earlier));
        }
        continue;
      }
      rows.push(...optionRows(head, question, item.kind, item.key, item));
    }
  }
  return { header, kinds, rows };

  /** One row per answer of a table's figures. */
  function optionRows(
    head: LabelledCell[],
    question: string,
    kind: "single" | "multi",
    key: string,
    item: Pick<EarlierTable, "options" | "mean" | "favourable">,
  ): LabelledCell[][] {
    const mean = item.mean ?? null;
    const favourable = item.favourable ?? null;
    return item.options.map((option) => [
      ...head,
      question,
      option.value === null
        ? kind === "multi"
          ? messages.noneTicked
          : messages.noAnswer
        : optionLabel(questions, key, option.value),
      option.count,
      option.share,
      mean,
      favourable,
      key,
      option.value,
    ]);
  }
}
