import { type FieldError, type ProblemName, problemType } from "./contract/problems";

export type { FieldError };
export { problemType };

/**
 * An error a service throws for the client to see. `app.onError` turns it into an
 * RFC 9457 `application/problem+json` answer; `extensions` adds members such as `opensAt`.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemName,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(detail, options);
  }
}

export class NotFoundError extends ProblemError {
  constructor(detail: string) {
    super(404, "not-found", "Not found", detail);
  }
}

export class ValidationError extends ProblemError {
  constructor(detail: string, errors: FieldError[]) {
    super(422, "invalid-response", "The answers are not valid", detail, { errors });
  }
}

export class CampaignNotOpenError extends ProblemError {
  constructor(opensAt: string) {
    super(403, "not-open", "This survey is not open yet", `The survey opens on ${opensAt}.`, {
      opensAt,
    });
  }
}

export class CampaignClosedError extends ProblemError {
  constructor(closesAt: string) {
    super(410, "closed", "This survey is closed", `The survey closed on ${closesAt}.`, {
      closesAt,
    });
  }
}

/** The JSON body of a problem answer. */
export function problemBody(error: ProblemError): Record<string, unknown> {
  return {
    type: problemType(error.problem),
    title: error.title,
    status: error.status,
    detail: error.detail,
    ...error.extensions,
  };
}

/** Input to an administrative endpoint that fails its schema; `errors` names the fields. */
export class InvalidInputError extends ProblemError {
  constructor(detail: string, errors: FieldError[]) {
    super(422, "invalid-input", "The input is not valid", detail, { errors });
  }
}

export class UnauthorizedError extends ProblemError {
  constructor(detail = "Sign in first.") {
    super(401, "unauthorized", "Not signed in", detail);
  }
}

export class ForbiddenError extends ProblemError {
  constructor(detail: string, problem: ProblemName = "forbidden") {
    super(403, problem, "Forbidden", detail);
  }
}

export class ConflictError extends ProblemError {
  constructor(detail: string, problem: ProblemName = "conflict") {
    super(409, problem, "Conflict", detail);
  }
}

/** The check character does not match: a typing mistake, told apart from an unknown code. */
export class MistypedCodeError extends ProblemError {
  constructor() {
    super(
      422,
      "mistyped-code",
      "The invitation code is mistyped",
      "This invitation code contains a typing mistake. Check it against your invitation.",
      { errors: [{ question: "code", message: "mistyped" }] },
    );
  }
}

export class InvalidCodeError extends ProblemError {
  constructor() {
    super(
      403,
      "invalid-code",
      "Unknown invitation code",
      "This invitation code is not valid for this survey.",
    );
  }
}

export class CodeUsedError extends ProblemError {
  constructor() {
    super(
      409,
      "code-used",
      "Invitation code already used",
      "This invitation code was already used.",
    );
  }
}
