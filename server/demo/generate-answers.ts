import { ConditionRunner } from "survey-core";
import {
  asArray,
  choiceValues,
  ratingValues,
  walkQuestions,
} from "../../surveys/model/walk-questions";
import { pickWeighted } from "./seeded-random";

/** How a synthetic population answers a questionnaire. */
export interface AnswerProfile {
  /** Weights of the points of every 5-point scale (disagree → agree) without an override. */
  scale: readonly number[];
  /** Chance that an optional question is left unanswered. */
  skipOptional: number;
  /** Weights per choice value for named questions or matrices; unlisted values get none. */
  choiceWeights?: Record<string, Record<string, number>>;
  /** Chance that each option of a named checkbox question is ticked. */
  tickChance?: Record<string, number>;
  /** Pool of comments for text questions; most people write none. */
  comments?: readonly string[];
  commentChance?: number;
}

/** One synthetic respondent's answers, valid for the definition (visibleIf respected). */
export function generateAnswers(
  definition: unknown,
  profile: AnswerProfile,
  random: () => number,
  unitId: string,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const { element, name, conditions, unitPicker } of walkQuestions(definition)) {
    if (!conditions.every((c) => new ConditionRunner(c).runValues(answers) === true)) continue;
    if (unitPicker) {
      answers[name] = unitId;
      continue;
    }
    if (element.isRequired !== true && random() < profile.skipOptional) continue;
    const value = generateValue(element, name, profile, random);
    if (value !== undefined) answers[name] = value;
  }
  return answers;
}

function generateValue(
  element: Record<string, unknown>,
  name: string,
  profile: AnswerProfile,
  random: () => number,
): unknown {
  const weightsFor = (values: (string | number | boolean)[]) => {
    const named = profile.choiceWeights?.[name];
    if (named) return values.map((v) => named[String(v)] ?? 0);
    return values.length === profile.scale.length ? profile.scale : values.map(() => 1);
  };
  switch (element.type) {
    case "radiogroup":
    case "dropdown": {
      const choices = choiceValues(element.choices);
      return choices[pickWeighted(random, weightsFor(choices))];
    }
    case "rating": {
      const points = ratingValues(element);
      return points[pickWeighted(random, weightsFor(points))];
    }
    case "boolean":
      return random() < 0.5;
    case "checkbox": {
      const chance = profile.tickChance?.[name] ?? 0.3;
      const ticked = choiceValues(element.choices).filter(() => random() < chance);
      return ticked.length > 0 ? ticked : undefined;
    }
    case "matrix": {
      const columns = choiceValues(element.columns);
      const row: Record<string, unknown> = {};
      for (const value of choiceValues(element.rows)) {
        row[String(value)] = columns[pickWeighted(random, weightsFor(columns))];
      }
      return row;
    }
    case "comment":
    case "text": {
      const pool = asArray(profile.comments);
      if (pool.length === 0 || random() >= (profile.commentChance ?? 0.1)) return undefined;
      return pool[Math.floor(random() * pool.length)];
    }
    default:
      return undefined;
  }
}
