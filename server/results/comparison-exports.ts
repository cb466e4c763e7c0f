import { itemLabel, optionLabel } from "../../surveys/model/questionnaire-labels";
import type { ComparisonAnswer } from "../contract/comparison-schema";
import { analysisCsvField, csvFieldSeparatedBy } from "../contract/csv-field";
import type { Db } from "../db/open-database";
import type { OpenedComparison } from "./compare-campaigns";
import { COMPARISON_MESSAGES } from "./comparison-messages";
import { type ComparisonLine, comparisonLines, type SideFigure } from "./comparison-rows";
import { EXCEL_CSV_FORMAT } from "./excel-csv";
import { exportLabels } from "./export-labels";
import { figuresNote } from "./final-release-state";
import type { ExportFile } from "./release-exports";
import { type ExportLocale, unitLabels } from "./unit-labels";
import { type NumberStyle, type SheetCell, sheetName, writeWorkbook } from "./xlsx-writer";
import { xmlSafeText } from "./xml-safe-text";

const BOM = "\uFEFF";

function fileBase(answer: ComparisonAnswer): string {
  const first = answer.campaigns[0]?.slug;
  const last = answer.campaigns.at(-1)?.slug;
  return `${first}-to-${last}-${answer.table.id.replaceAll(":", "-")}`;
}

/** A side's code in the CSV for analysis: the number, `hidden (reason)`, `absent` or empty. */
function analysisSide(figure: SideFigure, digits: number): string {
  if (figure === null) return "";
  if ("value" in figure) return digits < 0 ? String(figure.value) : figure.value.toFixed(digits);
  if ("hidden" in figure) return `hidden (${figure.hidden})`;
  return "absent";
}

/** The comparison as CSV for analysis: codes, `,` and a decimal point, one line per step. */
export function comparisonCsvForAnalysis(
  db: Db,
  opened: OpenedComparison,
  locale: ExportLocale,
): ExportFile {
  const { answer } = opened;
  // Units are named as the latest wave's campaign knew them (its copy of the unit tree).
  const latest = opened.releases.at(-1)?.campaign;
  const unit = unitLabels(db, latest ?? { id: "", organisationId: opened.organisationId }, locale);
  const dimensions = answer.table.dimensions;
  const header = [
    "unit",
    "unit_name",
    "part",
    ...dimensions,
    "question",
    "measure",
    "option",
    "wave_from",
    "wave_to",
    "population",
    "earlier_units",
    "n_from",
    "n_to",
    "value_from",
    "value_to",
    "change",
    "ci_low",
    "ci_high",
    "statistic",
    "df",
    "p",
    "p_adjusted",
    "verdict",
  ];
  const lines = [header];
  const slug = (wave: number) => answer.campaigns[wave]?.slug ?? "";
  for (const line of comparisonLines(answer)) {
    const labels = unit(line.unitId);
    const digits = line.measure === "mean" ? 3 : 4;
    const test = line.test;
    const tested = test && test.verdict !== "too-few-answers" ? test : null;
    lines.push([
      labels.code,
      labels.name,
      line.part,
      ...dimensions.map(
        (dimension) =>
          line.filters.find((filter) => filter.dimension === dimension)?.value ?? "(no answer)",
      ),
      line.item,
      line.measure ?? "",
      line.option ?? (line.measure === "option" ? "(no answer)" : ""),
      slug(line.from),
      slug(line.to),
      line.population?.change ?? "",
      line.population?.earlier.map((earlier) => earlier.code).join("+") ?? "",
      analysisSide(line.nFrom, -1),
      analysisSide(line.nTo, -1),
      analysisSide(line.valueFrom, digits),
      analysisSide(line.valueTo, digits),
      test?.change == null ? "" : test.change.toFixed(digits),
      tested ? tested.ci[0].toFixed(digits) : "",
      tested ? tested.ci[1].toFixed(digits) : "",
      tested ? tested.statistic.toFixed(4) : "",
      tested?.df === undefined ? "" : tested.df.toFixed(1),
      tested ? tested.p.toPrecision(4) : "",
      tested ? tested.pAdjusted.toPrecision(4) : "",
      line.notCompared
        ? `not compared (${line.notCompared.why}${"reason" in line.notCompared ? ` ${line.notCompared.reason}` : ""})`
        : (test?.verdict ?? ""),
    ]);
  }
  return {
    body: `${lines.map((line) => line.map(analysisCsvField).join(",")).join("\r\n")}\r\n`,
    contentType: "text/csv; charset=utf-8",
    filename: `${fileBase(answer)}-comparison.csv`,
  };
}

