import type { UnitFileFault } from "../../../server/contract/organisation-schemas";
import type { Locale } from "../../i18n/locales";
import type { FileFaultLabels } from "../spreadsheet-file";

type UnitField = "code" | "parentCode" | "kind" | "name" | "headcount" | "retired";
type Kind = "entity" | "faculty" | "service" | "department";

/** Texts of the organisation screens: organisations, their unit tree, edits and imports. */
export interface OrganisationMessages extends FileFaultLabels {
  listTitle: string;
  listIntro: string;
  listCaption: (count: number) => string;
  noOrganisations: string;
  unitCount: (count: number) => string;
  createTitle: string;
  slug: string;
  slugHint: string;
  nameIn: Record<Locale, string>;
  create: string;
  creating: string;
  created: (name: string) => string;
  slugTaken: string;
  treeTitle: (organisation: string) => string;
  treeIntro: string;
  backToList: string;
  treeCaption: (active: number, retired: number) => string;
  emptyTree: string;
  unitName: string;
  code: string;
  kind: string;
  kinds: Record<Kind, string>;
  headcount: string;
  state: string;
  active: string;
  retired: string;
  inUse: string;
  inUseHint: string;
  actions: string;
  change: (unit: string) => string;
  changeShort: string;
  addTitle: string;
  add: string;
  adding: string;
  parent: string;
  topLevel: string;
  topLevelShort: string;
  headcountHint: string;
  codeHint: string;
  editTitle: (unit: string) => string;
  save: string;
  cancel: string;
  retire: string;
  reinstate: string;
  retireHint: string;
  retiredHint: string;
  saved: (unit: string) => string;
  unitAdded: (unit: string) => string;
  unitRetired: (unit: string) => string;
  unitReinstated: (unit: string) => string;
  noChange: string;
  fieldErrors: Record<UnitField, string>;
  unitInUse: string;
  importTitle: string;
  importIntro: string;
  importColumns: string;
  file: string;
  fileHint: string;
  preview: string;
  previewing: string;
  chooseFile: string;
  planTitle: string;
  planNothing: string;
  planSummary: (changes: number, unchanged: number) => string;
  planParts: {
    added: string;
    renamed: string;
    moved: string;
    kindChanged: string;
    headcountChanged: string;
    retired: string;
    reinstated: string;
  };
  movedTo: (from: string, to: string) => string;
  renamedTo: (from: string, to: string) => string;
  changedTo: (from: string, to: string) => string;
  none: string;
  apply: string;
  applying: string;
  applied: (changes: number) => string;
  faults: Record<UnitFileFault, string>;
}

