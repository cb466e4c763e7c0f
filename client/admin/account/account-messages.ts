import type { Locale } from "../../i18n/locales";

/** Texts of the account screen: who I am and my password. */
export interface AccountMessages {
  title: string;
  whoTitle: string;
  email: string;
  role: string;
  organisation: string;
  unit: string;
  allOrganisations: string;
  wholeOrganisation: string;
  passwordTitle: string;
  passwordIntro: string;
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
  newPasswordHint: (minimum: number) => string;
  change: string;
  changing: string;
  changed: string;
  mismatch: string;
  tooShort: (minimum: number) => string;
  sameAsCurrent: string;
  wrongCurrent: string;
  rejected: string;
}

const nl: AccountMessages = {
  title: "Mijn account",
  whoTitle: "Wie ben ik",
  email: "E-mailadres",
  role: "Rol",
  organisation: "Organisatie",
  unit: "Eenheid",
  allOrganisations: "Alle organisaties",
  wholeOrganisation: "De hele organisatie",
  passwordTitle: "Wachtwoord wijzigen",
  passwordIntro:
    "Na de wijziging blijf je hier aangemeld; je sessies op andere toestellen worden afgesloten.",
  currentPassword: "Huidig wachtwoord",
  newPassword: "Nieuw wachtwoord",
  repeatPassword: "Herhaal het nieuwe wachtwoord",
  newPasswordHint: (minimum) =>
    `Minstens ${minimum} tekens. Een zin van enkele woorden is sterk en makkelijk te onthouden.`,
  change: "Wachtwoord wijzigen",
  changing: "Bezig met wijzigen…",
  changed: "Je wachtwoord is gewijzigd. Je andere sessies zijn afgemeld.",
  mismatch: "De twee nieuwe wachtwoorden zijn niet gelijk.",
  tooShort: (minimum) => `Het nieuwe wachtwoord moet minstens ${minimum} tekens tellen.`,
  sameAsCurrent: "Kies een ander wachtwoord dan je huidige.",
  wrongCurrent: "Het huidige wachtwoord klopt niet.",
  rejected: "Het wachtwoord werd niet aanvaard. Controleer de velden.",
};

const fr: AccountMessages = {
  title: "Mon compte",
  whoTitle: "Qui suis-je",
  email: "Adresse e-mail",
  role: "Rôle",
  organisation: "Organisation",
  unit: "Unité",
  allOrganisations: "Toutes les organisations",
  wholeOrganisation: "Toute l'organisation",
  passwordTitle: "Changer de mot de passe",
  passwordIntro:
    "Après le changement, vous restez connecté·e ici ; vos sessions sur d'autres appareils sont fermées.",
  currentPassword: "Mot de passe actuel",
  newPassword: "Nouveau mot de passe",
  repeatPassword: "Répétez le nouveau mot de passe",
  newPasswordHint: (minimum) =>
    `Au moins ${minimum} caractères. Une phrase de quelques mots est solide et facile à retenir.`,
  change: "Changer le mot de passe",
  changing: "Changement en cours…",
  changed: "Votre mot de passe a été changé. Vos autres sessions ont été fermées.",
  mismatch: "Les deux nouveaux mots de passe ne sont pas identiques.",
  tooShort: (minimum) => `Le nouveau mot de passe doit compter au moins ${minimum} caractères.`,
  sameAsCurrent: "Choisissez un mot de passe différent de l'actuel.",
  wrongCurrent: "Le mot de passe actuel est incorrect.",
  rejected: "Le mot de passe n'a pas été accepté. Vérifiez les champs.",
};

const en: AccountMessages = {
  title: "My account",
  whoTitle: "Who I am",
  email: "E-mail address",
  role: "Role",
  organisation: "Organisation",
  unit: "Unit",
  allOrganisations: "All organisations",
  wholeOrganisation: "The whole organisation",
  passwordTitle: "Change password",
  passwordIntro:
    "After the change you stay signed in here; your sessions on other devices are signed out.",
  currentPassword: "Current password",
  newPassword: "New password",
  repeatPassword: "Repeat the new password",
  newPasswordHint: (minimum) =>
    `At least ${minimum} characters. A sentence of a few words is strong and easy to remember.`,
  change: "Change password",
  changing: "Changing…",
  changed: "Your password has been changed. Your other sessions have been signed out.",
  mismatch: "The two new passwords are not the same.",
  tooShort: (minimum) => `The new password must have at least ${minimum} characters.`,
  sameAsCurrent: "Choose a password other than your current one.",
  wrongCurrent: "The current password is wrong.",
  rejected: "The password was not accepted. Check the fields.",
};

export const ACCOUNT_MESSAGES: Record<Locale, AccountMessages> = { nl, fr, en };
