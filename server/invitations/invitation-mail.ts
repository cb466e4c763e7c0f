import type { Locale } from "../contract/locales";

export type MailKind = "invitation" | "reminder";

/** What a mail says in one language. */
export interface MailSection {
  locale: Locale;
  subject: string;
  text: string;
}

/** Stands in for the personal link in previews: the coordinator never sees a real code. */
export const PREVIEW_LINK = "https://…/s/…#code=XXXX-XXXX-XXXX-X";

const WORDING: Record<
  Locale,
  Record<MailKind, (title: string) => { subject: string; lead: string }> & { closing: string }
> = {
  nl: {
    invitation: (title) => ({
      subject: `Uitnodiging: ${title}`,
      lead: `U bent uitgenodigd om deel te nemen aan "${title}". De vragenlijst is anoniem: uw antwoorden worden nooit aan u gekoppeld.`,
    }),
    reminder: (title) => ({
      subject: `Herinnering: ${title}`,
      lead: `U kunt nog deelnemen aan "${title}". Heeft u intussen geantwoord, dan mag u deze herinnering negeren.`,
    }),
    closing:
      "Deze link is persoonlijk en werkt één keer. Peilpunt bewaart uw e-mailadres niet: het werd alleen gebruikt om deze e-mail te versturen.",
  },
  fr: {
    invitation: (title) => ({
      subject: `Invitation : ${title}`,
      lead: `Vous êtes invité·e à participer à « ${title} ». Le questionnaire est anonyme : vos réponses ne sont jamais liées à vous.`,
    }),
    reminder: (title) => ({
      subject: `Rappel : ${title}`,
      lead: `Vous pouvez encore participer à « ${title} ». Si vous avez déjà répondu entre-temps, ignorez ce rappel.`,
    }),
    closing:
      "Ce lien est personnel et ne sert qu'une fois. Peilpunt ne conserve pas votre adresse e-mail : elle n'a servi qu'à envoyer ce message.",
  },
  en: {
    invitation: (title) => ({
      subject: `Invitation: ${title}`,
      lead: `You are invited to take part in "${title}". The questionnaire is anonymous: your answers are never linked to you.`,
    }),
    reminder: (title) => ({
      subject: `Reminder: ${title}`,
      lead: `You can still take part in "${title}". If you have answered meanwhile, please ignore this reminder.`,
    }),
    closing:
      "This link is personal and works once. Peilpunt does not keep your e-mail address: it was only used to send this message.",
  },
};

/** One language's part of an invitation or reminder carrying `link`. */
export function composeSection(
  locale: Locale,
  kind: MailKind,
  title: string,
  link: string,
): MailSection {
  const wording = WORDING[locale];
  const { subject, lead } = wording[kind](title);
  return { locale, subject, text: `${lead}\n\n${link}\n\n${wording.closing}` };
}

/**
 * The whole mail: one section per campaign language, in the campaign's order, because the
 * address list does not say which language each person reads (Belgian practice: one bilingual
 * or trilingual mail). Subjects are joined with " / ".
 */
export function composeMail(sections: MailSection[]): { subject: string; text: string } {
  return {
    subject: sections.map((section) => section.subject).join(" / "),
    text: sections.map((section) => section.text).join("\n\n———\n\n"),
  };
}
