import type { Locale } from "../../i18n/locales";

type Field = "email" | "role" | "organisationId" | "unitId" | "campaigns" | "password";

/** Texts of the users screen: accounts, roles and their scope. */
export interface UsersMessages {
  title: string;
  intro: string;
  listCaption: (count: number) => string;
  email: string;
  role: string;
  organisation: string;
  unit: string;
  language: string;
  actions: string;
  noOrganisation: string;
  wholeOrganisation: string;
  campaigns: string;
  campaignsHint: string;
  noCampaigns: string;
  limitedTo: (count: number) => string;
  chooseOrganisation: string;
  roleHints: Record<"admin" | "coordinator" | "evaluator", string>;
  you: string;
  editShort: string;
  removeShort: string;
  edit: (email: string) => string;
  remove: (email: string) => string;
  confirmRemove: (email: string) => string;
  confirmRemoveYes: string;
  cancel: string;
  removed: (email: string) => string;
  createTitle: string;
  initialPassword: string;
  initialPasswordHint: (minimum: number) => string;
  generate: string;
  create: string;
  creating: string;
  created: (email: string) => string;
  passOn: string;
  editTitle: (email: string) => string;
  newPassword: string;
  newPasswordHint: (minimum: number) => string;
  save: string;
  saved: (email: string) => string;
  fieldErrors: Record<Field, string>;
  emailTaken: string;
  tooShort: (minimum: number) => string;
  ownAccount: string;
  lastAdmin: string;
}

const nl: UsersMessages = {
  title: "Gebruikers",
  intro:
    "Beheerders beheren alles; een coördinator beheert de bevragingen van één organisatie; een evaluator leest de resultaten van een organisatie of van één eenheid en de eenheden eronder.",
  listCaption: (count) => (count === 1 ? "1 account" : `${count} accounts`),
  email: "E-mailadres",
  role: "Rol",
  organisation: "Organisatie",
  unit: "Eenheid",
  language: "Taal van het account",
  actions: "Acties",
  noOrganisation: "Alle (beheerder)",
  wholeOrganisation: "De hele organisatie",
  campaigns: "Alleen deze bevragingen",
  campaignsHint:
    "Niets aangevinkt: de evaluator leest alle bevragingen van de organisatie. Aangevinkt: alleen die; andere bevragingen, hun deelname, resultaten en exports bestaan voor hem of haar niet.",
  noCampaigns: "Deze organisatie heeft nog geen bevragingen.",
  limitedTo: (count) => (count === 1 ? "1 bevraging" : `${count} bevragingen`),
  chooseOrganisation: "Kies een organisatie",
  roleHints: {
    admin: "Beheerder: alle organisaties, accounts en het volledige logboek.",
    coordinator: "Coördinator: de bevragingen en het logboek van één organisatie.",
    evaluator:
      "Evaluator: alleen lezen; resultaten van de organisatie, of van één eenheid en wat eronder valt.",
  },
  you: "(jij)",
  editShort: "Wijzigen",
  removeShort: "Verwijderen",
  edit: (email) => `Rol of bereik van ${email} wijzigen`,
  remove: (email) => `${email} verwijderen`,
  confirmRemove: (email) =>
    `${email} definitief verwijderen? De sessies van dit account worden afgesloten; het logboek bewaart het e-mailadres.`,
  confirmRemoveYes: "Ja, verwijderen",
  cancel: "Annuleren",
  removed: (email) => `Het account ${email} is verwijderd.`,
  createTitle: "Nieuw account",
  initialPassword: "Startwachtwoord",
  initialPasswordHint: (minimum) =>
    `Minstens ${minimum} tekens. Laat er een maken, geef het veilig door (niet in dezelfde e-mail als het adres) en vraag om het meteen te wijzigen.`,
  generate: "Wachtwoord maken",
  create: "Account aanmaken",
  creating: "Bezig met aanmaken…",
  created: (email) => `Het account ${email} is aangemaakt.`,
  passOn:
    "Geef dit startwachtwoord nu door; het wordt hierna niet meer getoond en nergens leesbaar bewaard:",
  editTitle: (email) => `${email} wijzigen`,
  newPassword: "Nieuw wachtwoord (optioneel)",
  newPasswordHint: (minimum) =>
    `Laat leeg om het wachtwoord te behouden. Een nieuw wachtwoord (minstens ${minimum} tekens) sluit alle sessies van dit account af.`,
  save: "Bewaren",
  saved: (email) => `De wijzigingen voor ${email} zijn bewaard.`,
  fieldErrors: {
    email: "Vul een geldig e-mailadres in.",
    role: "Kies een rol.",
    organisationId: "Kies een organisatie voor deze rol.",
    unitId: "Deze eenheid past niet bij de rol of de organisatie.",
    campaigns:
      "Alleen een evaluator wordt beperkt, en alleen tot bevragingen van zijn of haar organisatie.",
    password: "Het wachtwoord moet minstens 12 tekens tellen.",
  },
  emailTaken: "Er bestaat al een account met dit e-mailadres.",
  tooShort: (minimum) => `Het wachtwoord moet minstens ${minimum} tekens tellen.`,
  ownAccount: "Je kunt je eigen account niet verwijderen.",
  lastAdmin: "Dit is de laatste beheerder: die moet blijven bestaan en beheerder blijven.",
};

