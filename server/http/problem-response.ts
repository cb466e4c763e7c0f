import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProblemName } from "../contract/problems";
import { ProblemError, problemBody, problemType } from "../errors";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Answers with an RFC 9457 problem document. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  body: Record<string, unknown>,
): Response {
  return c.body(JSON.stringify(body), status, {
    "Content-Type": PROBLEM_CONTENT_TYPE,
    "Cache-Control": "no-store",
  });
}

const TITLES: Record<number, [ProblemName, string]> = {
  400: ["bad-request", "Bad request"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  413: ["too-large", "Request body too large"],
  415: ["unsupported-media-type", "Unsupported media type"],
  429: ["too-many-requests", "Too many requests"],
};

/** A problem for a plain HTTP status, with an optional detail. */
export function statusProblem(status: number, detail: string): Record<string, unknown> {
  const [name, title]: [ProblemName, string] = TITLES[status] ?? ["error", "Error"];
  return { type: problemType(name), title, status, detail };
}

/** The single error mapper: typed service errors and HTTP errors become problems. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ProblemError) {
    return problemResponse(c, error.status as ContentfulStatusCode, problemBody(error));
  }
  if (error instanceof HTTPException && error.status < 500) {
    const detail = error.message || TITLES[error.status]?.[1] || "Request refused";
    return problemResponse(
      c,
      error.status as ContentfulStatusCode,
      statusProblem(error.status, detail),
    );
  }
  if (isClientAbort(error)) {
    // The client went away, or the request timeout cut it off, mid-body: nobody is left to
    // answer and nothing went wrong on our side, so nothing is logged.
    return problemResponse(c, 400, statusProblem(400, "The request was not received in full."));
  }
  // Never echo internals; the request itself is not logged (it may carry answers).
  console.error("Unexpected error:", error);
  return problemResponse(c, 500, {
    type: problemType("internal"),
    title: "Internal server error",
    status: 500,
    detail: "Something went wrong on our side. Your answers were not stored; please try again.",
  });
}

/** Node's error for a request body cut short by its client or by the request timeout. */
function isClientAbort(error: Error): boolean {
  return error.message === "aborted" && (error as NodeJS.ErrnoException).code === "ECONNRESET";
}
