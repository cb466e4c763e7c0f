import type { Locale } from "../../i18n/locales";

/** Texts of the invitation sender on a campaign's page. */
export interface InvitationMessages {
  title: string;
  intro: string;
  notConfigured: string;
  separation: string;
  file: string;
  fileHint: string;
  fileMissing: string;
  kind: string;
  kinds: { invitation: string; reminder: string };
  kindHints: { invitation: string; reminder: string };
  send: string;
  sending: string;
  previewTitle: string;
  previewInvitation: string;
  previewReminder: string;
  languages: Record<Locale, string>;
  progressInvitation: (p: {
    listed: number;
    alreadyInvited: number;
    sent: number;
    failed: number;
  }) => string;
  progressReminder: (listed: number) => string;
  done: string;
  underWay: string;
  listProblem: string;
  line: (line: string) => string;
  notConfiguredProblem: string;
  sendingProblem: string;
}

const nl: InvitationMessages = {
  title: "Uitnodigingen versturen",
  intro:
    "Laad de adreslijst op (Excel-werkmap of CSV met ; of ,, met twee kolommen: e-mail en eenheid, de code van de eenheid). Peilpunt maakt voor elk adres een persoonlijke code en mailt de link. Peilpunt bewaart de adressen niet: ze blijven alleen in het geheugen tot de mails vertrokken zijn. Jij krijgt geen enkele code te zien, alleen tellingen.",
  notConfigured:
    "Mail is op deze server niet ingesteld. Maak hieronder codes aan per eenheid en verdeel ze zelf.",
  separation:
    "Wie uitnodigingen verstuurt, kan de resultaten van deze bevraging daarna niet meer lezen (scheiding van taken). Een collega leest ze.",
  file: "Adreslijst (Excel of CSV)",
  fileHint:
    "Om te hervatten of een herinnering te sturen, laad je dezelfde lijst opnieuw op: wie al een uitnodiging kreeg, krijgt geen tweede.",
  fileMissing: "Kies eerst een bestand.",
  kind: "Soort bericht",
  kinds: { invitation: "Uitnodiging", reminder: "Herinnering" },
  kindHints: {
    invitation: "Alleen adressen die nog geen uitnodiging kregen.",
    reminder:
      "Alleen adressen waarvan de code nog niet gebruikt is. Hoeveel dat er zijn, toont Peilpunt niet: anders verraadt een lijst van één adres of die persoon antwoordde.",
  },
  send: "Versturen",
  sending: "Bezig met versturen…",
  previewTitle: "Voorbeeld van de e-mail",
  previewInvitation: "Uitnodiging",
  previewReminder: "Herinnering",
  languages: { nl: "Nederlands", fr: "Frans", en: "Engels" },
  progressInvitation: ({ listed, alreadyInvited, sent, failed }) =>
    `${listed} adressen gelezen: ${sent} uitnodigingen verstuurd, ${alreadyInvited} hadden er al een, ${failed} mislukt.`,
  progressReminder: (listed) =>
    `${listed} adressen gelezen; herinneringen verstuurd waar de code nog niet gebruikt is.`,
  done: "Klaar.",
  underWay: "Bezig…",
  listProblem: "De lijst kon niet gelezen worden:",
  line: (line) => (line.startsWith("list.line") ? `regel ${line.slice(9)}` : "lijst"),
  notConfiguredProblem: "Mail is op deze server niet ingesteld.",
  sendingProblem: "Er wordt al verstuurd voor deze bevraging; wacht tot dat klaar is.",
};

