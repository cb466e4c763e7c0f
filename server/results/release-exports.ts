import { resultsCommentsSchema, resultsTableSchema } from "../contract/release-schema";
import type { StaffComposition } from "../contract/staff-composition-schema";
import type { Db } from "../db/open-database";
import { excelCsv } from "./excel-csv";
import { exportLabels } from "./export-labels";
import { type FinalReleaseState, figuresNote } from "./final-release-state";
import { labelledTable } from "./labelled-rows";
import { type StoredRelease, tableGroups } from "./read-release";
import { releaseTableCsv } from "./release-csv";
import { releaseWorkbook } from "./release-xlsx";
import { type ExportLocale, unitLabels } from "./unit-labels";

/** A file to download: what the results routes send, with its type and name. */
export interface ExportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/** The stored release a reader may export, the units they may see and their language. */
export interface ExportSource {
  db: Db;
  /** With the release's state where a reader opened it (view-results.ts). */
  stored: StoredRelease & { interim?: boolean; finalRelease?: FinalReleaseState };
  visible?: ReadonlySet<string>;
  locale: ExportLocale;
}

/**
 * The groups of one table as the results API serves them: through the output schema, so an
 * export can never hold a field the API would not.
 */
function checkedTable(
  { stored, visible }: Pick<ExportSource, "stored" | "visible">,
  tableId: string,
) {
  const { table, groups } = tableGroups(stored.release, tableId, visible);
  return {
    table,
    groups: resultsTableSchema.shape.groups.parse(groups),
    base: `${stored.campaign.slug}-${table.id.replaceAll(":", "-")}`,
  };
}

/** One table as CSV for analysis: codes, decimal point, `,` (the format since the first release). */
export function tableCsvForAnalysis(source: ExportSource, tableId: string): ExportFile {
  const { table, groups, base } = checkedTable(source, tableId);
  const { campaign } = source.stored;
  return {
    body: releaseTableCsv(groups, table.dimensions, unitLabels(source.db, campaign, source.locale)),
    contentType: "text/csv; charset=utf-8",
    filename: `${base}.csv`,
  };
}

/** One table as CSV for Excel in the reader's language (see excel-csv.ts). */
export function tableCsvForExcel(source: ExportSource, tableId: string): ExportFile {
  const { table, groups, base } = checkedTable(source, tableId);
  const { labels } = exportLabels(source.db, source.stored.campaign, source.locale);
  return {
    body: excelCsv(labelledTable(groups, table.dimensions, labels), source.locale, labels),
    contentType: "text/csv; charset=utf-8",
    filename: `${base}-excel-${source.locale}.csv`,
  };
}

/** One table as JSON for analysts: exactly the results API's answer for that table. */
export function tableJson(
  source: Pick<ExportSource, "stored" | "visible">,
  tableId: string,
): ExportFile {
  const { table, groups, base } = checkedTable(source, tableId);
  const { campaign, builtAt } = source.stored;
  return {
    body: JSON.stringify(resultsTableSchema.parse({ campaign, builtAt, table, groups })),
    contentType: "application/json; charset=utf-8",
    filename: `${base}.json`,
  };
}

/** The whole release as a workbook in the reader's language (see release-xlsx.ts). */
export function campaignWorkbook(
  source: ExportSource,
  staffComposition?: StaffComposition,
): ExportFile {
  const { stored, visible } = source;
  const checked = {
    ...stored.release,
    groups: resultsTableSchema.shape.groups.parse(stored.release.groups),
    comments: resultsCommentsSchema.shape.comments.parse(stored.release.comments),
  };
  const { title, labels } = exportLabels(source.db, stored.campaign, source.locale);
  return {
    body: releaseWorkbook(checked, {
      campaign: `${title} (${stored.campaign.slug})`,
      builtAt: stored.builtAt,
      status: figuresNote(stored),
      labels,
      visibleUnits: visible,
      ...(staffComposition
        ? { staffComposition: { composition: staffComposition, locale: source.locale } }
        : {}),
    }),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `${stored.campaign.slug}-results-${source.locale}.xlsx`,
  };
}
