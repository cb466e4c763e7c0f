import { eq } from "drizzle-orm";
import { headcountIndicators } from "../../analysis/headcount-indicators";
import type { HiddenReason } from "../../analysis/release-types";
import type { SessionUser } from "../auth/sessions";
import { csvFieldSeparatedBy } from "../contract/csv-field";
import { HEADCOUNT_LABELS } from "../contract/headcount-labels";
import type { HeadcountReleaseAnswer } from "../contract/headcount-schemas";
import type { Locale } from "../contract/locales";
import type { Db } from "../db/open-database";
import { organisations } from "../db/schema";
import { excelCsv } from "../results/excel-csv";
import { EXPORT_MESSAGES } from "../results/export-messages";
import type { ColumnKind, LabelledCell } from "../results/labelled-rows";
import type { ExportFile } from "../results/release-exports";
import { type SheetCell, writeWorkbook } from "../results/xlsx-writer";
import { HEADCOUNT_EXPORT_MESSAGES } from "./headcount-export-messages";
import { targetsOf } from "./headcount-targets";
import { viewHeadcounts } from "./view-headcounts";

export const HEADCOUNT_EXPORT_FORMATS = ["csv", "excel-csv", "xlsx"] as const;
export type HeadcountExportFormat = (typeof HEADCOUNT_EXPORT_FORMATS)[number];
export const HEADCOUNT_EXPORT_TABLES = ["tables", "indicators"] as const;
export type HeadcountExportTable = (typeof HEADCOUNT_EXPORT_TABLES)[number];

/** A cell of a headcount export: text, a count, a share (0..1), a hidden figure, or nothing. */
type Cell =
  | { text: string }
  | { count: number }
  | { share: number }
  | { hidden: HiddenReason }
  | null;

interface Table {
  /** Codes (the CSV for analysis) and the reader's words (for Excel), column by column. */
  codes: string[];
  header: string[];
  rows: Cell[][];
  /** The same rows with codes instead of words, for analysis. */
  codeRows: Cell[][];
}

/**
 * Exports of an organisation's released headcounts, for a reader in scope: the tables (every
 * released cell, hidden ones with their reason) and the indicators against the organisation's
 * targets, as CSV for analysis (codes, `,`, decimal point), CSV for Excel in the reader's
 * language (see results/excel-csv.ts) or one workbook with both. Read through the same view
 * as the screen (released figures only, scope, audit entry `headcounts.export`).
 */
export function exportHeadcounts({
  db,
  actor,
  organisationSlug,
  format,
  table,
  locale,
  now,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  format: HeadcountExportFormat;
  table: HeadcountExportTable;
  locale: Locale;
  now: Date;
}): ExportFile {
  const release = viewHeadcounts({
    db,
    actor,
    organisationSlug,
    now,
    action: "headcounts.export",
  });
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, organisationSlug))
    .get();
  const specs = organisation ? targetsOf(db, organisation.id).indicators : [];
  const tables = {
    tables: () => cellsTable(release, locale),
    indicators: () => indicatorsTable(release, specs, locale),
  };
  const base = `headcounts-${organisationSlug}`;
  if (format === "xlsx") {
    const m = HEADCOUNT_EXPORT_MESSAGES[locale];
    const root = release.units.find((unit) => unit.parentId === null);
    const sheets = [
      {
        name: m.aboutSheet,
        rows: m
          .about(root?.name[locale] ?? organisationSlug, release.builtAt, release.k)
          .map((line): SheetCell[] => [{ text: line, style: "wrap" }]),
        widths: [100],
      },
      sheetOf(m.tablesSheet, tables.tables(), locale, release.k),
      sheetOf(m.indicatorsSheet, tables.indicators(), locale, release.k),
    ];
    return {
      body: writeWorkbook(sheets),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      filename: `${base}-${locale}.xlsx`,
    };
  }
  const chosen = tables[table]();
  return format === "csv"
    ? {
        body: analysisCsv(chosen),
        contentType: "text/csv; charset=utf-8",
        filename: `${base}-${table}.csv`,
      }
    : {
        body: excelCsvOf(chosen, locale, release.k),
        contentType: "text/csv; charset=utf-8",
        filename: `${base}-${table}-excel-${locale}.csv`,
      };
}

function cellsTable(release: HeadcountReleaseAnswer, locale: Locale): Table {
  const m = HEADCOUNT_EXPORT_MESSAGES[locale];
  const l = HEADCOUNT_LABELS[locale];
  const unitOf = new Map(release.units.map((unit) => [unit.id, unit]));
  const rows: Cell[][] = [];
  const codeRows: Cell[][] = [];
  for (const date of release.dates) {
    for (const cell of date.cells) {
      const unit = unitOf.get(cell.unitId);
      if (!unit) continue;
      const figure: Cell = "value" in cell.n ? { count: cell.n.value } : { hidden: cell.n.hidden };
      rows.push([
        { text: date.referenceDate },
        { text: unit.name[locale] },
        { text: unit.code },
        { text: cell.part === "all" ? m.partAll : m.partDirect },
        { text: cell.level === null ? m.allLevels : (l.levels[cell.level] ?? cell.level) },
        {
          text:
            cell.dimension === null ? m.total : (l.dimensions[cell.dimension] ?? cell.dimension),
        },
        {
          text:
            cell.dimension === null || cell.value === null
              ? m.total
              : (l.values[`${cell.dimension}.${cell.value}`] ?? cell.value),
        },
        figure,
      ]);
      codeRows.push([
        { text: date.referenceDate },
        { text: unit.code },
        { text: cell.part },
        { text: cell.level ?? "" },
        { text: cell.dimension ?? "" },
        { text: cell.value ?? "" },
        figure,
      ]);
    }
  }
  const c = m.columns;
  return {
    codes: ["reference_date", "unit_code", "part", "job_level", "dimension", "value", "count"],
    header: [c.referenceDate, c.unit, c.unitCode, c.part, c.level, c.category, c.value, c.count],
    rows,
    codeRows,
  };
}

