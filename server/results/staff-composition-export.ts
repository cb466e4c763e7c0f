import { HEADCOUNT_LABELS } from "../contract/headcount-labels";
import type { StaffComposition } from "../contract/staff-composition-schema";
import type { Db } from "../db/open-database";
import { excelCsv } from "./excel-csv";
import { exportLabels } from "./export-labels";
import type { LabelledCell } from "./labelled-rows";
import type { ExportFile } from "./release-exports";
import type { ExportLocale } from "./unit-labels";

const COLUMNS: Record<
  ExportLocale,
  {
    header: string[];
    yes: string;
    no: string;
    resultsHidden: string;
    staffHidden: string;
    nobody: string;
  }
> = {
  nl: {
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

/**
 * The respondents against the staff as a CSV for Excel in the reader's language: one line per
 * unit, category and value with both shares and the difference (percent with one decimal, in
 * the language's Excel format), or one line per unit and category saying why it has no shares.
 * Only what `viewStaffComposition` answered for this reader.
 */
export function staffCompositionCsvForExcel({
  db,
  campaign,
  composition,
  locale,
}: {
  db: Db;
  campaign: { id: string; slug: string; organisationId: string; k: number };
  composition: StaffComposition;
  locale: ExportLocale;
}): ExportFile {
  const { labels } = exportLabels(db, campaign, locale);
  const words = COLUMNS[locale];
  const names = HEADCOUNT_LABELS[locale];
  const date = composition.staffDate ?? "";
  const rows = composition.dimensions.flatMap((dimension) =>
    dimension.units.flatMap((unit): LabelledCell[][] => {
      const { code, name } = labels.unit(unit.unitId);
      const category = names.dimensions[dimension.dimension] ?? dimension.dimension;
      if (unit.rows.length === 0) {
        const why =
          unit.respondents === "hidden"
            ? words.resultsHidden
            : unit.staff === "hidden"
              ? words.staffHidden
              : words.nobody;
        return [[name, code, category, why, null, null, null, null, date]];
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
  return {
    body: excelCsv(
      {
        header: words.header,
        kinds: ["text", "text", "text", "text", "share", "share", "share", "text", "text"],
        rows,
      },
      locale,
      labels,
    ),
    contentType: "text/csv; charset=utf-8",
    filename: `${campaign.slug}-staff-composition-excel-${locale}.csv`,
  };
}
