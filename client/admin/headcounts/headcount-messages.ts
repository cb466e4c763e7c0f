import type {
  HeadcountFault,
  HeadcountFaultParams,
} from "../../../server/contract/headcount-faults";
import { HEADCOUNT_LABELS } from "../../../server/contract/headcount-labels";
import type { Locale } from "../../i18n/locales";
import type { FileFaultLabels } from "../spreadsheet-file";

type Params = HeadcountFaultParams;
const p = (params: Params | undefined, key: string) => String(params?.[key] ?? "");

/** Texts of the headcount screens: import, reference dates, released tables and indicators. */
export interface HeadcountMessages extends FileFaultLabels {
  navHeadcounts: string;
  chooseTitle: string;
  chooseIntro: string;
  title: (organisation: string) => string;
  intro: string;
  backToOrganisation: string;
  organisationLink: string;
  building: string;
  /** The release of the latest import could not be built: what happened and what to do. */
  buildFailed: (when: string) => string;
  builtAt: (when: string) => string;
  noneYet: string;
  importTitle: string;
  importIntro: string;
  templateLinks: string;
  templateIn: Record<Locale, string>;
  referenceDate: string;
  referenceDateHint: string;
  chooseDate: string;
  file: string;
  fileHint: string;
  chooseFile: string;
  importButton: string;
  importing: string;
  imported: (date: string, rows: number, staff: number) => string;
  replaced: (date: string, rows: number, staff: number) => string;
  confirmReplace: (date: string) => string;
  replaceButton: string;
  cancel: string;
  faults: Record<HeadcountFault, (params: Params | undefined) => string>;
  datesTitle: string;
  datesCaption: string;
  staffColumn: string;
  reimport: (date: string) => string;
  reimportShort: string;
  tablesTitle: string;
  tablesIntro: (k: number) => string;
  dateChoice: string;
  breakdownChoice: string;
  byLevel: string;
  unitColumn: string;
  total: string;
  directly: (unit: string) => string;
  tableCaption: (breakdown: string, date: string) => string;
  crossTitle: string;
  crossUnit: string;
  crossCaption: (unit: string, breakdown: string, date: string) => string;
  notCrossed: string;
  levelColumn: string;
  allLevels: string;
  fewerThan: (k: number) => string;
  protectsOthers: string;
  legend: (k: number) => string;
  notListed: string;
  dimensions: Record<string, string>;
  values: Record<string, string>;
  levels: Record<string, string>;
  indicatorsTitle: string;
  indicatorsIntro: string;
  targetSet: string;
  targetSets: Record<string, string>;
  indicatorUnit: string;
  indicatorTitle: (key: string, fallback: string) => string;
  indicatorFallback: (value: string, dimension: string, level: string | null) => string;
  target: (share: string) => string;
  noTarget: string;
  chartLabel: (title: string) => string;
  tableOf: (title: string) => string;
  dateColumn: string;
  countColumn: string;
  shareColumn: string;
  changeColumn: string;
  targetColumn: string;
  distanceColumn: string;
  peopleColumn: string;
  notShown: string;
  reached: string;
  below: (points: string, people: number) => string;
  above: (points: string) => string;
  latest: (date: string) => string;
  noPublished: string;
  editorTitle: string;
  editorIntro: string;
  editorDefault: string;
  presetChoice: string;
  usePreset: string;
  targetPercent: (indicator: string) => string;
  targetHint: string;
  removeIndicator: (indicator: string) => string;
  remove: string;
  addTitle: string;
  addCategory: string;
  addLevel: string;
  addButton: string;
  save: string;
  saving: string;
  saved: string;
  targetInvalid: string;
  exportsTitle: string;
  exportsIntro: string;
  exportWorkbook: string;
  exportTablesExcel: string;
  exportIndicatorsExcel: string;
  exportTablesCsv: string;
  exportIndicatorsCsv: string;
}

