import type { Context } from "hono";
import { ProblemError } from "../errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a JSON request body, refusing other media types (415), bad UTF-8 and malformed JSON (400). */
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
  // Strict decoding: invalid UTF-8 is refused, not turned into U+FFFD and stored as an answer.
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ProblemError(
      400,
      "malformed-json",
      "Malformed JSON",
      "The request body is not valid UTF-8.",
    );
  }
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
