import { LOCALES, type Locale } from "../i18n/locales";

/**
 * Unsent answers kept in sessionStorage: the storage of this one browser tab, which survives a
 * reload and the Back button but not the tab itself, and which another tab or the next user of
 * a shared computer never sees. Never localStorage, a cookie or the server. The invitation code
 * is never part of it (it stays in memory only).
 */
export interface AnswerDraft {
  /** The questionnaire version the answers belong to; a draft of another version is dropped. */
  sha256: string;
  answers: Record<string, unknown>;
  /** Index of the page the respondent was on. */
  page: number;
  locale: Locale;
}

const KEY_PREFIX = "peilpunt-answers:";

export function draftKey(slug: string): string {
  return `${KEY_PREFIX}${slug}`;
}

/** The draft of this campaign in this tab, if there is one for this questionnaire version. */
export function readDraft(slug: string, sha256: string): AnswerDraft | undefined {
  try {
    const raw = sessionStorage.getItem(draftKey(slug));
    if (raw === null) return undefined;
    const draft = JSON.parse(raw) as Partial<AnswerDraft>;
    const valid =
      draft.sha256 === sha256 &&
      typeof draft.answers === "object" &&
      draft.answers !== null &&
      !Array.isArray(draft.answers) &&
      Number.isInteger(draft.page) &&
      LOCALES.includes(draft.locale as Locale);
    if (!valid) {
      clearDraft(slug);
      return undefined;
    }
    return draft as AnswerDraft;
  } catch {
    // Storage switched off or a damaged entry: start empty rather than fail.
    return undefined;
  }
}

/** Keeps the draft; one with no answer on the first page is removed instead. */
export function saveDraft(slug: string, draft: AnswerDraft): void {
  try {
    if (Object.keys(draft.answers).length === 0 && draft.page === 0) clearDraft(slug);
    else sessionStorage.setItem(draftKey(slug), JSON.stringify(draft));
  } catch {
    // Full or switched-off storage: the answers stay on screen, only a reload would lose them.
  }
}

export function clearDraft(slug: string): void {
  try {
    sessionStorage.removeItem(draftKey(slug));
  } catch {
    // Nothing was kept if storage is unavailable.
  }
}