const fr: UsersMessages = {
  title: "Utilisateurs",
  intro:
    "Les administrateurs gèrent tout ; un coordinateur gère les enquêtes d'une organisation ; un évaluateur lit les résultats d'une organisation ou d'une unité et des unités qui en dépendent.",
  listCaption: (count) => (count === 1 ? "1 compte" : `${count} comptes`),
  email: "Adresse e-mail",
  role: "Rôle",
  organisation: "Organisation",
  unit: "Unité",
  language: "Langue du compte",
  actions: "Actions",
  noOrganisation: "Toutes (administrateur)",
  wholeOrganisation: "Toute l'organisation",
  campaigns: "Seulement ces enquêtes",
  campaignsHint:
    "Rien de coché : l'évaluateur lit toutes les enquêtes de l'organisation. Coché : seulement celles-là ; les autres enquêtes, leur participation, leurs résultats et exports n'existent pas pour lui ou elle.",
  noCampaigns: "Cette organisation n'a pas encore d'enquêtes.",
  limitedTo: (count) => (count === 1 ? "1 enquête" : `${count} enquêtes`),
  chooseOrganisation: "Choisissez une organisation",
  roleHints: {
    admin: "Administrateur : toutes les organisations, les comptes et le journal complet.",
    coordinator: "Coordinateur : les enquêtes et le journal d'une organisation.",
    evaluator:
      "Évaluateur : lecture seule ; résultats de l'organisation, ou d'une unité et de ce qui en dépend.",
  },
  you: "(vous)",
  editShort: "Modifier",
  removeShort: "Supprimer",
  edit: (email) => `Modifier le rôle ou la portée de ${email}`,
  remove: (email) => `Supprimer ${email}`,
  confirmRemove: (email) =>
    `Supprimer définitivement ${email} ? Les sessions de ce compte sont fermées ; le journal conserve l'adresse e-mail.`,
  confirmRemoveYes: "Oui, supprimer",
  cancel: "Annuler",
  removed: (email) => `Le compte ${email} a été supprimé.`,
  createTitle: "Nouveau compte",
  initialPassword: "Mot de passe initial",
  initialPasswordHint: (minimum) =>
    `Au moins ${minimum} caractères. Faites-en générer un, transmettez-le de manière sûre (pas dans le même e-mail que l'adresse) et demandez de le changer tout de suite.`,
  generate: "Générer un mot de passe",
  create: "Créer le compte",
  creating: "Création en cours…",
  created: (email) => `Le compte ${email} a été créé.`,
  passOn:
    "Transmettez ce mot de passe initial maintenant ; il ne sera plus affiché et n'est conservé nulle part en clair :",
  editTitle: (email) => `Modifier ${email}`,
  newPassword: "Nouveau mot de passe (facultatif)",
  newPasswordHint: (minimum) =>
    `Laissez vide pour garder le mot de passe. Un nouveau mot de passe (au moins ${minimum} caractères) ferme toutes les sessions de ce compte.`,
  save: "Enregistrer",
  saved: (email) => `Les modifications pour ${email} ont été enregistrées.`,
  fieldErrors: {
    email: "Saisissez une adresse e-mail valide.",
    role: "Choisissez un rôle.",
    organisationId: "Choisissez une organisation pour ce rôle.",
    unitId: "Cette unité ne correspond pas au rôle ou à l'organisation.",
    campaigns: "Seul un évaluateur est limité, et seulement à des enquêtes de son organisation.",
    password: "Le mot de passe doit compter au moins 12 caractères.",
  },
  emailTaken: "Un compte existe déjà pour cette adresse e-mail.",
  tooShort: (minimum) => `Le mot de passe doit compter au moins ${minimum} caractères.`,
  ownAccount: "Vous ne pouvez pas supprimer votre propre compte.",
  lastAdmin: "C'est le dernier administrateur : il doit être conservé et rester administrateur.",
};

