import { analysisCsvField } from "../contract/csv-field";
import { HEADCOUNT_LABELS } from "../contract/headcount-labels";
import type { StaffComposition } from "../contract/staff-composition-schema";
import type { Db } from "../db/open-database";
import { excelCsv } from "./excel-csv";
import { exportLabels } from "./export-labels";
import type { ColumnKind, LabelledCell } from "./labelled-rows";
import type { UnitLabel } from "./release-csv";
import type { ExportFile } from "./release-exports";
import type { ExportLocale } from "./unit-labels";
import { type Sheet, type SheetCell, sheetName } from "./xlsx-writer";

const COLUMNS: Record<
  ExportLocale,
  {
    sheet: string;
    header: string[];
    yes: string;
    no: string;
    resultsHidden: string;
    staffHidden: string;
    nobody: string;
  }
> = {
  nl: {
    sheet: "Respondenten en personeel",
    header: [
      "eenheid",
      "eenheidscode",
      "categorie",
      "groep",
      "aandeel respondenten (%)",
      "aandeel personeel (%)",
      "verschil (procentpunt)",
      "te weinig vertegenwoordigd",
      "personeelsaantallen op",
    ],
    yes: "ja",
    no: "nee",
    resultsHidden: "verborgen in de resultaten",
    staffHidden: "verborgen in de personeelsaantallen",
    nobody: "niemand met een bekend gegeven",
  },
  fr: {
    sheet: "Répondants et personnel",
    header: [
      "unité",
      "code_unité",
      "catégorie",
      "groupe",
      "part des répondants (%)",
      "part du personnel (%)",
      "écart (points de pourcentage)",
      "sous-représenté",
      "effectifs au",
    ],
    yes: "oui",
    no: "non",
    resultsHidden: "masqué dans les résultats",
    staffHidden: "masqué dans les effectifs",
    nobody: "personne dont la donnée est connue",
  },
  en: {
    sheet: "Respondents and staff",
    header: [
      "unit",
      "unit_code",
      "category",
      "group",
      "share among respondents (%)",
      "share among staff (%)",
      "difference (percentage points)",
      "under-represented",
      "headcounts of",
    ],
    yes: "yes",
    no: "no",
    resultsHidden: "hidden in the results",
    staffHidden: "hidden in the headcounts",
    nobody: "nobody whose value is known",
  },
};

/** What a composition export needs: the campaign, what the reader may see, their language. */
interface CompositionExport {
  db: Db;
  campaign: { id: string; slug: string; organisationId: string; k: number };
  composition: StaffComposition;
  locale: ExportLocale;
}

type CompositionUnit = StaffComposition["dimensions"][number]["units"][number];

/** Why a unit's category has no shares, or null when it has them. */
function missingShares(unit: CompositionUnit): "results" | "headcounts" | "nobody" | null {
  if (unit.respondents === "hidden") return "results";
  if (unit.staff === "hidden") return "headcounts";
  return unit.rows.length === 0 ? "nobody" : null;
}

/** The eight figure columns of the CSV for analysis, empty on a line without shares. */
const EMPTY_FIGURES: string[] = Array(8).fill("");

const DIFFERENCE = 6;
const KINDS: ColumnKind[] = [
  "text",
  "text",
  "text",
  "text",
  "share",
  "share",
  "share",
  "text",
  "text",
];

/**
 * The respondents against the staff as rows for people in the reader's language: one per unit,
 * category and value with both shares and the difference, or one per unit and category saying
 * why it has no shares. Only what `viewStaffComposition` answered for this reader.
 */
function compositionRows(
  composition: StaffComposition,
  unitLabel: UnitLabel,
  locale: ExportLocale,
): LabelledCell[][] {
  const words = COLUMNS[locale];
  const names = HEADCOUNT_LABELS[locale];
  const date = composition.staffDate ?? "";
  return composition.dimensions.flatMap((dimension) =>
    dimension.units.flatMap((unit): LabelledCell[][] => {
      const { code, name } = unitLabel(unit.unitId);
      const category = names.dimensions[dimension.dimension] ?? dimension.dimension;
      const missing = missingShares(unit);
      if (missing !== null) {
        const why = {
          results: words.resultsHidden,
          headcounts: words.staffHidden,
          nobody: words.nobody,
        };
        return [[name, code, category, why[missing], null, null, null, null, date]];
      }
      return unit.rows.map((row) => [
        name,
        code,
        category,
        names.values[`${dimension.dimension}.${row.value}`] ?? row.value,
        row.respondentShare,
        row.staffShare,
        row.difference,
        row.underRepresented ? words.yes : words.no,
        date,
      ]);
    }),
  );
}