const nl: OrganisationMessages = {
  listTitle: "Organisaties",
  listIntro:
    "Een organisatie heeft een boom van eenheden (entiteiten, faculteiten, diensten, afdelingen). Bevragingen kiezen hun eenheden uit die boom.",
  listCaption: (count) => (count === 1 ? "1 organisatie" : `${count} organisaties`),
  noOrganisations: "Er is nog geen organisatie.",
  unitCount: (count) => (count === 1 ? "1 eenheid" : `${count} eenheden`),
  createTitle: "Nieuwe organisatie",
  slug: "Korte naam in adressen",
  slugHint: "Kleine letters, cijfers en koppeltekens, bv. agentschap-integratie.",
  nameIn: { nl: "Naam in het Nederlands", fr: "Naam in het Frans", en: "Naam in het Engels" },
  create: "Organisatie aanmaken",
  creating: "Bezig met aanmaken…",
  created: (name) => `Organisatie ${name} is aangemaakt. Voeg nu haar eenheden toe.`,
  slugTaken: "Deze korte naam is al in gebruik.",
  treeTitle: (organisation) => `Eenheden van ${organisation}`,
  treeIntro:
    "Eenheden worden nooit gewist: een eenheid die niet meer bestaat, zet je op non-actief. Ze blijft in de resultaten van vroegere bevragingen en wordt aan geen nieuwe bevraging meer aangeboden.",
  backToList: "Alle organisaties",
  treeCaption: (active, retired) =>
    `${active === 1 ? "1 actieve eenheid" : `${active} actieve eenheden`}${retired > 0 ? `, ${retired} op non-actief` : ""}`,
  emptyTree: "Deze organisatie heeft nog geen eenheden. Voeg er een toe of importeer een bestand.",
  unitName: "Eenheid",
  code: "Code",
  kind: "Soort",
  kinds: { entity: "entiteit", faculty: "faculteit", service: "dienst", department: "afdeling" },
  headcount: "Personeel",
  state: "Stand",
  active: "actief",
  retired: "op non-actief",
  inUse: "in een bevraging",
  inUseHint: "Gebruikt door een bevraging die geopend werd.",
  actions: "Acties",
  change: (unit) => `${unit} wijzigen`,
  changeShort: "Wijzigen",
  addTitle: "Eenheid toevoegen",
  add: "Eenheid toevoegen",
  adding: "Bezig met toevoegen…",
  parent: "Valt onder",
  topLevel: "— bovenaan (geen bovenliggende eenheid) —",
  topLevelShort: "bovenaan",
  headcountHint: "Aantal personeelsleden volgens de eigen gegevens; mag leeg blijven.",
  codeHint: "Uniek binnen de organisatie, zoals in het importbestand; later niet te wijzigen.",
  editTitle: (unit) => `${unit} wijzigen`,
  save: "Wijzigingen bewaren",
  cancel: "Annuleren",
  retire: "Op non-actief zetten",
  reinstate: "Opnieuw actief maken",
  retireHint:
    "Een eenheid op non-actief blijft bewaard (ook in vroegere resultaten) maar wordt aan geen nieuwe bevraging aangeboden.",
  retiredHint: "Deze eenheid staat op non-actief. Maak ze opnieuw actief om ze te wijzigen.",
  saved: (unit) => `${unit} is gewijzigd.`,
  unitAdded: (unit) => `${unit} is toegevoegd.`,
  unitRetired: (unit) => `${unit} staat nu op non-actief.`,
  unitReinstated: (unit) => `${unit} is opnieuw actief.`,
  noChange: "Er was niets te wijzigen.",
  fieldErrors: {
    code: "Deze code is al in gebruik (ook een eenheid op non-actief houdt haar code) of is niet geldig.",
    parentCode: "Kies een bovenliggende eenheid die actief is en niet onder deze eenheid ligt.",
    kind: "Kies een soort.",
    name: "Vul de naam in (hoogstens 200 tekens).",
    headcount: "Een geheel getal van minstens 0, of leeg.",
    retired: "Zet eerst de eenheden eronder op non-actief, of verplaats ze.",
  },
  unitInUse:
    "Niets gewijzigd: deze eenheid (of een eenheid eronder) wordt gebruikt door een bevraging die geopend werd en blijft op haar plaats in de boom.",
  importTitle: "Importeren uit een bestand",
  importIntro:
    "Het bestand is de hele boom: een eenheid die er niet in staat, gaat op non-actief; een eenheid die terugkomt, wordt opnieuw actief. Je ziet eerst wat er verandert; pas daarna pas je het toe.",
  importColumns:
    "Excel (.xlsx, eerste blad) of CSV (UTF-8, gescheiden door ; of ,) met de kolommen code, parent_code, kind (entity, faculty, service of department), name_nl, name_fr, name_en en eventueel headcount.",
  file: "Bestand met eenheden",
  fileHint: ".csv of .xlsx",
  preview: "Bekijk wat er verandert",
  previewing: "Bezig met lezen…",
  chooseFile: "Kies eerst een bestand.",
  planTitle: "Wat er verandert",
  planNothing: "Het bestand verandert niets aan de boom.",
  planSummary: (changes, unchanged) =>
    `${changes === 1 ? "1 wijziging" : `${changes} wijzigingen`}; ${unchanged === 1 ? "1 eenheid blijft" : `${unchanged} eenheden blijven`} zoals ze is.`,
  planParts: {
    added: "Toegevoegd",
    renamed: "Nieuwe naam",
    moved: "Verplaatst",
    kindChanged: "Andere soort",
    headcountChanged: "Ander personeelsaantal",
    retired: "Op non-actief",
    reinstated: "Opnieuw actief",
  },
  movedTo: (from, to) => `van ${from} naar ${to}`,
  renamedTo: (from, to) => `„${from}” wordt „${to}”`,
  changedTo: (from, to) => `${from} → ${to}`,
  none: "geen",
  apply: "Deze wijzigingen toepassen",
  applying: "Bezig met toepassen…",
  applied: (changes) =>
    `${changes === 1 ? "1 wijziging is" : `${changes} wijzigingen zijn`} toegepast.`,
  faultsTitle: (count) =>
    count === 1 ? "1 fout in het bestand" : `${count} fouten in het bestand`,
  faultsIntro: "Er is niets gewijzigd. Verbeter het bestand en bekijk het opnieuw.",
  row: "Rij",
  column: "Kolom",
  fault: "Fout",
  wholeFile: "het hele bestand",
  faults: {
    encoding: "Het bestand is geen UTF-8-tekst. Bewaar het als CSV UTF-8 of als Excel-werkmap.",
    separator: "De eerste rij moet de kolommen noemen, gescheiden door ; of ,.",
    unreadable: "Het bestand is leeg of geen leesbare CSV of Excel-werkmap (.xlsx).",
    "no-units": "Het bestand bevat geen eenheden.",
    "unknown-column": "Onbekende kolom.",
    "duplicate-column": "Deze kolom staat er twee keer.",
    "missing-column": "Deze kolom ontbreekt.",
    "field-count": "Deze rij heeft niet evenveel velden als de kopregel.",
    missing: "Leeg; dit veld is verplicht.",
    "too-long": "Te lang (code hoogstens 64, naam hoogstens 200 tekens).",
    "duplicate-code": "Deze code staat ook op een andere rij.",
    kind: "Soort moet entity, faculty, service of department zijn.",
    headcount: "Personeel moet een geheel getal van minstens 0 zijn.",
    "own-parent": "Een eenheid kan niet onder zichzelf vallen.",
    "unknown-parent": "Deze bovenliggende code staat niet in het bestand.",
    cycle: "Deze eenheid valt via haar bovenliggende eenheden onder zichzelf (een kring).",
  },
};

