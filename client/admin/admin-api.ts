import { type ProblemName, problemNameOf } from "../../server/contract/problems";

/** A problem answer of the admin API (application/problem+json), or a network failure (status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: { question: string; message: string }[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }

  /** The problem's name, e.g. `conflict` from `urn:peilpunt:problem:conflict`; undefined if unknown. */
  get problemName(): ProblemName | undefined {
    return problemNameOf(this.type);
  }
}

/** Dispatched on window when the server says the session is gone. */
export const SESSION_ENDED = "peilpunt:session-ended";

let csrfToken: string | null = null;

/** Kept in memory only: a reload asks the server again (GET /api/admin/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Calls the admin API under /api/admin. Answers other than 2xx throw an ApiProblem; a failed
 * connection throws one with status 0. State-changing calls carry the session's CSRF token.
 * A Blob body (an uploaded file) is sent as it is, with the Blob's type; anything else as JSON.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const file = body instanceof Blob ? body : undefined;
  if (body !== undefined) headers["Content-Type"] = file ? file.type : "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/admin${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiProblem(0, "urn:peilpunt:problem:network", "Network", "No connection");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    // Any 401 but a failed sign-in means the session ended (expired, signed out elsewhere).
    if (response.status === 401 && path !== "/session") {
      window.dispatchEvent(new Event(SESSION_ENDED));
    }
    const retryAfter = Number(response.headers.get("Retry-After"));
    throw new ApiProblem(
      response.status,
      String(parsed.type ?? "urn:peilpunt:problem:error"),
      String(parsed.title ?? response.statusText),
      String(parsed.detail ?? ""),
      Array.isArray(parsed.errors) ? (parsed.errors as ApiProblem["errors"]) : [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  if (import.meta.env.DEV) {
    // Left out of production builds: the contract's schemas (and zod) stay out of the bundle.
    const { checkAnswer } = await import("./check-answer");
    checkAnswer(method, path, parsed);
  }
  return parsed as T;
}

/**
 * A file the server makes in answer to a state-changing call (codes shown once): the call as
 * api() makes it, the answer as bytes with the name the server gave it. Problems throw as in api().
 */
export async function apiFile(
  path: string,
  body: unknown,
): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/admin${path}`, {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, "urn:peilpunt:problem:network", "Network", "No connection");
  }
  if (!response.ok) {
    // Problems are JSON: let api() read and throw them the one way it does.
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (response.status === 401) window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiProblem(
      response.status,
      String(parsed.type ?? "urn:peilpunt:problem:error"),
      String(parsed.title ?? response.statusText),
      String(parsed.detail ?? ""),
      Array.isArray(parsed.errors) ? (parsed.errors as ApiProblem["errors"]) : [],
    );
  }
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "download";
  return { blob: await response.blob(), filename };
}

/** The URL of a file the server sends (CSV, XLSX); downloaded by a plain link with the cookie. */
export function apiUrl(path: string): string {
  return `/api/admin${path}`;
}