/**
 * The respondents against the staff as a CSV for Excel in the reader's language (percent with
 * one decimal, in the language's Excel format).
 */
export function staffCompositionCsvForExcel({
  db,
  campaign,
  composition,
  locale,
}: CompositionExport): ExportFile {
  const { labels } = exportLabels(db, campaign, locale);
  return {
    body: excelCsv(
      {
        header: COLUMNS[locale].header,
        kinds: KINDS,
        rows: compositionRows(composition, labels.unit, locale),
      },
      locale,
      labels,
    ),
    contentType: "text/csv; charset=utf-8",
    filename: `${campaign.slug}-staff-composition-excel-${locale}.csv`,
  };
}

/**
 * The respondents against the staff as a CSV for analysis: codes, `,` and a decimal point,
 * shares as fractions, and the counts both shares are made of (sums of published survey
 * figures, published headcounts). A unit and category without shares is one line whose
 * `status` says why: `hidden (results)`, `hidden (headcounts)` or `no known value`.
 */
export function staffCompositionCsvForAnalysis({
  db,
  campaign,
  composition,
  locale,
}: CompositionExport): ExportFile {
  const { labels } = exportLabels(db, campaign, locale);
  const lines: string[][] = [
    [
      "unit",
      "unit_name",
      "category",
      "value",
      "status",
      "respondents",
      "respondents_known",
      "staff",
      "staff_known",
      "respondent_share",
      "staff_share",
      "difference",
      "under_represented",
      "staff_date",
    ],
  ];
  const date = composition.staffDate ?? "";
  for (const dimension of composition.dimensions) {
    for (const unit of dimension.units) {
      const { code, name } = labels.unit(unit.unitId);
      const missing = missingShares(unit);
      // The type checker cannot see that "no missing reason" means both sides are counts.
      if (missing !== null || unit.respondents === "hidden" || unit.staff === "hidden") {
        const status = missing === "nobody" ? "no known value" : `hidden (${missing})`;
        lines.push([code, name, dimension.dimension, "", status, ...EMPTY_FIGURES, date]);
        continue;
      }
      const { respondents, staff } = unit;
      for (const row of unit.rows) {
        const index = dimension.values.indexOf(row.value);
        lines.push([
          code,
          name,
          dimension.dimension,
          row.value,
          "shown",
          String(respondents.counts[index] ?? ""),
          String(respondents.total),
          String(staff.counts[index] ?? ""),
          String(staff.total),
          row.respondentShare.toFixed(4),
          row.staffShare.toFixed(4),
          row.difference.toFixed(4),
          row.underRepresented ? "true" : "false",
          date,
        ]);
      }
    }
  }
  return {
    body: `${lines.map((line) => line.map(analysisCsvField).join(",")).join("\r\n")}\r\n`,
    contentType: "text/csv; charset=utf-8",
    filename: `${campaign.slug}-staff-composition-${locale}.csv`,
  };
}

/**
 * The respondents against the staff as a workbook sheet in the reader's language (shares as
 * percentages), or nothing when no headcount date applies or no category is compared.
 */
export function staffCompositionSheet(
  composition: StaffComposition,
  unitLabel: UnitLabel,
  locale: ExportLocale,
  taken: Set<string>,
): Sheet | undefined {
  if (composition.staffDate === null || composition.dimensions.length === 0) return undefined;
  const words = COLUMNS[locale];
  return {
    name: sheetName(words.sheet, taken),
    header: words.header,
    rows: compositionRows(composition, unitLabel, locale).map((row) =>
      row.map((cell, column): SheetCell => {
        if (typeof cell !== "number") return cell as string | null;
        // The difference is in percentage points, as its column says, not a share.
        return column === DIFFERENCE
          ? { number: cell * 100, style: "decimal" }
          : { number: cell, style: "percent" };
      }),
    ),
    widths: [30, 12, 22, 36, 14, 14, 14, 14, 16],
  };
}