const fr: OrganisationMessages = {
  listTitle: "Organisations",
  listIntro:
    "Une organisation a un arbre d'unités (entités, facultés, services, départements). Les enquêtes choisissent leurs unités dans cet arbre.",
  listCaption: (count) => (count === 1 ? "1 organisation" : `${count} organisations`),
  noOrganisations: "Il n'y a pas encore d'organisation.",
  unitCount: (count) => (count === 1 ? "1 unité" : `${count} unités`),
  createTitle: "Nouvelle organisation",
  slug: "Nom court dans les adresses",
  slugHint: "Minuscules, chiffres et traits d'union, p. ex. agence-integration.",
  nameIn: { nl: "Nom en néerlandais", fr: "Nom en français", en: "Nom en anglais" },
  create: "Créer l'organisation",
  creating: "Création…",
  created: (name) => `L'organisation ${name} est créée. Ajoutez maintenant ses unités.`,
  slugTaken: "Ce nom court est déjà utilisé.",
  treeTitle: (organisation) => `Unités de ${organisation}`,
  treeIntro:
    "Les unités ne sont jamais supprimées : une unité qui n'existe plus est désactivée. Elle reste dans les résultats des enquêtes passées et n'est plus proposée à aucune nouvelle enquête.",
  backToList: "Toutes les organisations",
  treeCaption: (active, retired) =>
    `${active === 1 ? "1 unité active" : `${active} unités actives`}${retired > 0 ? `, ${retired} désactivée(s)` : ""}`,
  emptyTree: "Cette organisation n'a pas encore d'unités. Ajoutez-en une ou importez un fichier.",
  unitName: "Unité",
  code: "Code",
  kind: "Type",
  kinds: { entity: "entité", faculty: "faculté", service: "service", department: "département" },
  headcount: "Effectif",
  state: "État",
  active: "active",
  retired: "désactivée",
  inUse: "dans une enquête",
  inUseHint: "Utilisée par une enquête qui a été ouverte.",
  actions: "Actions",
  change: (unit) => `Modifier ${unit}`,
  changeShort: "Modifier",
  addTitle: "Ajouter une unité",
  add: "Ajouter l'unité",
  adding: "Ajout…",
  parent: "Fait partie de",
  topLevel: "— au sommet (pas d'unité parente) —",
  topLevelShort: "au sommet",
  headcountHint: "Nombre de membres du personnel selon vos propres données ; peut rester vide.",
  codeHint: "Unique dans l'organisation, comme dans le fichier d'import ; non modifiable ensuite.",
  editTitle: (unit) => `Modifier ${unit}`,
  save: "Enregistrer les modifications",
  cancel: "Annuler",
  retire: "Désactiver",
  reinstate: "Réactiver",
  retireHint:
    "Une unité désactivée est conservée (y compris dans les résultats passés) mais n'est proposée à aucune nouvelle enquête.",
  retiredHint: "Cette unité est désactivée. Réactivez-la pour la modifier.",
  saved: (unit) => `${unit} est modifiée.`,
  unitAdded: (unit) => `${unit} est ajoutée.`,
  unitRetired: (unit) => `${unit} est désactivée.`,
  unitReinstated: (unit) => `${unit} est réactivée.`,
  noChange: "Il n'y avait rien à modifier.",
  fieldErrors: {
    code: "Ce code est déjà utilisé (une unité désactivée garde aussi son code) ou n'est pas valable.",
    parentCode: "Choisissez une unité parente active qui ne se trouve pas sous cette unité.",
    kind: "Choisissez un type.",
    name: "Indiquez le nom (200 caractères au plus).",
    headcount: "Un nombre entier d'au moins 0, ou vide.",
    retired: "Désactivez ou déplacez d'abord les unités en dessous.",
  },
  unitInUse:
    "Rien n'a été modifié : cette unité (ou une unité en dessous) est utilisée par une enquête qui a été ouverte et garde sa place dans l'arbre.",
  importTitle: "Importer depuis un fichier",
  importIntro:
    "Le fichier est l'arbre entier : une unité absente du fichier est désactivée ; une unité qui y revient est réactivée. Vous voyez d'abord ce qui change, puis vous l'appliquez.",
  importColumns:
    "Excel (.xlsx, première feuille) ou CSV (UTF-8, séparé par ; ou ,) avec les colonnes code, parent_code, kind (entity, faculty, service ou department), name_nl, name_fr, name_en et éventuellement headcount.",
  file: "Fichier des unités",
  fileHint: ".csv ou .xlsx",
  preview: "Voir ce qui change",
  previewing: "Lecture…",
  chooseFile: "Choisissez d'abord un fichier.",
  planTitle: "Ce qui change",
  planNothing: "Le fichier ne change rien à l'arbre.",
  planSummary: (changes, unchanged) =>
    `${changes === 1 ? "1 modification" : `${changes} modifications`} ; ${unchanged === 1 ? "1 unité reste" : `${unchanged} unités restent`} inchangée(s).`,
  planParts: {
    added: "Ajoutées",
    renamed: "Renommées",
    moved: "Déplacées",
    kindChanged: "Autre type",
    headcountChanged: "Autre effectif",
    retired: "Désactivées",
    reinstated: "Réactivées",
  },
  movedTo: (from, to) => `de ${from} vers ${to}`,
  renamedTo: (from, to) => `« ${from} » devient « ${to} »`,
  changedTo: (from, to) => `${from} → ${to}`,
  none: "aucune",
  apply: "Appliquer ces modifications",
  applying: "Application…",
  applied: (changes) =>
    changes === 1
      ? "1 modification a été appliquée."
      : `${changes} modifications ont été appliquées.`,
  faultsTitle: (count) =>
    count === 1 ? "1 erreur dans le fichier" : `${count} erreurs dans le fichier`,
  faultsIntro: "Rien n'a été modifié. Corrigez le fichier et relancez l'aperçu.",
  row: "Ligne",
  column: "Colonne",
  fault: "Erreur",
  wholeFile: "tout le fichier",
  faults: {
    encoding:
      "Le fichier n'est pas un texte UTF-8. Enregistrez-le en CSV UTF-8 ou en classeur Excel.",
    separator: "La première ligne doit nommer les colonnes, séparées par ; ou ,.",
    unreadable: "Le fichier est vide ou n'est pas un CSV ou un classeur Excel (.xlsx) lisible.",
    "no-units": "Le fichier ne contient aucune unité.",
    "unknown-column": "Colonne inconnue.",
    "duplicate-column": "Cette colonne figure deux fois.",
    "missing-column": "Cette colonne manque.",
    "field-count": "Cette ligne n'a pas autant de champs que l'en-tête.",
    missing: "Vide ; ce champ est obligatoire.",
    "too-long": "Trop long (code : 64 caractères au plus, nom : 200).",
    "duplicate-code": "Ce code figure aussi sur une autre ligne.",
    kind: "Le type doit être entity, faculty, service ou department.",
    headcount: "L'effectif doit être un nombre entier d'au moins 0.",
    "own-parent": "Une unité ne peut pas faire partie d'elle-même.",
    "unknown-parent": "Ce code parent ne figure pas dans le fichier.",
    cycle: "Cette unité fait partie d'elle-même par ses unités parentes (un cycle).",
  },
};

