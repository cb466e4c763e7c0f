import type { Locale } from "../../i18n/locales";

/** Texts of the audit log screen. */
export interface AuditMessages {
  title: string;
  intro: string;
  caption: string;
  time: string;
  who: string;
  action: string;
  target: string;
  details: string;
  system: string;
  unknownAccount: string;
  loadOlder: string;
  loadingOlder: string;
  noOlder: string;
  empty: string;
  shown: (count: number) => string;
  /** Readable names of the actions the server records; others are shown as written. */
  actions: Record<string, string>;
  /** Readable names of detail fields; others are shown as written. */
  detailNames: Record<string, string>;
  /** Readable detail values (reasons of failed sign-ins, yes/no). */
  detailValues: Record<string, string>;
}

const nl: AuditMessages = {
  title: "Logboek",
  intro:
    "Elke beheershandeling, aanmelding en inzage of export van resultaten, nieuwste eerst. Tijden in Brusselse tijd. Wat respondenten doen, wordt nooit gelogd.",
  caption: "Logboek, nieuwste eerst",
  time: "Tijdstip",
  who: "Wie",
  action: "Handeling",
  target: "Waarop",
  details: "Details",
  system: "Peilpunt (automatisch)",
  unknownAccount: "Onbekend account",
  loadOlder: "Oudere regels laden",
  loadingOlder: "Bezig met laden…",
  noOlder: "Er zijn geen oudere regels.",
  empty: "Het logboek is nog leeg.",
  shown: (count) => (count === 1 ? "1 regel getoond." : `${count} regels getoond.`),
  actions: {
    "login.success": "Aangemeld",
    "login.failure": "Mislukte aanmelding",
    "login.refused": "Aanmeldingen geweigerd (geblokkeerd)",
    logout: "Afgemeld",
    "campaign.create": "Bevraging aangemaakt",
    "campaign.update": "Bevraging gewijzigd",
    "campaign.open": "Bevraging geopend",
    "campaign.close": "Bevraging gesloten",
    "campaign.archive": "Bevraging gearchiveerd",
    "codes.generate": "Uitnodigingscodes gemaakt",
    "results.view": "Resultaten bekeken",
    "results.export": "Resultaten gedownload",
    "user.create": "Account aangemaakt",
    "user.update": "Account gewijzigd",
    "user.delete": "Account verwijderd",
    "password.change": "Eigen wachtwoord gewijzigd",
    "password.change-failure": "Wachtwoordwijziging mislukt",
    "retention.delete": "Ruwe antwoorden gewist (bewaartermijn verstreken)",
  },
  detailNames: {
    reason: "reden",
    role: "rol",
    organisationId: "organisatie",
    unitId: "eenheid",
    count: "aantal",
    scope: "blokkering van",
    lockedUntil: "geblokkeerd tot",
    lastAt: "laatste poging",
    responses: "antwoorden",
    passwordChanged: "wachtwoord gewijzigd",
    fields: "velden",
    opensAt: "opent",
    closesAt: "sluit",
    k: "k",
  },
  detailValues: {
    "wrong-password": "verkeerd wachtwoord",
    "unknown-account": "onbekend account",
    locked: "geblokkeerd na te veel pogingen",
    account: "account",
    network: "netwerk",
    true: "ja",
    false: "nee",
    null: "—",
    admin: "beheerder",
    coordinator: "coördinator",
    evaluator: "evaluator",
  },
};

