import { ConditionRunner } from "survey-core";
import { z } from "zod";
import { choiceValues, ratingValues, walkQuestions } from "../../surveys/model/walk-questions";
import type { FieldError } from "../errors";

/** What a compiled validator needs to know about the campaign at submission time. */
export type SubmissionContext =
  | {
      /** Units a respondent may answer for (the campaign's units in scope). */
      unitIds: ReadonlySet<string>;
    }
  | {
      /**
       * Invitation-codes mode: the unit is the code's; the form has no unit question, and a
       * value given for it anyway is ignored, never stored.
       */
      unitFromCode: string;
    };

export type ValidationResult =
  | { ok: true; unitId: string; answers: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

export interface ResponseValidator {
  validate(answers: unknown, context: SubmissionContext): ValidationResult;
}

interface CompiledQuestion {
  name: string;
  required: boolean;
  /** Conditions of the question and of every panel/page around it: all must hold. */
  visibleIf: ConditionRunner[];
  /** null: a display-only element that must never carry a value. */
  schema: z.ZodType | null;
  unitPicker: boolean;
}

type Json = Record<string, unknown>;

const DEFAULT_TEXT_LIMIT = 2000;
const DISPLAY_ONLY = new Set(["html", "image", "expression"]);

/**
 * Compiles a validator for one questionnaire version. survey-core alone is too slow per call
 * and ignores bad values of optional questions, so every question gets a strict zod schema
 * and conditions are evaluated with survey-core's own expression engine.
 */
export function compileResponseValidator(definition: unknown): ResponseValidator {
  const questions = new Map<string, CompiledQuestion>();
  for (const question of collectQuestions(definition)) {
    if (questions.has(question.name)) throw new Error(`Duplicate question name ${question.name}`);
    questions.set(question.name, question);
  }
  return { validate: (answers, context) => validateAnswers(questions, answers, context) };
}

function validateAnswers(
  questions: Map<string, CompiledQuestion>,
  answers: unknown,
  context: SubmissionContext,
): ValidationResult {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    return { ok: false, errors: [{ question: "", message: "answers must be an object" }] };
  }
  const given = answers as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(given)) {
    if (!questions.has(key)) errors.push({ question: key, message: "unknown question" });
  }
  if (errors.length > 0) return { ok: false, errors };

  const unitFromCode = "unitFromCode" in context ? context.unitFromCode : undefined;
  let unitId = unitFromCode;
  const clean: Record<string, unknown> = {};
  for (const question of questions.values()) {
    if (question.unitPicker && unitFromCode !== undefined) continue;
    const value = given[question.name];
    const visible = question.visibleIf.every((runner) => runner.runValues(given) === true);
    if (value === undefined || value === null) {
      if (visible && question.required)
        errors.push({ question: question.name, message: "required" });
      continue;
    }
    if (!visible) {
      errors.push({ question: question.name, message: "answered but not shown" });
      continue;
    }
    if (question.schema === null) {
      errors.push({ question: question.name, message: "takes no answer" });
      continue;
    }
    const parsed = question.schema.safeParse(value);
    if (!parsed.success) {
      errors.push({ question: question.name, message: describeIssue(parsed.error) });
      continue;
    }
    if (question.unitPicker) {
      if (
        typeof parsed.data !== "string" ||
        !("unitIds" in context) ||
        !context.unitIds.has(parsed.data)
      ) {
        errors.push({ question: question.name, message: "not a unit of this survey" });
      } else {
        unitId = parsed.data;
      }
      continue;
    }
    clean[question.name] = parsed.data;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (unitId === undefined)
    return { ok: false, errors: [{ question: "unit", message: "required" }] };
  return { ok: true, unitId, answers: clean };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid value";
  const where = issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
  return `${issue.message}${where}`;
}

function collectQuestions(definition: unknown): CompiledQuestion[] {
  return walkQuestions(definition).map(({ element, name, type, conditions, unitPicker }) => {
    for (const unsupported of ["enableIf", "requiredIf", "choicesVisibleIf", "rowsVisibleIf"]) {
      if (unsupported in element) throw new Error(`${unsupported} is not supported (${name})`);
    }
    return {
      name,
      required: element.isRequired === true,
      visibleIf: conditions.map((expression) => new ConditionRunner(expression)),
      schema: DISPLAY_ONLY.has(type) ? null : valueSchema(type, element),
      unitPicker,
    };
  });
}

type Scalar = string | number | boolean;

function oneOf(values: Scalar[]): z.ZodType {
  const allowed = new Set<Scalar>(values);
  return z.custom<Scalar>((v) => allowed.has(v as Scalar), {
    message: "not one of the choices",
  });
}

function valueSchema(type: string, item: Json): z.ZodType {
  switch (type) {
    case "radiogroup":
    case "dropdown":
      return item.unitPicker === true ? z.string().max(100) : oneOf(choiceValues(item.choices));
    case "checkbox": {
      const choices = choiceValues(item.choices);
      return z
        .array(oneOf(choices))
        .min(1)
        .max(choices.length)
        .refine((list) => new Set(list).size === list.length, "duplicate choices");
    }
    case "rating":
      return oneOf(ratingValues(item));
    case "boolean":
      return z.boolean();
    case "matrix": {
      const rows = new Set(choiceValues(item.rows).map(String));
      const column = oneOf(choiceValues(item.columns));
      const allRows = item.isAllRowRequired === true;
      // Rows are checked on the input: z.record's output silently drops a "__proto__" row.
      return z
        .custom<object>(
          (value) => typeof value === "object" && value !== null && !Array.isArray(value),
          "expected an object",
        )
        .refine((value) => Object.keys(value).every((row) => rows.has(row)), "unknown row")
        .pipe(z.record(z.string(), column))
        .refine((value) => Object.keys(value).length > 0, "empty")
        .refine(
          (value) => !allRows || Object.keys(value).length === rows.size,
          "every row required",
        );
    }
    case "comment":
    case "text": {
      const limit = typeof item.maxLength === "number" ? item.maxLength : DEFAULT_TEXT_LIMIT;
      return z.string().min(1).max(limit);
    }
    default:
      throw new Error(`Unsupported question type "${type}" (${item.name})`);
  }
}