const fr: InvitationMessages = {
  title: "Envoyer les invitations",
  intro:
    "Chargez la liste d'adresses (classeur Excel ou CSV séparé par ; ou ,, avec deux colonnes : e-mail et unité, le code de l'unité). Peilpunt crée un code personnel par adresse et envoie le lien par e-mail. Peilpunt ne conserve pas les adresses : elles restent en mémoire jusqu'au départ des e-mails. Vous ne voyez aucun code, seulement des comptes.",
  notConfigured:
    "L'e-mail n'est pas configuré sur ce serveur. Créez ci-dessous des codes par unité et distribuez-les vous-même.",
  separation:
    "Qui envoie des invitations ne peut plus lire ensuite les résultats de cette enquête (séparation des tâches). Un·e collègue les lit.",
  file: "Liste d'adresses (Excel ou CSV)",
  fileHint:
    "Pour reprendre ou envoyer un rappel, rechargez la même liste : qui a déjà reçu une invitation n'en reçoit pas de seconde.",
  fileMissing: "Choisissez d'abord un fichier.",
  kind: "Type de message",
  kinds: { invitation: "Invitation", reminder: "Rappel" },
  kindHints: {
    invitation: "Seulement les adresses qui n'ont pas encore reçu d'invitation.",
    reminder:
      "Seulement les adresses dont le code n'a pas encore servi. Peilpunt n'en montre pas le nombre : sinon une liste d'une seule adresse révélerait si cette personne a répondu.",
  },
  send: "Envoyer",
  sending: "Envoi en cours…",
  previewTitle: "Aperçu de l'e-mail",
  previewInvitation: "Invitation",
  previewReminder: "Rappel",
  languages: { nl: "Néerlandais", fr: "Français", en: "Anglais" },
  progressInvitation: ({ listed, alreadyInvited, sent, failed }) =>
    `${listed} adresses lues : ${sent} invitations envoyées, ${alreadyInvited} en avaient déjà une, ${failed} échecs.`,
  progressReminder: (listed) =>
    `${listed} adresses lues ; rappels envoyés là où le code n'a pas servi.`,
  done: "Terminé.",
  underWay: "En cours…",
  listProblem: "La liste n'a pas pu être lue :",
  line: (line) => (line.startsWith("list.line") ? `ligne ${line.slice(9)}` : "liste"),
  notConfiguredProblem: "L'e-mail n'est pas configuré sur ce serveur.",
  sendingProblem: "Un envoi est déjà en cours pour cette enquête ; attendez qu'il se termine.",
};

const en: InvitationMessages = {
  title: "Send invitations",
  intro:
    "Upload the address list (an Excel workbook, or CSV separated by ; or ,, with two columns: e-mail and unit, the unit's code). Peilpunt makes a personal code for each address and mails the link. Peilpunt does not keep the addresses: they stay in memory until the mails are gone. You see no code at all, only counts.",
  notConfigured:
    "Mail is not configured on this server. Create codes per unit below and hand them out yourself.",
  separation:
    "Whoever sends invitations can no longer read this campaign's results (separation of duties). A colleague reads them.",
  file: "Address list (Excel or CSV)",
  fileHint:
    "To resume or send a reminder, upload the same list again: whoever already received an invitation gets no second one.",
  fileMissing: "Choose a file first.",
  kind: "Kind of message",
  kinds: { invitation: "Invitation", reminder: "Reminder" },
  kindHints: {
    invitation: "Only addresses that have not had an invitation yet.",
    reminder:
      "Only addresses whose code is still unused. Peilpunt does not show how many: otherwise a list of one address would tell whether that person answered.",
  },
  send: "Send",
  sending: "Sending…",
  previewTitle: "Preview of the e-mail",
  previewInvitation: "Invitation",
  previewReminder: "Reminder",
  languages: { nl: "Dutch", fr: "French", en: "English" },
  progressInvitation: ({ listed, alreadyInvited, sent, failed }) =>
    `${listed} addresses read: ${sent} invitations sent, ${alreadyInvited} already had one, ${failed} failed.`,
  progressReminder: (listed) =>
    `${listed} addresses read; reminders sent where the code is unused.`,
  done: "Done.",
  underWay: "Under way…",
  listProblem: "The list could not be read:",
  line: (line) => (line.startsWith("list.line") ? `line ${line.slice(9)}` : "list"),
  notConfiguredProblem: "Mail is not configured on this server.",
  sendingProblem: "A sending for this campaign is under way; wait until it is done.",
};

export const INVITATION_MESSAGES: Record<Locale, InvitationMessages> = { nl, fr, en };
