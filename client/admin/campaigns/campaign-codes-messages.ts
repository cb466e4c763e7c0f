import type { Locale } from "../../i18n/locales";

/** Texts of the one-step code file for a whole campaign. */
export interface CampaignCodesMessages {
  title: string;
  intro: string;
  size: string;
  perUnit: string;
  fromHeadcounts: string;
  fromHeadcountsHint: string;
  count: string;
  countHint: (max: number) => string;
  format: string;
  xlsx: string;
  csv: string;
  generate: string;
  generating: string;
  done: (file: string) => string;
  nothingToDo: string;
  separation: string;
}

const nl: CampaignCodesMessages = {
  title: "Codes voor de hele bevraging",
  intro:
    "Maak in één stap codes voor elke eenheid van de bevraging, in één bestand met per code de eenheid en de persoonlijke link. Het bestand wordt één keer gedownload: Peilpunt bewaart de codes zelf niet.",
  size: "Aantal codes",
  perUnit: "Hetzelfde aantal per eenheid",
  fromHeadcounts: "Volgens het personeelsaantal van elke eenheid",
  fromHeadcountsHint:
    "Elke eenheid met een gekend personeelsaantal krijgt codes tot dat aantal (min de codes die ze al heeft). Eenheden zonder personeelsaantal krijgen er geen.",
  count: "Codes per eenheid",
  countHint: (max) => `Tussen 1 en ${max}. Nooit meer dan het personeelsaantal van een eenheid.`,
  format: "Bestand",
  xlsx: "Excel-werkmap (.xlsx)",
  csv: "CSV voor Excel (; als scheidingsteken)",
  generate: "Codes maken en downloaden",
  generating: "Codes worden gemaakt…",
  done: (file) =>
    `Codes gemaakt en gedownload als ${file}. Bewaar het bestand veilig en verdeel de links.`,
  nothingToDo:
    "Geen enkele eenheid heeft nog codes nodig: geen personeelsaantal boven de codes die ze al heeft.",
  separation:
    "Wie codes maakt, kan de resultaten van deze bevraging daarna niet meer lezen (scheiding van taken).",
};

const fr: CampaignCodesMessages = {
  title: "Codes pour toute l'enquête",
  intro:
    "Créez en une étape des codes pour chaque unité de l'enquête, dans un seul fichier avec, pour chaque code, l'unité et le lien personnel. Le fichier est téléchargé une seule fois : Peilpunt ne garde pas les codes.",
  size: "Nombre de codes",
  perUnit: "Le même nombre par unité",
  fromHeadcounts: "Selon l'effectif de chaque unité",
  fromHeadcountsHint:
    "Chaque unité dont l'effectif est connu reçoit des codes jusqu'à cet effectif (moins les codes qu'elle a déjà). Les unités sans effectif n'en reçoivent pas.",
  count: "Codes par unité",
  countHint: (max) => `Entre 1 et ${max}. Jamais plus que l'effectif d'une unité.`,
  format: "Fichier",
  xlsx: "Classeur Excel (.xlsx)",
  csv: "CSV pour Excel (séparateur ;)",
  generate: "Créer et télécharger les codes",
  generating: "Création des codes…",
  done: (file) =>
    `Codes créés et téléchargés dans ${file}. Gardez le fichier en lieu sûr et distribuez les liens.`,
  nothingToDo:
    "Aucune unité n'a encore besoin de codes : aucun effectif ne dépasse les codes qu'elle a déjà.",
  separation:
    "Qui crée des codes ne peut plus lire ensuite les résultats de cette enquête (séparation des tâches).",
};

const en: CampaignCodesMessages = {
  title: "Codes for the whole campaign",
  intro:
    "Make codes for every unit of the campaign in one step, in one file listing each code's unit and personal link. The file is downloaded once: Peilpunt does not keep the codes.",
  size: "Number of codes",
  perUnit: "The same number per unit",
  fromHeadcounts: "From each unit's headcount",
  fromHeadcountsHint:
    "Each unit with a known headcount gets codes up to it (less the codes it already has). Units without a headcount get none.",
  count: "Codes per unit",
  countHint: (max) => `Between 1 and ${max}. Never more than a unit's headcount.`,
  format: "File",
  xlsx: "Excel workbook (.xlsx)",
  csv: "CSV for Excel (comma-separated)",
  generate: "Make and download codes",
  generating: "Making codes…",
  done: (file) =>
    `Codes made and downloaded as ${file}. Keep the file safe and hand out the links.`,
  nothingToDo: "No unit needs codes any more: no headcount is above the codes it already has.",
  separation:
    "Whoever makes codes can no longer read this campaign's results (separation of duties).",
};

export const CAMPAIGN_CODES_MESSAGES: Record<Locale, CampaignCodesMessages> = { nl, fr, en };