/** A cell of a comparison export for people, before a format writes it. */
type PeopleCell =
  | string
  | null
  | { number: number; kind: "count" | "share" | "mean" | "points" | "p" }
  | { text: string; note: true };

/** The comparison as rows for people in one language (shared by the CSV for Excel and the XLSX). */
function peopleRows(db: Db, opened: OpenedComparison, locale: ExportLocale) {
  const { answer } = opened;
  const latest = opened.releases.at(-1)?.campaign;
  if (!latest) throw new Error("a comparison has waves");
  const { labels } = exportLabels(db, latest, locale);
  const m = COMPARISON_MESSAGES[locale];
  const c = labels.messages.columns;
  const dimensions = answer.table.dimensions;
  const header = [
    c.unit,
    c.unitCode,
    c.part,
    ...dimensions.map((dimension) => labels.questions.get(dimension)?.title ?? dimension),
    c.question,
    m.columns.measure,
    m.columns.from,
    m.columns.to,
    m.columns.population,
    m.columns.nFrom,
    m.columns.nTo,
    m.columns.valueFrom,
    m.columns.valueTo,
    m.columns.change,
    m.columns.ciLow,
    m.columns.ciHigh,
    m.columns.p,
    m.columns.pAdjusted,
    m.columns.verdict,
    c.questionCode,
    c.answerCode,
  ];
  const kOf = (wave: number) => answer.campaigns[wave]?.k ?? labels.k;
  const title = (wave: number) => answer.campaigns[wave]?.title[locale] ?? "";
  const figure = (
    value: SideFigure,
    kind: "count" | "share" | "mean",
    wave: number,
  ): PeopleCell => {
    if (value === null) return null;
    if ("value" in value) return { number: value.value, kind };
    if ("hidden" in value)
      return { text: labels.messages.hidden(value.hidden, kOf(wave)), note: true };
    return { text: "—", note: true };
  };
  const measureText = (line: ComparisonLine) => {
    if (line.measure === "favourable") return m.measureFavourable;
    if (line.measure === "mean") return m.measureMean;
    if (line.measure === "option") {
      return m.measureOption(
        line.option === null
          ? labels.messages.noAnswer
          : optionLabel(labels.questions, line.item, line.option),
      );
    }
    return "";
  };
  const rows: PeopleCell[][] = [];
  for (const line of comparisonLines(answer)) {
    const unit = labels.unit(line.unitId);
    const label = itemLabel(labels.questions, line.item);
    const kind = line.measure === "mean" ? "mean" : "share";
    const change = line.measure === "mean" ? "mean" : "points";
    const test = line.test;
    const tested = test && test.verdict !== "too-few-answers" ? test : null;
    rows.push([
      unit.name,
      unit.code,
      line.part === "all" ? labels.messages.partAll : labels.messages.partDirect,
      ...dimensions.map((dimension) => {
        const value = line.filters.find((filter) => filter.dimension === dimension)?.value ?? null;
        return value === null
          ? labels.messages.noAnswer
          : optionLabel(labels.questions, dimension, value);
      }),
      label.row ? `${label.title} — ${label.row}` : label.title,
      measureText(line),
      title(line.from),
      title(line.to),
      line.population
        ? m.population(
            line.population,
            line.population.earlier.map((earlier) => earlier.name[locale] || earlier.code),
          )
        : null,
      figure(line.nFrom, "count", line.from),
      figure(line.nTo, "count", line.to),
      figure(line.valueFrom, kind, line.from),
      figure(line.valueTo, kind, line.to),
      test?.change == null ? null : { number: test.change, kind: change },
      tested ? { number: tested.ci[0], kind: change } : null,
      tested ? { number: tested.ci[1], kind: change } : null,
      tested ? { number: tested.p, kind: "p" } : null,
      tested ? { number: tested.pAdjusted, kind: "p" } : null,
      line.notCompared
        ? {
            text: m.notCompared(
              line.notCompared,
              title,
              "reason" in line.notCompared
                ? labels.messages.hidden(line.notCompared.reason, kOf(line.notCompared.wave))
                : "",
            ),
            note: true,
          }
        : test
          ? m.verdict[test.verdict]
          : null,
      line.item,
      line.option,
    ]);
  }
  return { header, rows, labels, messages: m };
}

