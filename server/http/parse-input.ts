import type { Context } from "hono";
import type { z } from "zod";
import { InvalidInputError } from "../errors";
import { readJsonBody } from "./read-json-body";

/** Parses input against a zod schema; a mismatch is a 422 problem naming every faulty field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidInputError(
      "Some fields are missing or not valid.",
      result.error.issues.map((issue) => ({
        question: issue.path.map(String).join("."),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

/** Reads a JSON body (415/400 as readJsonBody) and parses it against a schema (422). */
export async function readInput<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  return parseInput(schema, await readJsonBody(c));
}
