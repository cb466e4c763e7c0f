type Json = Record<string, unknown>;

export interface WalkedQuestion {
  /** The question's JSON as written in the questionnaire. */
  element: Json;
  /** visibleIf expressions of the question and every panel and page around it: all must hold. */
  conditions: string[];
}

const CONTAINERS = new Set(["panel"]);

/** Lists the questions of a SurveyJS definition in order, through pages and panels. */
export function walkQuestions(definition: unknown): WalkedQuestion[] {
  const found: WalkedQuestion[] = [];
  const visit = (elements: unknown, outer: string[]) => {
    for (const raw of asArray(elements)) {
      const element = asObject(raw);
      const conditions = [...outer, ...ownConditions(element)];
      if (CONTAINERS.has(String(element.type)))
        visit(element.elements ?? element.questions, conditions);
      else found.push({ element, conditions });
    }
  };
  const survey = asObject(definition);
  const pages = survey.pages !== undefined ? asArray(survey.pages) : [survey];
  for (const raw of pages) {
    const page = asObject(raw);
    visit(page.elements ?? page.questions, ownConditions(page));
  }
  return found;
}

function ownConditions(element: Json): string[] {
  const conditions = typeof element.visibleIf === "string" ? [element.visibleIf] : [];
  if (element.visible === false) conditions.push("false");
  return conditions;
}

export function asObject(value: unknown): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return value as Json;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The values of a SurveyJS choices/rows/columns list (items may be plain values or objects). */
export function choiceValues(list: unknown): (string | number | boolean)[] {
  return asArray(list).map((choice) => {
    const value = typeof choice === "object" && choice !== null ? (choice as Json).value : choice;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return value;
    }
    throw new Error(`Unsupported choice value ${JSON.stringify(value)}`);
  });
}

/** The scale points of a rating question. */
export function ratingValues(element: Json): (string | number | boolean)[] {
  if (element.rateValues !== undefined) return choiceValues(element.rateValues);
  const min = typeof element.rateMin === "number" ? element.rateMin : 1;
  const max = typeof element.rateMax === "number" ? element.rateMax : 5;
  const step = typeof element.rateStep === "number" ? element.rateStep : 1;
  const values: number[] = [];
  for (let v = min; v <= max; v += step) values.push(v);
  return values;
}
