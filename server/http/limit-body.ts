import { bodyLimit } from "hono/body-limit";
import { ProblemError } from "../errors";

/** Refuses bodies over `maxSize` bytes with a 413 problem that says what was too large. */
export function limitBody(maxSize: number, detail: string) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError(413, "too-large", "Request body too large", detail);
    },
  });
}
