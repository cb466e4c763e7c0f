import type { Context } from "hono";
import { ProblemError } from "../errors";

/** Reads a JSON request body, refusing other media types (415) and malformed JSON (400). */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ProblemError(
      415,
      "unsupported-media-type",
      "Unsupported media type",
      "Send the answers as application/json.",
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError(
      400,
      "malformed-json",
      "Malformed JSON",
      "The request body is not valid JSON.",
    );
  }
}
