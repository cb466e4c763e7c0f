import type { Locale, Localized } from "../../server/contract/locales";
import { LOCALES } from "../../server/contract/locales";
import { choiceTexts, localizedText, optionTexts } from "./question-texts";
import { type WalkedQuestion, walkQuestions } from "./walk-questions";

/** A question's texts in every language. */
type Texts = Localized;

export interface ListChange {
  name: string;
  title: Texts;
  /** Answer options, or a matrix's rows (statements). */
  list: "options" | "rows";
  added: { value: string; text: Texts }[];
  removed: { value: string; text: Texts }[];
  reworded: { value: string; locales: Locale[]; before: Texts; after: Texts }[];
}

/** What changed from one questionnaire version to the next, question by question. */
export interface VersionDiff {
  added: { name: string; title: Texts }[];
  removed: { name: string; title: Texts }[];
  /** Declared with `previousName`, so a comparison of waves follows the question. */
  renamed: { from: string; to: string; title: Texts }[];
  reworded: { name: string; locales: Locale[]; before: Texts; after: Texts }[];
  /** Positions count from 1 in each version; only questions out of their relative order. */
  moved: { name: string; title: Texts; from: number; to: number }[];
  lists: ListChange[];
  marks: {
    name: string;
    title: Texts;
    mark: "breakdown" | "sensitive";
    before: boolean;
    after: boolean;
  }[];
}

const texts = (read: (locale: Locale) => string | undefined, fallback: string): Texts =>
  Object.fromEntries(LOCALES.map((locale) => [locale, read(locale) ?? fallback])) as Texts;

const titleOf = (question: WalkedQuestion): Texts =>
  texts((locale) => localizedText(question.element.title, locale), question.name);

const differing = (a: Texts, b: Texts): Locale[] => LOCALES.filter((l) => a[l] !== b[l]);

/** The questions that take a name (display-only elements without one are left out). */
const named = (definition: unknown) =>
  walkQuestions(definition).filter((q) => typeof q.element.name === "string");

/**
 * Compares a questionnaire version with the one before it. A question is the same when its
 * name is, or when the new one declares the old name as `previousName` (shown as renamed).
 * Pure: no survey-core, no I/O.
 */
export function diffVersions(previous: unknown, next: unknown): VersionDiff {
  const before = named(previous);
  const after = named(next);
  const beforeByName = new Map(before.map((q) => [q.name, q]));
  const diff: VersionDiff = {
    added: [],
    removed: [],
    renamed: [],
    reworded: [],
    moved: [],
    lists: [],
    marks: [],
  };
  /** new name → old name, for every question of `next` that existed before. */
  const matched = new Map<string, string>();
  for (const question of after) {
    const declared = question.element.previousName;
    const old =
      typeof declared === "string" && declared !== "" && beforeByName.has(declared)
        ? declared
        : beforeByName.has(question.name)
          ? question.name
          : undefined;
    if (old === undefined) {
      diff.added.push({ name: question.name, title: titleOf(question) });
      continue;
    }
    matched.set(question.name, old);
    if (old !== question.name)
      diff.renamed.push({ from: old, to: question.name, title: titleOf(question) });
    compareQuestion(beforeByName.get(old) as WalkedQuestion, question, diff);
  }
  const kept = new Set(matched.values());
  for (const question of before) {
    if (!kept.has(question.name))
      diff.removed.push({ name: question.name, title: titleOf(question) });
  }
  diff.moved = movedQuestions(before, after, matched);
  return diff;
}

function compareQuestion(old: WalkedQuestion, now: WalkedQuestion, diff: VersionDiff): void {
  const title = titleOf(now);
  const wording = differing(titleOf(old), title);
  if (wording.length > 0)
    diff.reworded.push({ name: now.name, locales: wording, before: titleOf(old), after: title });
  const options = compareList(
    (locale) => optionTexts(old.element, locale),
    (locale) => optionTexts(now.element, locale),
  );
  if (options) diff.lists.push({ name: now.name, title, list: "options", ...options });
  if (now.type === "matrix" || old.type === "matrix") {
    const rows = compareList(
      (locale) => choiceTexts(old.element.rows, locale),
      (locale) => choiceTexts(now.element.rows, locale),
    );
    if (rows) diff.lists.push({ name: now.name, title, list: "rows", ...rows });
  }
  const marks = [
    ["breakdown", old.breakdown, now.breakdown],
    ["sensitive", old.element.sensitive === true, now.element.sensitive === true],
  ] as const;
  for (const [mark, was, is] of marks) {
    if (was !== is) diff.marks.push({ name: now.name, title, mark, before: was, after: is });
  }
}

type ListTexts = (locale: Locale) => Map<string, string>;

function compareList(
  old: ListTexts,
  now: ListTexts,
): Pick<ListChange, "added" | "removed" | "reworded"> | undefined {
  const oldTexts = Object.fromEntries(LOCALES.map((l) => [l, old(l)])) as Record<
    Locale,
    Map<string, string>
  >;
  const newTexts = Object.fromEntries(LOCALES.map((l) => [l, now(l)])) as Record<
    Locale,
    Map<string, string>
  >;
  const textOf = (lists: Record<Locale, Map<string, string>>, value: string): Texts =>
    texts((locale) => lists[locale].get(value), value);
  const oldValues = [...oldTexts.nl.keys()];
  const newValues = [...newTexts.nl.keys()];
  const added = newValues
    .filter((v) => !oldTexts.nl.has(v))
    .map((value) => ({ value, text: textOf(newTexts, value) }));
  const removed = oldValues
    .filter((v) => !newTexts.nl.has(v))
    .map((value) => ({ value, text: textOf(oldTexts, value) }));
  const reworded = newValues
    .filter((v) => oldTexts.nl.has(v))
    .map((value) => {
      const before = textOf(oldTexts, value);
      const after = textOf(newTexts, value);
      return { value, locales: differing(before, after), before, after };
    })
    .filter((change) => change.locales.length > 0);
  return added.length + removed.length + reworded.length > 0
    ? { added, removed, reworded }
    : undefined;
}

/**
 * The questions kept from one version to the next that changed their order: those outside a
 * longest common subsequence of the two orders (so one question moved to the end is one move,
 * not every question it jumped over).
 */
function movedQuestions(
  before: WalkedQuestion[],
  after: WalkedQuestion[],
  matched: Map<string, string>,
): VersionDiff["moved"] {
  const oldPosition = new Map(before.map((q, i) => [q.name, i]));
  const kept = after.filter((q) => matched.has(q.name));
  const sequence = kept.map((q) => oldPosition.get(matched.get(q.name) as string) as number);
  const inOrder = longestIncreasing(sequence);
  return kept
    .map((question, i) => ({ question, i }))
    .filter(({ i }) => !inOrder.has(i))
    .map(({ question, i }) => ({
      name: question.name,
      title: titleOf(question),
      from: (sequence[i] as number) + 1,
      to: after.indexOf(question) + 1,
    }));
}

/** Indices of one longest strictly increasing subsequence (patience sorting, n log n). */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  for (const [i, value] of values.entries()) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] as number] as number) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  const result = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) result.add(i);
  return result;
}
