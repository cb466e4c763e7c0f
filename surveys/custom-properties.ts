import { Serializer } from "survey-core";

/**
 * Registers Peilpunt's own question properties with SurveyJS, so questionnaires that use them
 * load without JSON errors: `breakdown` (a demographic breakdown dimension), `sensitive` (the
 * unanimity suppression rule applies) and `unitPicker` (the server fills its choices with the
 * campaign's units), and `previousName` (the question's name in the previous version, for
 * comparisons of waves; `npm run surveys:check` checks it). Safe to call more than once.
 */
export function registerPeilpuntProperties(): void {
  const add = (className: string, name: string) => {
    if (!Serializer.findProperty(className, name)) {
      Serializer.addProperty(className, { name: `${name}:boolean`, default: false });
    }
  };
  add("question", "breakdown");
  add("question", "sensitive");
  add("dropdown", "unitPicker");
  if (!Serializer.findProperty("question", "previousName")) {
    Serializer.addProperty("question", { name: "previousName" });
  }
}

registerPeilpuntProperties();