const en: UsersMessages = {
  title: "Users",
  intro:
    "Admins manage everything; a coordinator manages the campaigns of one organisation; an evaluator reads the results of an organisation, or of one unit and the units below it.",
  listCaption: (count) => (count === 1 ? "1 account" : `${count} accounts`),
  email: "E-mail address",
  role: "Role",
  organisation: "Organisation",
  unit: "Unit",
  language: "Account language",
  actions: "Actions",
  noOrganisation: "All (admin)",
  wholeOrganisation: "The whole organisation",
  campaigns: "Only these campaigns",
  campaignsHint:
    "None ticked: the evaluator reads every campaign of the organisation. Ticked: only those; other campaigns, their participation, results and exports do not exist for them.",
  noCampaigns: "This organisation has no campaigns yet.",
  limitedTo: (count) => (count === 1 ? "1 campaign" : `${count} campaigns`),
  chooseOrganisation: "Choose an organisation",
  roleHints: {
    admin: "Admin: every organisation, the accounts and the whole audit log.",
    coordinator: "Coordinator: the campaigns and audit log of one organisation.",
    evaluator:
      "Evaluator: read only; results of the organisation, or of one unit and what lies below it.",
  },
  you: "(you)",
  editShort: "Change",
  removeShort: "Delete",
  edit: (email) => `Change the role or scope of ${email}`,
  remove: (email) => `Delete ${email}`,
  confirmRemove: (email) =>
    `Delete ${email} for good? The account's sessions end; the audit log keeps the e-mail address.`,
  confirmRemoveYes: "Yes, delete",
  cancel: "Cancel",
  removed: (email) => `The account ${email} has been deleted.`,
  createTitle: "New account",
  initialPassword: "Initial password",
  initialPasswordHint: (minimum) =>
    `At least ${minimum} characters. Generate one, pass it on safely (not in the same e-mail as the address) and ask for it to be changed at once.`,
  generate: "Generate password",
  create: "Create account",
  creating: "Creating…",
  created: (email) => `The account ${email} has been created.`,
  passOn:
    "Pass this initial password on now; it will not be shown again and is stored nowhere readable:",
  editTitle: (email) => `Change ${email}`,
  newPassword: "New password (optional)",
  newPasswordHint: (minimum) =>
    `Leave empty to keep the password. A new password (at least ${minimum} characters) ends every session of this account.`,
  save: "Save",
  saved: (email) => `The changes for ${email} have been saved.`,
  fieldErrors: {
    email: "Enter a valid e-mail address.",
    role: "Choose a role.",
    organisationId: "Choose an organisation for this role.",
    unitId: "This unit does not fit the role or the organisation.",
    campaigns: "Only an evaluator is limited, and only to campaigns of their organisation.",
    password: "The password must have at least 12 characters.",
  },
  emailTaken: "There is already an account with this e-mail address.",
  tooShort: (minimum) => `The password must have at least ${minimum} characters.`,
  ownAccount: "You cannot delete your own account.",
  lastAdmin: "This is the last admin: it must stay, and stay an admin.",
};

export const USERS_MESSAGES: Record<Locale, UsersMessages> = { nl, fr, en };
