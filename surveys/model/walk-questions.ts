/**
 * The one walk over a SurveyJS definition. Every reader of a questionnaire — the checker, the
 * submission validator, the respondent form, the admin preview, the results labels, the demo
 * generator — goes through it, so they agree on which questions there are, in which order,
 * under which conditions. Pure: no survey-core, no I/O (lint keeps surveys/model/ so).
 */

export type Json = Record<string, unknown>;

/** Where SurveyJS nests elements: pages, panel contents, and dynamic-panel templates. */
const NESTED_KEYS = ["pages", "elements", "questions", "templateElements"] as const;
/** Elements that only group others; their questions are walked in their place. */
const PANEL = "panel";
/** A question whose answer is a list of copies of its template questions. */
const DYNAMIC_PANEL = "paneldynamic";

export interface WalkedQuestion {
  /** The question's JSON as written in the questionnaire. */
  element: Json;
  name: string;
  type: string;
  /** visibleIf expressions of the question and every panel and page around it: all must hold. */
  conditions: string[];
  /** A demographic breakdown dimension (surveys/custom-properties.ts). */
  breakdown: boolean;
  /** The unanimity rule applies (breakdown questions are sensitive too). */
  sensitive: boolean;
  /** The unit question, whose choices the server fills with the campaign's units. */
  unitPicker: boolean;
  /** A dynamic panel's template questions, walked alike; empty for any other question. */
  template: WalkedQuestion[];
}

/** Lists the questions of a SurveyJS definition in order, through pages and panels. */
export function walkQuestions(definition: unknown): WalkedQuestion[] {
  const found: WalkedQuestion[] = [];
  const survey = asObject(definition);
  const pages = survey.pages !== undefined ? asArray(survey.pages) : [survey];
  for (const raw of pages) {
    const page = asObject(raw);
    walkElements(childElements(page), ownConditions(page), found);
  }
  return found;
}

function walkElements(elements: unknown[], outer: string[], found: WalkedQuestion[]): void {
  for (const raw of elements) {
    const element = asObject(raw);
    const conditions = [...outer, ...ownConditions(element)];
    if (element.type === PANEL) {
      walkElements(childElements(element), conditions, found);
      continue;
    }
    const template: WalkedQuestion[] = [];
    if (element.type === DYNAMIC_PANEL)
      walkElements(asArray(element.templateElements), [], template);
    found.push({
      element,
      name: String(element.name),
      type: String(element.type ?? ""),
      conditions,
      breakdown: element.breakdown === true,
      sensitive: element.sensitive === true || element.breakdown === true,
      unitPicker: element.unitPicker === true,
      template,
    });
  }
}

function childElements(container: Json): unknown[] {
  return asArray(container.elements ?? container.questions);
}

function ownConditions(element: Json): string[] {
  const conditions = typeof element.visibleIf === "string" ? [element.visibleIf] : [];
  if (element.visible === false) conditions.push("false");
  return conditions;
}

/**
 * A copy of a definition in which `change` has replaced every element (question or panel, on
 * every page, in dynamic-panel templates too); an element it returns null for is left out.
 */
export function mapElements(definition: unknown, change: (element: Json) => Json | null): unknown {
  const copyNested = (container: Json): Json => {
    const copy: Json = { ...container };
    for (const key of NESTED_KEYS) {
      if (Array.isArray(copy[key])) copy[key] = visitList(copy[key] as unknown[]);
    }
    return copy;
  };
  const visitList = (list: unknown[]): unknown[] =>
    list.flatMap((raw) => {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [raw];
      const copy = copyNested(raw as Json);
      if (typeof copy.type !== "string") return [copy];
      const changed = change(copy);
      return changed === null ? [] : [changed];
    });
  return copyNested(asObject(definition));
}

export function asObject(value: unknown): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return value as Json;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** One item of a choices/rows/columns/rateValues list: a plain value or `{ value, text }`. */
export interface ChoiceItem {
  value: unknown;
  /** The item's text as written (a string or texts by locale); undefined when it has none. */
  text: unknown;
}

/** The items of a SurveyJS choices/rows/columns/rateValues list, in order. */
export function choiceItems(list: unknown): ChoiceItem[] {
  return asArray(list).map((choice) =>
    typeof choice === "object" && choice !== null
      ? { value: (choice as Json).value, text: (choice as Json).text }
      : { value: choice, text: undefined },
  );
}

type ChoiceValue = string | number | boolean;

/** The values of a SurveyJS choices/rows/columns list (items may be plain values or objects). */
export function choiceValues(list: unknown): ChoiceValue[] {
  return choiceItems(list).map(({ value }) => {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return value;
    }
    throw new Error(`Unsupported choice value ${JSON.stringify(value)}`);
  });
}

/** The scale points of a rating question: its rateValues, else rateMin..rateMax by rateStep. */
export function ratingItems(element: Json): ChoiceItem[] {
  if (element.rateValues !== undefined) return choiceItems(element.rateValues);
  const min = typeof element.rateMin === "number" ? element.rateMin : 1;
  const max = typeof element.rateMax === "number" ? element.rateMax : 5;
  const step = typeof element.rateStep === "number" && element.rateStep > 0 ? element.rateStep : 1;
  const items: ChoiceItem[] = [];
  for (let value = min; value <= max; value += step) items.push({ value, text: undefined });
  return items;
}

/** The values of a rating question's scale points. */
export function ratingValues(element: Json): ChoiceValue[] {
  return choiceValues(ratingItems(element));
}
