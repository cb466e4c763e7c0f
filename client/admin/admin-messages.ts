import type { Locale } from "../i18n/locales";

/** Texts of the admin frame, sign-in and the states every screen shares. */
export interface AdminMessages {
  skipToContent: string;
  languageLabel: string;
  brand: string;
  navLabel: string;
  navCampaigns: string;
  navUsers: string;
  navOrganisations: string;
  navAudit: string;
  navAccount: string;
  signedInAs: (email: string, role: string) => string;
  roles: Record<"admin" | "coordinator" | "evaluator", string>;
  signOut: string;
  signInTitle: string;
  email: string;
  password: string;
  signIn: string;
  signingIn: string;
  signInWrong: string;
  signInLocked: (minutes: number) => string;
  sessionEnded: string;
  loading: string;
  saving: string;
  networkError: string;
  retry: string;
  notFoundTitle: string;
  notFoundText: string;
  forbiddenText: string;
  backToCampaigns: string;
  fieldErrors: string;
  /** What a hidden figure says instead of a number, per reason (results, participation). */
  hiddenPrimary: (k: number) => string;
  hiddenSecondary: string;
  hiddenUnanimity: string;
  /** A question hidden for a group by the item-level audit: neutral, names no rule. */
  hiddenProtected: string;
  footer: string;
}

const nl: AdminMessages = {
  skipToContent: "Naar de inhoud",
  languageLabel: "Taal",
  brand: "Peilpunt beheer",
  navLabel: "Hoofdmenu",
  navCampaigns: "Bevragingen",
  navUsers: "Gebruikers",
  navOrganisations: "Organisaties",
  navAudit: "Logboek",
  navAccount: "Mijn account",
  signedInAs: (email, role) => `Aangemeld als ${email} (${role})`,
  roles: { admin: "beheerder", coordinator: "coördinator", evaluator: "evaluator" },
  signOut: "Afmelden",
  signInTitle: "Aanmelden",
  email: "E-mailadres",
  password: "Wachtwoord",
  signIn: "Aanmelden",
  signingIn: "Bezig met aanmelden…",
  signInWrong: "E-mailadres of wachtwoord klopt niet.",
  signInLocked: (minutes) =>
    `Te veel mislukte pogingen. Aanmelden is geblokkeerd; probeer opnieuw over ${minutes} minuten.`,
  sessionEnded: "Je sessie is beëindigd. Meld je opnieuw aan.",
  loading: "Bezig met laden…",
  saving: "Bezig met bewaren…",
  networkError: "De server is niet bereikbaar. Controleer je verbinding en probeer opnieuw.",
  retry: "Opnieuw proberen",
  notFoundTitle: "Niet gevonden",
  notFoundText: "Deze pagina bestaat niet, of je hebt er geen toegang toe.",
  forbiddenText: "Je rol laat deze handeling niet toe.",
  backToCampaigns: "Terug naar de bevragingen",
  fieldErrors: "Controleer de gemarkeerde velden.",
  hiddenPrimary: (k) => `Verborgen: minder dan ${k} respondenten`,
  hiddenSecondary: "Verborgen zodat een kleine groep niet af te leiden is",
  hiddenUnanimity: "Verborgen: (bijna) iedereen gaf hetzelfde antwoord",
  hiddenProtected: "Verborgen om de antwoorden van kleine groepen te beschermen",
  footer:
    "Peilpunt — anonieme bevragingen, resultaten alleen voor groepen van minstens k personen.",
};

const fr: AdminMessages = {
  skipToContent: "Aller au contenu",
  languageLabel: "Langue",
  brand: "Peilpunt gestion",
  navLabel: "Menu principal",
  navCampaigns: "Enquêtes",
  navUsers: "Utilisateurs",
  navOrganisations: "Organisations",
  navAudit: "Journal",
  navAccount: "Mon compte",
  signedInAs: (email, role) => `Connecté·e en tant que ${email} (${role})`,
  roles: { admin: "administrateur", coordinator: "coordinateur", evaluator: "évaluateur" },
  signOut: "Se déconnecter",
  signInTitle: "Connexion",
  email: "Adresse e-mail",
  password: "Mot de passe",
  signIn: "Se connecter",
  signingIn: "Connexion en cours…",
  signInWrong: "L'adresse e-mail ou le mot de passe est incorrect.",
  signInLocked: (minutes) =>
    `Trop de tentatives échouées. La connexion est bloquée ; réessayez dans ${minutes} minutes.`,
  sessionEnded: "Votre session a pris fin. Veuillez vous reconnecter.",
  loading: "Chargement…",
  saving: "Enregistrement…",
  networkError: "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
  retry: "Réessayer",
  notFoundTitle: "Introuvable",
  notFoundText: "Cette page n'existe pas, ou vous n'y avez pas accès.",
  forbiddenText: "Votre rôle ne permet pas cette action.",
  backToCampaigns: "Retour aux enquêtes",
  fieldErrors: "Vérifiez les champs indiqués.",
  hiddenPrimary: (k) => `Masqué : moins de ${k} répondants`,
  hiddenSecondary: "Masqué pour qu'un petit groupe ne puisse pas être déduit",
  hiddenUnanimity: "Masqué : (presque) tout le monde a donné la même réponse",
  hiddenProtected: "Masqué pour protéger les réponses de petits groupes",
  footer:
    "Peilpunt — enquêtes anonymes, résultats uniquement pour des groupes d'au moins k personnes.",
};

const en: AdminMessages = {
  skipToContent: "Skip to content",
  languageLabel: "Language",
  brand: "Peilpunt admin",
  navLabel: "Main menu",
  navCampaigns: "Campaigns",
  navUsers: "Users",
  navOrganisations: "Organisations",
  navAudit: "Audit log",
  navAccount: "My account",
  signedInAs: (email, role) => `Signed in as ${email} (${role})`,
  roles: { admin: "admin", coordinator: "coordinator", evaluator: "evaluator" },
  signOut: "Sign out",
  signInTitle: "Sign in",
  email: "E-mail address",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  signInWrong: "The e-mail address or password is wrong.",
  signInLocked: (minutes) =>
    `Too many failed attempts. Sign-in is locked; try again in ${minutes} minutes.`,
  sessionEnded: "Your session has ended. Please sign in again.",
  loading: "Loading…",
  saving: "Saving…",
  networkError: "The server cannot be reached. Check your connection and try again.",
  retry: "Try again",
  notFoundTitle: "Not found",
  notFoundText: "This page does not exist, or you have no access to it.",
  forbiddenText: "Your role does not allow this action.",
  backToCampaigns: "Back to campaigns",
  fieldErrors: "Check the marked fields.",
  hiddenPrimary: (k) => `Hidden: fewer than ${k} respondents`,
  hiddenSecondary: "Hidden so a small group cannot be derived",
  hiddenUnanimity: "Hidden: (nearly) everyone gave the same answer",
  hiddenProtected: "Hidden to keep the answers of small groups private",
  footer: "Peilpunt — anonymous surveys, results only for groups of at least k people.",
};

export const ADMIN_MESSAGES: Record<Locale, AdminMessages> = { nl, fr, en };