const NL: HeadcountMessages = {
  navHeadcounts: "Personeelscijfers",
  chooseTitle: "Personeelscijfers",
  chooseIntro: "Kies de organisatie waarvan u de personeelscijfers wilt zien.",
  title: (organisation) => `Personeelscijfers van ${organisation}`,
  intro:
    "Tellingen per eenheid en functieniveau op een peildatum, zoals HR ze aanlevert: nooit gegevens over personen. Peilpunt toont alleen cijfers die na afscherming van kleine groepen vrijgegeven zijn.",
  backToOrganisation: "Terug naar de eenheden",
  organisationLink: "Personeelscijfers",
  building:
    "De cijfers worden bijgewerkt na de laatste import. U ziet intussen de vorige vrijgave; deze pagina ververst vanzelf.",
  buildFailed: (when) =>
    `De cijfers van de laatste import konden op ${when} niet vrijgegeven worden. U ziet nog de vorige vrijgave. Importeer het bestand opnieuw om het nog eens te proberen; lukt het dan weer niet, neem contact op met de beheerder van Peilpunt.`,
  builtAt: (when) => `Vrijgegeven op ${when}.`,
  noneYet: "Er zijn nog geen personeelscijfers geïmporteerd voor deze organisatie.",
  importTitle: "Cijfers importeren",
  importIntro:
    "Eén rij per eenheid en functieniveau, met het totaal en de aantallen per categorie. Een bestand met fouten wordt helemaal niet geïmporteerd.",
  templateLinks: "Sjabloon met alle eenheden:",
  templateIn: { nl: "Nederlands", fr: "Frans", en: "Engels" },
  referenceDate: "Peildatum",
  referenceDateHint: "De dag waarop geteld werd, bijvoorbeeld 31 december.",
  chooseDate: "Kies een peildatum.",
  file: "Bestand met tellingen",
  fileHint: "CSV (met ; of ,) of Excel (.xlsx).",
  chooseFile: "Kies een bestand.",
  importButton: "Importeren",
  importing: "Bezig met importeren…",
  imported: (date, rows, staff) =>
    `Geïmporteerd voor ${date}: ${rows} rijen, ${staff} personeelsleden.`,
  replaced: (date, rows, staff) =>
    `De cijfers van ${date} zijn vervangen: ${rows} rijen, ${staff} personeelsleden.`,
  confirmReplace: (date) =>
    `Er zijn al cijfers voor ${date}. Importeren vervangt ze helemaal door dit bestand.`,
  replaceButton: "Vervangen",
  cancel: "Annuleren",
  faultsTitle: (count) =>
    count === 1 ? "1 fout in het bestand" : `${count} fouten in het bestand`,
  faultsIntro: "Er is niets geïmporteerd. Verbeter deze rijen en velden en importeer opnieuw.",
  row: "Rij",
  column: "Kolom",
  fault: "Fout",
  wholeFile: "Bestand",
  faults: {
    encoding: () => "Het bestand is geen UTF-8. Bewaar het in Excel als ‘CSV UTF-8’.",
    separator: () =>
      "De eerste rij moet de kolommen unit_code, job_level, total en de categorieën noemen, gescheiden door ; of ,.",
    unreadable: () => "Het bestand is geen leesbaar Excel-werkboek (.xlsx).",
    empty: () => "Het bestand is leeg.",
    "person-columns": (x) =>
      `Dit lijkt een lijst van personen (kolom ${p(x, "columns")}). Peilpunt neemt alleen tellingen per eenheid en functieniveau aan: laad nooit personeelsgegevens op.`,
    "per-person-category": (x) =>
      `Dit lijkt één rij per persoon (kolom ${p(x, "columns")} bevat een categorie, geen aantal). Tel het personeel per eenheid en niveau, met één kolom per categoriewaarde (bv. gender.woman).`,
    "duplicate-column": (x) => `Kolom ‘${p(x, "column")}’ staat er twee keer.`,
    "unknown-column": (x) =>
      `Onbekende kolom ‘${p(x, "column")}’: categoriekolommen heten categorie.waarde (bv. gender.woman).`,
    "unknown-value": (x) => `‘${p(x, "dimension")}’ kent alleen de waarden ${p(x, "values")}.`,
    "missing-column": (x) => `Kolom ‘${p(x, "column")}’ ontbreekt.`,
    "single-value": (x) =>
      `‘${p(x, "dimension")}’ heeft minstens twee waarden nodig die samen het totaal geven.`,
    "field-count": (x) => `Verwacht ${p(x, "expected")} velden, gevonden ${p(x, "found")}.`,
    "missing-count": () => "Het aantal ontbreekt (schrijf 0 voor geen).",
    "not-a-count": (x) =>
      `‘${p(x, "value")}’ is geen aantal: schrijf een geheel getal van 0 of meer.`,
    "missing-unit": () => "De eenheidscode ontbreekt.",
    "unknown-level": (x) => `Onbekend functieniveau ‘${p(x, "value")}’: gebruik ${p(x, "levels")}.`,
    "duplicate-row": (x) =>
      `Eenheid ‘${p(x, "unit")}’ op niveau ‘${p(x, "level")}’ staat ook op rij ${p(x, "earlier")}: één rij per eenheid en niveau.`,
    "sum-mismatch": (x) =>
      `De kolommen van ‘${p(x, "dimension")}’ tellen op tot ${p(x, "sum")}, niet tot het totaal ${p(x, "total")}.`,
    "no-rows": () => "Het bestand bevat geen tellingen.",
    "unknown-unit": (x) => `Deze organisatie heeft geen eenheid ‘${p(x, "unit")}’.`,
    "reference-date": () => "De peildatum moet een datum zijn (JJJJ-MM-DD).",
  },
  datesTitle: "Peildata",
  datesCaption: "Geïmporteerde peildata",
  staffColumn: "Personeel (organisatie)",
  reimport: (date) => `Cijfers van ${date} vervangen`,
  reimportShort: "Vervangen",
  tablesTitle: "Tabellen",
  tablesIntro: (k) =>
    `Groepen van minder dan ${k} personen zijn verborgen, nooit als 0 getoond; enkele andere cellen zijn verborgen zodat zo'n groep niet af te leiden is, ook niet uit het verschil tussen twee peildata.`,
  dateChoice: "Peildatum",
  breakdownChoice: "Uitsplitsing",
  byLevel: "Functieniveau",
  unitColumn: "Eenheid",
  total: "Totaal",
  directly: (unit) => `${unit}: rechtstreeks in de eenheid`,
  tableCaption: (breakdown, date) => `Personeel per eenheid en ${breakdown.toLowerCase()}, ${date}`,
  crossTitle: "Functieniveau en categorie",
  crossUnit: "Eenheid",
  crossCaption: (unit, breakdown, date) =>
    `${unit}: personeel per functieniveau en ${breakdown.toLowerCase()}, ${date}`,
  notCrossed:
    "Functieniveau en categorie worden alleen samen getoond voor de organisatie en haar bovenste eenheden: daaronder zijn de groepen te klein.",
  levelColumn: "Functieniveau",
  allLevels: "Alle niveaus",
  fewerThan: (k) => `minder dan ${k}`,
  protectsOthers: "verborgen om anderen te beschermen",
  legend: (k) =>
    `◌ minder dan ${k} personen · ◍ verborgen zodat een kleine groep niet af te leiden is · ◇ verborgen, zonder iets over de grootte te zeggen`,
  notListed: "—",
  dimensions: HEADCOUNT_LABELS.nl.dimensions,
  values: HEADCOUNT_LABELS.nl.values,
  levels: HEADCOUNT_LABELS.nl.levels,
  indicatorsTitle: "Indicatoren en streefcijfers",
  indicatorsIntro:
    "Aandeel van een groep per peildatum, berekend uit vrijgegeven cijfers alleen, met het streefcijfer als lijn.",
  targetSet: "Streefcijfers",
  targetSets: {
    "flanders-2020": "Vlaamse streefcijfers 2020",
    brussels: "Brussels quotum: 2% personeel met een handicap",
    organisation: "Streefcijfers van de organisatie",
  },
  indicatorUnit: "Eenheid",
  indicatorTitle: (key, fallback) => HEADCOUNT_LABELS.nl.indicators[key] ?? fallback,
  indicatorFallback: (value, dimension, level) =>
    `${dimension}: ${value}${level ? ` (${level})` : ""}`,
  target: (share) => `Streefcijfer ${share}`,
  noTarget: "Geen streefcijfer",
  chartLabel: (title) => `Grafiek: ${title}`,
  tableOf: (title) => `Tabel: ${title}`,
  dateColumn: "Peildatum",
  countColumn: "Aantal",
  shareColumn: "Aandeel",
  changeColumn: "Verschil met vorige (procentpunt)",
  targetColumn: "Streefcijfer",
  distanceColumn: "Afstand tot streefcijfer",
  peopleColumn: "Personen nodig",
  notShown: "niet getoond (een cijfer is verborgen)",
  reached: "bereikt",
  below: (points, people) =>
    `${points} procentpunt onder het streefcijfer: ${people} ${people === 1 ? "persoon" : "personen"} meer nodig`,
  above: (points) => `${points} procentpunt boven het streefcijfer`,
  latest: (date) => `Op ${date}:`,
  noPublished: "Geen vrijgegeven cijfers voor deze indicator.",
  editorTitle: "Streefcijfers van de organisatie",
  editorIntro:
    "Kies een standaardreeks of stel per indicator een streefcijfer in. Elke wijziging komt in het auditlogboek.",
  editorDefault:
    "De organisatie koos nog geen streefcijfers: de Vlaamse streefcijfers 2020 gelden.",
  presetChoice: "Standaardreeks",
  usePreset: "Deze reeks gebruiken",
  targetPercent: (indicator) => `Streefcijfer voor ${indicator} (%)`,
  targetHint: "Leeg: de indicator wordt gevolgd zonder streefcijfer.",
  removeIndicator: (indicator) => `${indicator} verwijderen`,
  remove: "Verwijderen",
  addTitle: "Indicator toevoegen",
  addCategory: "Categorie",
  addLevel: "Functieniveau",
  addButton: "Toevoegen",
  save: "Streefcijfers bewaren",
  saving: "Bezig met bewaren…",
  saved: "De streefcijfers zijn bewaard.",
  targetInvalid: "Een streefcijfer is een percentage van 0 tot 100.",
  exportsTitle: "Downloaden",
  exportsIntro:
    "Alleen vrijgegeven cijfers, verborgen cellen met hun reden. Elke download komt in het auditlogboek.",
  exportWorkbook: "Excel-werkboek (tabellen en indicatoren)",
  exportTablesExcel: "Tabellen, CSV voor Excel",
  exportIndicatorsExcel: "Indicatoren, CSV voor Excel",
  exportTablesCsv: "Tabellen, CSV voor analyse (codes)",
  exportIndicatorsCsv: "Indicatoren, CSV voor analyse (codes)",
};