const fr: AuditMessages = {
  title: "Journal",
  intro:
    "Chaque action de gestion, connexion et consultation ou export de résultats, les plus récentes d'abord. Heures de Bruxelles. Ce que font les répondants n'est jamais journalisé.",
  caption: "Journal, les plus récentes d'abord",
  time: "Moment",
  who: "Qui",
  action: "Action",
  target: "Sur quoi",
  details: "Détails",
  system: "Peilpunt (automatique)",
  unknownAccount: "Compte inconnu",
  loadOlder: "Charger des entrées plus anciennes",
  loadingOlder: "Chargement…",
  noOlder: "Il n'y a pas d'entrées plus anciennes.",
  empty: "Le journal est encore vide.",
  shown: (count) => (count === 1 ? "1 entrée affichée." : `${count} entrées affichées.`),
  actions: {
    "login.success": "Connexion",
    "login.failure": "Connexion échouée",
    "login.refused": "Connexions refusées (bloqué)",
    logout: "Déconnexion",
    "campaign.create": "Enquête créée",
    "campaign.update": "Enquête modifiée",
    "campaign.open": "Enquête ouverte",
    "campaign.close": "Enquête clôturée",
    "campaign.archive": "Enquête archivée",
    "codes.generate": "Codes d'invitation générés",
    "results.view": "Résultats consultés",
    "results.export": "Résultats téléchargés",
    "user.create": "Compte créé",
    "user.update": "Compte modifié",
    "user.delete": "Compte supprimé",
    "password.change": "Mot de passe personnel changé",
    "password.change-failure": "Changement de mot de passe échoué",
    "retention.delete": "Réponses brutes effacées (délai de conservation écoulé)",
  },
  detailNames: {
    reason: "raison",
    role: "rôle",
    organisationId: "organisation",
    unitId: "unité",
    count: "nombre",
    scope: "blocage de",
    lockedUntil: "bloqué jusqu’à",
    lastAt: "dernière tentative",
    responses: "réponses",
    passwordChanged: "mot de passe changé",
    fields: "champs",
    opensAt: "ouverture",
    closesAt: "clôture",
    k: "k",
  },
  detailValues: {
    "wrong-password": "mot de passe incorrect",
    "unknown-account": "compte inconnu",
    locked: "bloqué après trop de tentatives",
    account: "compte",
    network: "réseau",
    true: "oui",
    false: "non",
    null: "—",
    admin: "administrateur",
    coordinator: "coordinateur",
    evaluator: "évaluateur",
  },
};

const en: AuditMessages = {
  title: "Audit log",
  intro:
    "Every administrative action, sign-in and view or export of results, newest first. Times in Brussels time. What respondents do is never logged.",
  caption: "Audit log, newest first",
  time: "Time",
  who: "Who",
  action: "Action",
  target: "On what",
  details: "Details",
  system: "Peilpunt (automatic)",
  unknownAccount: "Unknown account",
  loadOlder: "Load older entries",
  loadingOlder: "Loading…",
  noOlder: "There are no older entries.",
  empty: "The audit log is still empty.",
  shown: (count) => (count === 1 ? "1 entry shown." : `${count} entries shown.`),
  actions: {
    "login.success": "Signed in",
    "login.failure": "Failed sign-in",
    "login.refused": "Sign-ins refused (locked)",
    logout: "Signed out",
    "campaign.create": "Campaign created",
    "campaign.update": "Campaign changed",
    "campaign.open": "Campaign opened",
    "campaign.close": "Campaign closed",
    "campaign.archive": "Campaign archived",
    "codes.generate": "Invitation codes generated",
    "results.view": "Results viewed",
    "results.export": "Results downloaded",
    "user.create": "Account created",
    "user.update": "Account changed",
    "user.delete": "Account deleted",
    "password.change": "Own password changed",
    "password.change-failure": "Password change failed",
    "retention.delete": "Raw responses deleted (retention period over)",
  },
  detailNames: {
    reason: "reason",
    role: "role",
    organisationId: "organisation",
    unitId: "unit",
    count: "count",
    scope: "lock on",
    lockedUntil: "locked until",
    lastAt: "last attempt",
    responses: "responses",
    passwordChanged: "password changed",
    fields: "fields",
    opensAt: "opens",
    closesAt: "closes",
    k: "k",
  },
  detailValues: {
    "wrong-password": "wrong password",
    "unknown-account": "unknown account",
    locked: "locked after too many attempts",
    account: "account",
    network: "network",
    true: "yes",
    false: "no",
    null: "—",
    admin: "admin",
    coordinator: "coordinator",
    evaluator: "evaluator",
  },
};

export const AUDIT_MESSAGES: Record<Locale, AuditMessages> = { nl, fr, en };
