import type { Context } from "hono";
import { ProblemError } from "../errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSON request body, refusing other media types and any charset but UTF-8 (415: JSON is
 * UTF-8, and a body declared latin1 must not be read as something else), bad UTF-8 and
 * malformed JSON (400).
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type)?.[1];
  const utf8Declared = charset === undefined || /^utf-?8$/i.test(charset);
  if (!/^application\/json\s*(;|$)/i.test(type) || !utf8Declared) {
    throw new ProblemError(
      415,
      "unsupported-media-type",
      "Unsupported media type",
      "Send the answers as application/json, in UTF-8.",
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