const FR: HeadcountMessages = {
  navHeadcounts: "Effectifs",
  chooseTitle: "Effectifs",
  chooseIntro: "Choisissez l'organisation dont vous voulez voir les effectifs.",
  title: (organisation) => `Effectifs de ${organisation}`,
  intro:
    "Des comptages par unité et niveau de fonction à une date de référence, tels que les RH les fournissent : jamais de données sur des personnes. Peilpunt ne montre que des chiffres publiés après protection des petits groupes.",
  backToOrganisation: "Retour aux unités",
  organisationLink: "Effectifs",
  building:
    "Les chiffres sont en cours de mise à jour après le dernier import. Vous voyez la publication précédente ; cette page se rafraîchit d'elle-même.",
  buildFailed: (when) =>
    `Les chiffres du dernier import n'ont pas pu être publiés (${when}). Vous voyez encore la publication précédente. Importez à nouveau le fichier pour réessayer ; si cela échoue encore, contactez l'administrateur de Peilpunt.`,
  builtAt: (when) => `Publié le ${when}.`,
  noneYet: "Aucun effectif n'a encore été importé pour cette organisation.",
  importTitle: "Importer des effectifs",
  importIntro:
    "Une ligne par unité et niveau de fonction, avec le total et les nombres par catégorie. Un fichier comportant des erreurs n'est pas importé du tout.",
  templateLinks: "Modèle avec toutes les unités :",
  templateIn: { nl: "néerlandais", fr: "français", en: "anglais" },
  referenceDate: "Date de référence",
  referenceDateHint: "Le jour du comptage, par exemple le 31 décembre.",
  chooseDate: "Choisissez une date de référence.",
  file: "Fichier des comptages",
  fileHint: "CSV (avec ; ou ,) ou Excel (.xlsx).",
  chooseFile: "Choisissez un fichier.",
  importButton: "Importer",
  importing: "Import en cours…",
  imported: (date, rows, staff) =>
    `Importé pour le ${date} : ${rows} lignes, ${staff} membres du personnel.`,
  replaced: (date, rows, staff) =>
    `Les chiffres du ${date} ont été remplacés : ${rows} lignes, ${staff} membres du personnel.`,
  confirmReplace: (date) =>
    `Des chiffres existent déjà pour le ${date}. L'import les remplace entièrement par ce fichier.`,
  replaceButton: "Remplacer",
  cancel: "Annuler",
  faultsTitle: (count) =>
    count === 1 ? "1 erreur dans le fichier" : `${count} erreurs dans le fichier`,
  faultsIntro: "Rien n'a été importé. Corrigez ces lignes et champs, puis importez à nouveau.",
  row: "Ligne",
  column: "Colonne",
  fault: "Erreur",
  wholeFile: "Fichier",
  faults: {
    encoding: () =>
      "Le fichier n'est pas en UTF-8. Enregistrez-le dans Excel au format « CSV UTF-8 ».",
    separator: () =>
      "La première ligne doit nommer les colonnes unit_code, job_level, total et les catégories, séparées par ; ou ,.",
    unreadable: () => "Le fichier n'est pas un classeur Excel lisible (.xlsx).",
    empty: () => "Le fichier est vide.",
    "person-columns": (x) =>
      `Ceci ressemble à une liste de personnes (colonne ${p(x, "columns")}). Peilpunt n'accepte que des comptages par unité et niveau : n'envoyez jamais de données du personnel.`,
    "per-person-category": (x) =>
      `Ceci ressemble à une ligne par personne (la colonne ${p(x, "columns")} contient une catégorie, pas un nombre). Comptez le personnel par unité et niveau, une colonne par valeur (p. ex. gender.woman).`,
    "duplicate-column": (x) => `La colonne « ${p(x, "column")} » apparaît deux fois.`,
    "unknown-column": (x) =>
      `Colonne inconnue « ${p(x, "column")} » : les colonnes de catégorie s'écrivent catégorie.valeur (p. ex. gender.woman).`,
    "unknown-value": (x) => `« ${p(x, "dimension")} » n'admet que les valeurs ${p(x, "values")}.`,
    "missing-column": (x) => `La colonne « ${p(x, "column")} » manque.`,
    "single-value": (x) =>
      `« ${p(x, "dimension")} » demande au moins deux valeurs dont la somme donne le total.`,
    "field-count": (x) => `${p(x, "expected")} champs attendus, ${p(x, "found")} trouvés.`,
    "missing-count": () => "Le nombre manque (écrivez 0 pour aucun).",
    "not-a-count": (x) =>
      `« ${p(x, "value")} » n'est pas un nombre : écrivez un nombre entier de 0 ou plus.`,
    "missing-unit": () => "Le code d'unité manque.",
    "unknown-level": (x) =>
      `Niveau de fonction inconnu « ${p(x, "value")} » : utilisez ${p(x, "levels")}.`,
    "duplicate-row": (x) =>
      `L'unité « ${p(x, "unit")} » au niveau « ${p(x, "level")} » figure aussi à la ligne ${p(x, "earlier")} : une ligne par unité et niveau.`,
    "sum-mismatch": (x) =>
      `Les colonnes de « ${p(x, "dimension")} » totalisent ${p(x, "sum")}, pas le total ${p(x, "total")}.`,
    "no-rows": () => "Le fichier ne contient aucun comptage.",
    "unknown-unit": (x) => `Cette organisation n'a pas d'unité « ${p(x, "unit")} ».`,
    "reference-date": () => "La date de référence doit être une date (AAAA-MM-JJ).",
  },
  datesTitle: "Dates de référence",
  datesCaption: "Dates de référence importées",
  staffColumn: "Personnel (organisation)",
  reimport: (date) => `Remplacer les chiffres du ${date}`,
  reimportShort: "Remplacer",
  tablesTitle: "Tableaux",
  tablesIntro: (k) =>
    `Les groupes de moins de ${k} personnes sont masqués, jamais affichés comme 0 ; quelques autres cellules sont masquées pour qu'un tel groupe ne puisse être déduit, même de la différence entre deux dates.`,
  dateChoice: "Date de référence",
  breakdownChoice: "Ventilation",
  byLevel: "Niveau de fonction",
  unitColumn: "Unité",
  total: "Total",
  directly: (unit) => `${unit} : directement dans l'unité`,
  tableCaption: (breakdown, date) => `Personnel par unité et ${breakdown.toLowerCase()}, ${date}`,
  crossTitle: "Niveau de fonction et catégorie",
  crossUnit: "Unité",
  crossCaption: (unit, breakdown, date) =>
    `${unit} : personnel par niveau de fonction et ${breakdown.toLowerCase()}, ${date}`,
  notCrossed:
    "Le niveau de fonction et la catégorie ne sont croisés que pour l'organisation et ses unités principales : plus bas, les groupes sont trop petits.",
  levelColumn: "Niveau de fonction",
  allLevels: "Tous niveaux",
  fewerThan: (k) => `moins de ${k}`,
  protectsOthers: "masqué pour protéger d'autres personnes",
  legend: (k) =>
    `◌ moins de ${k} personnes · ◍ masqué pour qu'un petit groupe ne puisse être déduit · ◇ masqué, sans rien dire de sa taille`,
  notListed: "—",
  dimensions: HEADCOUNT_LABELS.fr.dimensions,
  values: HEADCOUNT_LABELS.fr.values,
  levels: HEADCOUNT_LABELS.fr.levels,
  indicatorsTitle: "Indicateurs et objectifs",
  indicatorsIntro:
    "Part d'un groupe à chaque date de référence, calculée à partir des seuls chiffres publiés, avec l'objectif en ligne.",
  targetSet: "Objectifs",
  targetSets: {
    "flanders-2020": "Objectifs flamands 2020",
    brussels: "Quota bruxellois : 2 % de personnel avec un handicap",
    organisation: "Objectifs de l'organisation",
  },
  indicatorUnit: "Unité",
  indicatorTitle: (key, fallback) => HEADCOUNT_LABELS.fr.indicators[key] ?? fallback,
  indicatorFallback: (value, dimension, level) =>
    `${dimension} : ${value}${level ? ` (${level})` : ""}`,
  target: (share) => `Objectif ${share}`,
  noTarget: "Pas d'objectif",
  chartLabel: (title) => `Graphique : ${title}`,
  tableOf: (title) => `Tableau : ${title}`,
  dateColumn: "Date de référence",
  countColumn: "Nombre",
  shareColumn: "Part",
  changeColumn: "Écart avec la précédente (points)",
  targetColumn: "Objectif",
  distanceColumn: "Distance à l'objectif",
  peopleColumn: "Personnes nécessaires",
  notShown: "non affiché (un chiffre est masqué)",
  reached: "atteint",
  below: (points, people) =>
    `${points} point(s) sous l'objectif : ${people} ${people === 1 ? "personne" : "personnes"} de plus`,
  above: (points) => `${points} point(s) au-dessus de l'objectif`,
  latest: (date) => `Au ${date} :`,
  noPublished: "Aucun chiffre publié pour cet indicateur.",
  editorTitle: "Objectifs de l'organisation",
  editorIntro:
    "Choisissez une série par défaut ou fixez un objectif par indicateur. Chaque modification est inscrite au journal d'audit.",
  editorDefault:
    "L'organisation n'a pas encore choisi d'objectifs : les objectifs flamands 2020 s'appliquent.",
  presetChoice: "Série par défaut",
  usePreset: "Utiliser cette série",
  targetPercent: (indicator) => `Objectif pour ${indicator} (%)`,
  targetHint: "Vide : l'indicateur est suivi sans objectif.",
  removeIndicator: (indicator) => `Retirer ${indicator}`,
  remove: "Retirer",
  addTitle: "Ajouter un indicateur",
  addCategory: "Catégorie",
  addLevel: "Niveau de fonction",
  addButton: "Ajouter",
  save: "Enregistrer les objectifs",
  saving: "Enregistrement…",
  saved: "Les objectifs sont enregistrés.",
  targetInvalid: "Un objectif est un pourcentage de 0 à 100.",
  exportsTitle: "Télécharger",
  exportsIntro:
    "Uniquement des chiffres publiés, les cellules masquées avec leur raison. Chaque téléchargement est inscrit au journal d'audit.",
  exportWorkbook: "Classeur Excel (tableaux et indicateurs)",
  exportTablesExcel: "Tableaux, CSV pour Excel",
  exportIndicatorsExcel: "Indicateurs, CSV pour Excel",
  exportTablesCsv: "Tableaux, CSV pour analyse (codes)",
  exportIndicatorsCsv: "Indicateurs, CSV pour analyse (codes)",
};