function indicatorsTable(
  release: HeadcountReleaseAnswer,
  specs: ReturnType<typeof targetsOf>["indicators"],
  locale: Locale,
): Table {
  const m = HEADCOUNT_EXPORT_MESSAGES[locale];
  const l = HEADCOUNT_LABELS[locale];
  const rows: Cell[][] = [];
  const codeRows: Cell[][] = [];
  const share = (value: number | null): Cell => (value === null ? null : { share: value });
  const count = (value: number | null): Cell => (value === null ? null : { count: value });
  for (const unit of release.units) {
    for (const { spec, points } of headcountIndicators(release, unit.id, specs)) {
      const title =
        l.indicators[spec.key] ??
        `${l.dimensions[spec.dimension] ?? spec.dimension}: ${l.values[`${spec.dimension}.${spec.value}`] ?? spec.value}${spec.level ? ` (${l.levels[spec.level] ?? spec.level})` : ""}`;
      for (const point of points) {
        const figures: Cell[] = [
          count(point.count),
          count(point.staff),
          share(point.share),
          share(point.change),
          share(spec.target ?? null),
          share(point.distance),
          count(point.peopleToTarget),
        ];
        rows.push([
          { text: point.referenceDate },
          { text: unit.name[locale] },
          { text: unit.code },
          { text: title },
          ...figures,
        ]);
        codeRows.push([
          { text: point.referenceDate },
          { text: unit.code },
          { text: spec.key },
          { text: spec.dimension },
          { text: spec.value },
          { text: spec.level ?? "" },
          ...figures,
        ]);
      }
    }
  }
  const c = m.columns;
  return {
    codes: [
      "reference_date",
      "unit_code",
      "indicator",
      "dimension",
      "value",
      "job_level",
      "count",
      "staff",
      "share",
      "change",
      "target",
      "distance",
      "people_to_target",
    ],
    header: [
      c.referenceDate,
      c.unit,
      c.unitCode,
      c.indicator,
      c.count,
      c.staff,
      c.share,
      c.change,
      c.target,
      c.distance,
      c.people,
    ],
    rows,
    codeRows,
  };
}

/** Codes, `,`, decimal point, shares as fractions; a hidden count is empty with its reason beside. */
function analysisCsv(table: Table): string {
  const field = csvFieldSeparatedBy(",");
  // The tables' last column is the count; its hidden reason goes in a column of its own.
  const hasHidden = table.codes.at(-1) === "count";
  const header = hasHidden ? [...table.codes, "hidden"] : table.codes;
  const lines = [header.join(",")];
  for (const row of table.codeRows) {
    const hidden = row.find((cell) => cell !== null && "hidden" in cell);
    const fields = row.map((cell) => {
      if (cell === null || "hidden" in cell) return "";
      if ("text" in cell) return field(cell.text);
      if ("count" in cell) return String(cell.count);
      return String(cell.share);
    });
    if (hasHidden) fields.push(hidden && "hidden" in hidden ? hidden.hidden : "");
    lines.push(fields.join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * As Excel opens it in the reader's language: the survey results' writer (`;` and decimal
 * comma for nl and fr, shares in percent, a byte-order mark), with the headcounts' words for a
 * hidden figure.
 */
function excelCsvOf(table: Table, locale: Locale, k: number): string {
  const rows: LabelledCell[][] = table.rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return null;
      if ("text" in cell) return cell.text;
      if ("hidden" in cell) return { hidden: cell.hidden };
      return "count" in cell ? cell.count : cell.share;
    }),
  );
  const hidden = HEADCOUNT_EXPORT_MESSAGES[locale].hidden;
  return excelCsv({ header: table.header, kinds: kindsOf(table), rows }, locale, {
    messages: { ...EXPORT_MESSAGES[locale], hidden },
    questions: new Map(),
    unit: (unitId) => ({ code: unitId, name: unitId }),
    k,
  });
}

/** Each column's kind, from the first row that fills it (an empty or hidden cell says nothing). */
function kindsOf(table: Table): ColumnKind[] {
  return table.header.map((_, column) => {
    for (const row of table.rows) {
      const cell = row[column];
      if (cell === null || cell === undefined || "hidden" in cell) continue;
      return "share" in cell ? "share" : "text" in cell ? "text" : "count";
    }
    return "count";
  });
}

function sheetOf(name: string, table: Table, locale: Locale, k: number) {
  const m = HEADCOUNT_EXPORT_MESSAGES[locale];
  return {
    name,
    header: table.header,
    rows: table.rows.map((row) =>
      row.map((cell): SheetCell => {
        if (cell === null) return null;
        if ("text" in cell) return cell.text;
        if ("hidden" in cell) return { text: m.hidden(cell.hidden, k), style: "note" };
        if ("count" in cell) return { number: cell.count, style: "integer" };
        return { number: cell.share, style: "percent" };
      }),
    ),
    widths: table.header.map((text, index) => (index === 1 ? 36 : Math.max(12, text.length + 2))),
  };
}
