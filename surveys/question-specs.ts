import type { ChoiceValue, ItemSpec } from "../analysis/types";
import { choiceValues, ratingValues, walkQuestions } from "./model/walk-questions";

/** Answers on a 1..5 agreement scale: mean and top-two-box share apply. */
const FIVE_POINT = [1, 2, 3, 4, 5];

function scaleOf(
  options: ChoiceValue[],
): { numeric: boolean; favourable: ChoiceValue[] } | undefined {
  if (options.length !== FIVE_POINT.length || !options.every((o, i) => o === FIVE_POINT[i]))
    return undefined;
  return { numeric: true, favourable: [4, 5] };
}

/**
 * The analysable items of a questionnaire version, in order: one per question, one per matrix
 * row; display-only elements and the unit picker (stored apart) are left out.
 */
export function describeQuestionnaire(json: unknown): ItemSpec[] {
  const items: ItemSpec[] = [];
  for (const { element, name, type, breakdown, sensitive, unitPicker } of walkQuestions(json)) {
    switch (type) {
      case "radiogroup":
      case "dropdown": {
        if (unitPicker) break;
        const options = choiceValues(element.choices);
        const scale = scaleOf(options);
        items.push({
          kind: "single",
          key: name,
          path: [name],
          options,
          ...(scale ? { scale } : {}),
          breakdown,
          sensitive,
        });
        break;
      }
      case "rating": {
        const options = ratingValues(element);
        const favourable = options.slice(-2);
        items.push({
          kind: "single",
          key: name,
          path: [name],
          options,
          scale: { numeric: options.every((o) => typeof o === "number"), favourable },
          breakdown: false,
          sensitive,
        });
        break;
      }
      case "boolean":
        items.push({
          kind: "single",
          key: name,
          path: [name],
          options: [true, false],
          breakdown: false,
          sensitive,
        });
        break;
      case "checkbox":
        items.push({
          kind: "multi",
          key: name,
          path: [name],
          options: choiceValues(element.choices),
          breakdown: false,
          sensitive,
        });
        break;
      case "matrix": {
        const options = choiceValues(element.columns);
        const scale = scaleOf(options);
        for (const row of choiceValues(element.rows)) {
          items.push({
            kind: "single",
            key: `${name}.${row}`,
            path: [name, String(row)],
            options,
            ...(scale ? { scale } : {}),
            breakdown: false,
            sensitive,
          });
        }
        break;
      }
      case "comment":
      case "text":
        items.push({ kind: "text", key: name, path: [name], breakdown: false, sensitive });
        break;
    }
  }
  return items;
}

/** The breakdown dimensions (demographic questions) of a questionnaire version. */
export function breakdownDimensions(json: unknown): ItemSpec[] {
  return describeQuestionnaire(json).filter((item) => item.breakdown);
}