const EN: HeadcountMessages = {
  navHeadcounts: "Headcounts",
  chooseTitle: "Headcounts",
  chooseIntro: "Choose the organisation whose headcounts you want to see.",
  title: (organisation) => `Headcounts of ${organisation}`,
  intro:
    "Counts per unit and job level on a reference date, as HR sends them: never data about people. Peilpunt shows only figures released after small groups were protected.",
  backToOrganisation: "Back to the units",
  organisationLink: "Headcounts",
  building:
    "The figures are being updated after the latest import. Meanwhile you see the previous release; this page refreshes by itself.",
  buildFailed: (when) =>
    `The figures of the latest import could not be released (${when}). You still see the previous release. Import the file again to retry; if that fails too, contact your Peilpunt administrator.`,
  builtAt: (when) => `Released on ${when}.`,
  noneYet: "No headcounts have been imported for this organisation yet.",
  importTitle: "Import headcounts",
  importIntro:
    "One row per unit and job level, with the total and the counts per category. A file with faults is not imported at all.",
  templateLinks: "Template with every unit:",
  templateIn: { nl: "Dutch", fr: "French", en: "English" },
  referenceDate: "Reference date",
  referenceDateHint: "The day the staff were counted, e.g. 31 December.",
  chooseDate: "Choose a reference date.",
  file: "Headcount file",
  fileHint: "CSV (with ; or ,) or Excel (.xlsx).",
  chooseFile: "Choose a file.",
  importButton: "Import",
  importing: "Importing…",
  imported: (date, rows, staff) => `Imported for ${date}: ${rows} rows, ${staff} staff.`,
  replaced: (date, rows, staff) =>
    `The figures of ${date} were replaced: ${rows} rows, ${staff} staff.`,
  confirmReplace: (date) =>
    `There are figures for ${date} already. Importing replaces them entirely with this file.`,
  replaceButton: "Replace",
  cancel: "Cancel",
  faultsTitle: (count) => (count === 1 ? "1 fault in the file" : `${count} faults in the file`),
  faultsIntro: "Nothing was imported. Correct these rows and fields and import again.",
  row: "Row",
  column: "Column",
  fault: "Fault",
  wholeFile: "File",
  faults: {
    encoding: () => "The file is not UTF-8. Save it as “CSV UTF-8” in Excel.",
    separator: () =>
      "The first row must name the columns unit_code, job_level, total and the categories, separated by ; or ,.",
    unreadable: () => "The file is not a readable Excel workbook (.xlsx).",
    empty: () => "The file is empty.",
    "person-columns": (x) =>
      `This looks like a list of people (column ${p(x, "columns")}). Peilpunt takes counts per unit and job level only: never upload staff records.`,
    "per-person-category": (x) =>
      `This looks like one row per person (column ${p(x, "columns")} holds a category, not a count). Count the staff per unit and level, one column per category value (e.g. gender.woman).`,
    "duplicate-column": (x) => `Column “${p(x, "column")}” appears twice.`,
    "unknown-column": (x) =>
      `Unknown column “${p(x, "column")}”: category columns are named category.value (e.g. gender.woman).`,
    "unknown-value": (x) => `“${p(x, "dimension")}” takes the values ${p(x, "values")} only.`,
    "missing-column": (x) => `Column “${p(x, "column")}” is missing.`,
    "single-value": (x) =>
      `“${p(x, "dimension")}” needs at least two values that add up to the total.`,
    "field-count": (x) => `Expected ${p(x, "expected")} fields, found ${p(x, "found")}.`,
    "missing-count": () => "The count is missing (write 0 for none).",
    "not-a-count": (x) => `“${p(x, "value")}” is not a count: write a whole number of 0 or more.`,
    "missing-unit": () => "The unit code is missing.",
    "unknown-level": (x) => `Unknown job level “${p(x, "value")}”: use ${p(x, "levels")}.`,
    "duplicate-row": (x) =>
      `Unit “${p(x, "unit")}” at level “${p(x, "level")}” is also on row ${p(x, "earlier")}: one row per unit and level.`,
    "sum-mismatch": (x) =>
      `The “${p(x, "dimension")}” columns add up to ${p(x, "sum")}, not to the total ${p(x, "total")}.`,
    "no-rows": () => "The file lists no counts.",
    "unknown-unit": (x) => `This organisation has no unit “${p(x, "unit")}”.`,
    "reference-date": () => "The reference date must be a date (YYYY-MM-DD).",
  },
  datesTitle: "Reference dates",
  datesCaption: "Imported reference dates",
  staffColumn: "Staff (organisation)",
  reimport: (date) => `Replace the figures of ${date}`,
  reimportShort: "Replace",
  tablesTitle: "Tables",
  tablesIntro: (k) =>
    `Groups of fewer than ${k} people are hidden, never shown as 0; a few other cells are hidden so that such a group cannot be worked out, not even from the difference between two dates.`,
  dateChoice: "Reference date",
  breakdownChoice: "Breakdown",
  byLevel: "Job level",
  unitColumn: "Unit",
  total: "Total",
  directly: (unit) => `${unit}: directly in the unit`,
  tableCaption: (breakdown, date) => `Staff by unit and ${breakdown.toLowerCase()}, ${date}`,
  crossTitle: "Job level and category",
  crossUnit: "Unit",
  crossCaption: (unit, breakdown, date) =>
    `${unit}: staff by job level and ${breakdown.toLowerCase()}, ${date}`,
  notCrossed:
    "Job level and category are shown together only for the organisation and its top units: below them the groups are too small.",
  levelColumn: "Job level",
  allLevels: "All levels",
  fewerThan: (k) => `fewer than ${k}`,
  protectsOthers: "hidden to protect others",
  legend: (k) =>
    `◌ fewer than ${k} people · ◍ hidden so that a small group cannot be worked out · ◇ hidden, without saying anything of its size`,
  notListed: "—",
  dimensions: HEADCOUNT_LABELS.en.dimensions,
  values: HEADCOUNT_LABELS.en.values,
  levels: HEADCOUNT_LABELS.en.levels,
  indicatorsTitle: "Indicators and targets",
  indicatorsIntro:
    "The share of a group at each reference date, computed from released figures only, with the target as a line.",
  targetSet: "Targets",
  targetSets: {
    "flanders-2020": "Flemish targets 2020",
    brussels: "Brussels quota: 2% staff with a disability",
    organisation: "The organisation's targets",
  },
  indicatorUnit: "Unit",
  indicatorTitle: (key, fallback) => HEADCOUNT_LABELS.en.indicators[key] ?? fallback,
  indicatorFallback: (value, dimension, level) =>
    `${dimension}: ${value}${level ? ` (${level})` : ""}`,
  target: (share) => `Target ${share}`,
  noTarget: "No target",
  chartLabel: (title) => `Chart: ${title}`,
  tableOf: (title) => `Table: ${title}`,
  dateColumn: "Reference date",
  countColumn: "Count",
  shareColumn: "Share",
  changeColumn: "Change from previous (points)",
  targetColumn: "Target",
  distanceColumn: "Distance to target",
  peopleColumn: "People needed",
  notShown: "not shown (a figure is hidden)",
  reached: "reached",
  below: (points, people) =>
    `${points} percentage points below target: ${people} more ${people === 1 ? "person" : "people"}`,
  above: (points) => `${points} percentage points above target`,
  latest: (date) => `On ${date}:`,
  noPublished: "No released figures for this indicator.",
  editorTitle: "The organisation's targets",
  editorIntro:
    "Choose a default set or set a target per indicator. Every change is written to the audit log.",
  editorDefault: "The organisation has not chosen targets yet: the Flemish 2020 targets apply.",
  presetChoice: "Default set",
  usePreset: "Use this set",
  targetPercent: (indicator) => `Target for ${indicator} (%)`,
  targetHint: "Empty: the indicator is followed without a target.",
  removeIndicator: (indicator) => `Remove ${indicator}`,
  remove: "Remove",
  addTitle: "Add an indicator",
  addCategory: "Category",
  addLevel: "Job level",
  addButton: "Add",
  save: "Save targets",
  saving: "Saving…",
  saved: "The targets are saved.",
  targetInvalid: "A target is a percentage from 0 to 100.",
  exportsTitle: "Downloads",
  exportsIntro:
    "Released figures only, hidden cells with their reason. Every download is written to the audit log.",
  exportWorkbook: "Excel workbook (tables and indicators)",
  exportTablesExcel: "Tables, CSV for Excel",
  exportIndicatorsExcel: "Indicators, CSV for Excel",
  exportTablesCsv: "Tables, CSV for analysis (codes)",
  exportIndicatorsCsv: "Indicators, CSV for analysis (codes)",
};

export const HEADCOUNT_MESSAGES: Record<Locale, HeadcountMessages> = { nl: NL, fr: FR, en: EN };