/** The comparison as CSV for Excel in the reader's language (as excel-csv.ts for one release). */
export function comparisonCsvForExcel(
  db: Db,
  opened: OpenedComparison,
  locale: ExportLocale,
): ExportFile {
  const { separator, decimal } = EXCEL_CSV_FORMAT[locale];
  const field = csvFieldSeparatedBy(separator);
  const number = (value: number, digits: number) => {
    const text = value.toFixed(digits);
    return decimal === "." ? text : text.replace(".", decimal);
  };
  const format = (cell: PeopleCell): string => {
    if (cell === null) return "";
    if (typeof cell === "string") return field(xmlSafeText(cell));
    if ("text" in cell) return field(xmlSafeText(cell.text));
    if (cell.kind === "count") return String(cell.number);
    if (cell.kind === "share" || cell.kind === "points") return number(100 * cell.number, 1);
    if (cell.kind === "mean") return number(cell.number, 2);
    return number(cell.number, 4);
  };
  const { header, rows } = peopleRows(db, opened, locale);
  const lines = [header.map((text) => field(xmlSafeText(text))).join(separator)];
  for (const row of rows) lines.push(row.map(format).join(separator));
  return {
    body: `${BOM}${lines.join("\r\n")}\r\n`,
    contentType: "text/csv; charset=utf-8",
    filename: `${fileBase(opened.answer)}-comparison-excel-${locale}.csv`,
  };
}

const STYLE: Record<"count" | "share" | "mean" | "points" | "p", NumberStyle | undefined> = {
  count: "integer",
  share: "percent",
  points: "percent",
  mean: "decimal",
  p: undefined,
};

/**
 * The comparison as a workbook in the reader's language: a first sheet naming the campaigns
 * (title, slug, build time, k each), the rules in plain words and how to read a change; then
 * the comparison (numbers as numbers, shares as percentages, hidden figures as their reason).
 */
export function comparisonWorkbook(
  db: Db,
  opened: OpenedComparison,
  locale: ExportLocale,
): ExportFile {
  const { answer } = opened;
  const { header, rows, labels, messages } = peopleRows(db, opened, locale);
  const about = labels.messages.about;
  const bold = (text: string): SheetCell => ({ text, style: "bold" });
  const wrap = (text: string): SheetCell => ({ text, style: "wrap" });
  const highestK = Math.max(...answer.campaigns.map((campaign) => campaign.k));
  const aboutRows: SheetCell[][] = [
    [bold(messages.campaigns)],
    [bold(about.campaign), bold(about.builtAt), bold(about.k), bold(about.status)],
    ...answer.campaigns.map((campaign): SheetCell[] => {
      const state = figuresNote(campaign);
      return [
        `${campaign.title[locale]} (${campaign.slug})`,
        campaign.builtAt,
        campaign.k,
        ...(state ? [wrap(about.statusText[state])] : []),
      ];
    }),
    [],
    [bold(about.rulesTitle)],
    ...about.rules(highestK).map((rule) => [wrap(rule)]),
    [],
    ...messages.reading.map((line) => [wrap(line)]),
    ...about.reading.map((line) => [wrap(line)]),
  ];
  const taken = new Set<string>();
  const cell = (value: PeopleCell): SheetCell => {
    if (value === null || typeof value === "string") return value;
    if ("text" in value) return { text: value.text, style: "note" };
    const style = STYLE[value.kind];
    return style ? { number: value.number, style } : value.number;
  };
  return {
    body: writeWorkbook([
      {
        name: sheetName(labels.messages.aboutSheet, taken),
        rows: aboutRows,
        widths: [90, 28, 12, 60],
      },
      {
        name: sheetName(messages.sheet, taken),
        header,
        rows: rows.map((row) => row.map(cell)),
        widths: [
          30,
          12,
          18,
          ...answer.table.dimensions.map(() => 22),
          50,
          28,
          22,
          22,
          36,
          12,
          12,
          12,
          12,
          10,
          10,
          10,
          10,
          10,
          30,
          16,
          14,
        ],
      },
    ]),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `${fileBase(answer)}-comparison-${locale}.xlsx`,
  };
}
