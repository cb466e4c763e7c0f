/** One field (question) at fault, as listed in a problem's `errors`. */
export interface FieldError {
  question: string;
  message: string;
}

/**
 * An error a service throws for the client to see. `app.onError` turns it into an
 * RFC 9457 `application/problem+json` answer; `extensions` adds members such as `opensAt`.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: string,
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

export function problemType(name: string): string {
  return `urn:peilpunt:problem:${name}`;
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