const en: OrganisationMessages = {
  listTitle: "Organisations",
  listIntro:
    "An organisation has a tree of units (entities, faculties, services, departments). Campaigns pick their units from that tree.",
  listCaption: (count) => (count === 1 ? "1 organisation" : `${count} organisations`),
  noOrganisations: "There is no organisation yet.",
  unitCount: (count) => (count === 1 ? "1 unit" : `${count} units`),
  createTitle: "New organisation",
  slug: "Short name in addresses",
  slugHint: "Lower-case letters, digits and hyphens, e.g. integration-agency.",
  nameIn: { nl: "Name in Dutch", fr: "Name in French", en: "Name in English" },
  create: "Create organisation",
  creating: "Creating…",
  created: (name) => `Organisation ${name} was created. Now add its units.`,
  slugTaken: "This short name is taken.",
  treeTitle: (organisation) => `Units of ${organisation}`,
  treeIntro:
    "Units are never deleted: a unit that no longer exists is retired. It stays in the results of past campaigns and is offered to no new campaign.",
  backToList: "All organisations",
  treeCaption: (active, retired) =>
    `${active === 1 ? "1 active unit" : `${active} active units`}${retired > 0 ? `, ${retired} retired` : ""}`,
  emptyTree: "This organisation has no units yet. Add one or import a file.",
  unitName: "Unit",
  code: "Code",
  kind: "Kind",
  kinds: { entity: "entity", faculty: "faculty", service: "service", department: "department" },
  headcount: "Staff",
  state: "State",
  active: "active",
  retired: "retired",
  inUse: "in a campaign",
  inUseHint: "Used by a campaign that was opened.",
  actions: "Actions",
  change: (unit) => `Change ${unit}`,
  changeShort: "Change",
  addTitle: "Add a unit",
  add: "Add unit",
  adding: "Adding…",
  parent: "Part of",
  topLevel: "— top level (no parent unit) —",
  topLevelShort: "top level",
  headcountHint: "Number of staff by your own records; may stay empty.",
  codeHint: "Unique in the organisation, as in the import file; cannot be changed later.",
  editTitle: (unit) => `Change ${unit}`,
  save: "Save changes",
  cancel: "Cancel",
  retire: "Retire",
  reinstate: "Reinstate",
  retireHint: "A retired unit is kept (also in past results) but offered to no new campaign.",
  retiredHint: "This unit is retired. Reinstate it to change it.",
  saved: (unit) => `${unit} was changed.`,
  unitAdded: (unit) => `${unit} was added.`,
  unitRetired: (unit) => `${unit} is retired.`,
  unitReinstated: (unit) => `${unit} is active again.`,
  noChange: "There was nothing to change.",
  fieldErrors: {
    code: "This code is taken (a retired unit keeps its code too) or not valid.",
    parentCode: "Choose a parent unit that is active and does not lie below this unit.",
    kind: "Choose a kind.",
    name: "Fill in the name (at most 200 characters).",
    headcount: "A whole number of at least 0, or empty.",
    retired: "Retire or move the units below it first.",
  },
  unitInUse:
    "Nothing was changed: this unit (or a unit below it) is used by a campaign that was opened and keeps its place in the tree.",
  importTitle: "Import from a file",
  importIntro:
    "The file is the whole tree: a unit left out is retired; a unit that comes back is reinstated. You first see what changes, then you apply it.",
  importColumns:
    "Excel (.xlsx, first sheet) or CSV (UTF-8, separated by ; or ,) with the columns code, parent_code, kind (entity, faculty, service or department), name_nl, name_fr, name_en and optionally headcount.",
  file: "Unit file",
  fileHint: ".csv or .xlsx",
  preview: "Show what changes",
  previewing: "Reading…",
  chooseFile: "Choose a file first.",
  planTitle: "What changes",
  planNothing: "The file changes nothing in the tree.",
  planSummary: (changes, unchanged) =>
    `${changes === 1 ? "1 change" : `${changes} changes`}; ${unchanged === 1 ? "1 unit stays" : `${unchanged} units stay`} as is.`,
  planParts: {
    added: "Added",
    renamed: "Renamed",
    moved: "Moved",
    kindChanged: "Another kind",
    headcountChanged: "Another headcount",
    retired: "Retired",
    reinstated: "Reinstated",
  },
  movedTo: (from, to) => `from ${from} to ${to}`,
  renamedTo: (from, to) => `“${from}” becomes “${to}”`,
  changedTo: (from, to) => `${from} → ${to}`,
  none: "none",
  apply: "Apply these changes",
  applying: "Applying…",
  applied: (changes) =>
    changes === 1 ? "1 change was applied." : `${changes} changes were applied.`,
  faultsTitle: (count) => (count === 1 ? "1 fault in the file" : `${count} faults in the file`),
  faultsIntro: "Nothing was changed. Correct the file and preview it again.",
  row: "Row",
  column: "Column",
  fault: "Fault",
  wholeFile: "the whole file",
  faults: {
    encoding: "The file is not UTF-8 text. Save it as CSV UTF-8 or as an Excel workbook.",
    separator: "The first row must name the columns, separated by ; or ,.",
    unreadable: "The file is empty or not a readable CSV or Excel workbook (.xlsx).",
    "no-units": "The file lists no units.",
    "unknown-column": "Unknown column.",
    "duplicate-column": "This column appears twice.",
    "missing-column": "This column is missing.",
    "field-count": "This row does not have as many fields as the header.",
    missing: "Empty; this field is required.",
    "too-long": "Too long (code at most 64, name at most 200 characters).",
    "duplicate-code": "This code is also on another row.",
    kind: "Kind must be entity, faculty, service or department.",
    headcount: "Staff must be a whole number of at least 0.",
    "own-parent": "A unit cannot be part of itself.",
    "unknown-parent": "This parent code is not in the file.",
    cycle: "This unit is part of itself through its parents (a cycle).",
  },
};

export const ORGANISATION_MESSAGES: Record<Locale, OrganisationMessages> = { nl, fr, en };
