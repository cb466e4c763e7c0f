/**
 * The names of every problem the API answers with (`type: urn:peilpunt:problem:<name>` in an
 * RFC 9457 application/problem+json body). Clients branch on these names, never on titles.
 */
export const PROBLEM_NAMES = [
  // Any endpoint
  "bad-request",
  "not-found",
  "method-not-allowed",
  "too-large",
  "unsupported-media-type",
  "malformed-json",
  "too-many-requests",
  "internal",
  /** A status without a name of its own. */
  "error",
  // Respondents
  "malformed-request",
  "invalid-response",
  "not-open",
  "closed",
  "access-mode",
  "mistyped-code",
  "invalid-code",
  "code-used",
  // Staff
  "invalid-input",
  "unauthorized",
  "forbidden",
  "cross-origin",
  "csrf",
  "login-locked",
  "wrong-password",
  "conflict",
  "email-taken",
  "last-admin",
  "own-account",
  "slug-taken",
  "not-editable",
  "not-draft",
  "codes-issued",
  "k-only-up",
  "k-fixed",
  "dates",
  "status",
  "release-not-ready",
  "code-limit",
  "headcount-limit",
  "busy",
  "results-at-close",
  "mail-not-configured",
  "sending",
  "separation-of-duties",
  "invalid-unit-file",
  "unit-in-use",
  "invalid-headcount-file",
  "headcounts-not-found",
  "invalid-questionnaire",
  "published",
  "bundled",
  "warnings-not-acknowledged",
  "unit-retired",
] as const;
export type ProblemName = (typeof PROBLEM_NAMES)[number];

const PREFIX = "urn:peilpunt:problem:";

/** The `type` member of a problem answer. */
export function problemType(name: ProblemName): string {
  return `${PREFIX}${name}`;
}

/** The name in a problem's `type`, or undefined for a type this API does not answer with. */
export function problemNameOf(type: string): ProblemName | undefined {
  const name = type.startsWith(PREFIX) ? type.slice(PREFIX.length) : "";
  return (PROBLEM_NAMES as readonly string[]).includes(name) ? (name as ProblemName) : undefined;
}

/** One field (question) at fault, as listed in a problem's `errors`. */
export interface FieldError {
  question: string;
  message: string;
}

/** The body of a problem answer; `errors` where input was at fault, plus members per problem. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** Of `not-open` and `closed`. */
  opensAt?: string;
  closesAt?: string;
}
