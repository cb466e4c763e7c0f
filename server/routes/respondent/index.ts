import { Hono, type MiddlewareHandler } from "hono";
import { slugSchema } from "../../contract/campaign-schemas";
import {
  type CampaignForm,
  codeCheckSchema,
  submissionSchema,
} from "../../contract/respondent-schemas";
import type { Db } from "../../db/open-database";
import { ProblemError, ValidationError } from "../../errors";
import { limitBody } from "../../http/limit-body";
import { readJsonBody } from "../../http/read-json-body";
import { checkInvitationCode } from "../../respondent/check-invitation-code";
import { getCampaignForm } from "../../respondent/get-campaign-form";
import { type StoredSubmission, submitResponse } from "../../respondent/submit-response";

/** Largest accepted submission; the longest legitimate one is far below. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;

/** Largest accepted code check: `{"code": …}` with a code of at most 64 characters. */
const MAX_CODE_CHECK_BYTES = 1024;

function parseSlug(raw: string): string {
  const slug = slugSchema.safeParse(raw);
  if (!slug.success)
    throw new ProblemError(404, "not-found", "Not found", "There is no such survey.");
  return slug.data;
}

/**
 * The anonymous respondent API. Nothing here logs, sets cookies or reads client addresses:
 * a response must not be linkable to a person, device or moment.
 */
export function respondentRoutes({
  db,
  now,
  submissionLimit,
  secretKey,
  onStored = () => {},
}: {
  db: Db;
  now: () => Date;
  submissionLimit: MiddlewareHandler;
  /** HMAC key of invitation codes. */
  secretKey: Uint8Array;
  /** Called after a response is durably stored (the results matrix follows it). */
  onStored?: (stored: StoredSubmission) => void;
}) {
  return (
    new Hono()
      .get("/:slug/form", (c) => {
        const form = getCampaignForm({
          db,
          slug: parseSlug(c.req.param("slug")),
          unitFromLink: c.req.query("unit"),
          now: now(),
        });
        c.header("Cache-Control", "no-store");
        return c.json(form satisfies CampaignForm);
      })
      .post(
        "/:slug/responses",
        submissionLimit,
        limitBody(MAX_SUBMISSION_BYTES, "The answers are too large."),
        async (c) => {
          const slug = parseSlug(c.req.param("slug"));
          const body = submissionSchema.safeParse(await readJsonBody(c));
          if (!body.success) {
            throw new ValidationError(
              "The request must be an object with an `answers` object and, with an invitation, a `code`.",
              body.error.issues.map((i) => ({ question: i.path.join("."), message: i.message })),
            );
          }
          onStored(
            submitResponse({
              db,
              slug,
              answers: body.data.answers,
              code: body.data.code,
              secretKey,
              now: now(),
            }),
          );
          c.header("Cache-Control", "no-store");
          return c.json({ status: "stored" }, 201);
        },
      )
      // Lets the respondent page tell a wrong code before the questions rather than after. It
      // shares the submission limiter (and its budget per client), so checking codes is no faster
      // a way to guess one than submitting with them.
      .post(
        "/:slug/code-check",
        submissionLimit,
        limitBody(MAX_CODE_CHECK_BYTES, "The request is too large."),
        async (c) => {
          const slug = parseSlug(c.req.param("slug"));
          const body = codeCheckSchema.safeParse(await readJsonBody(c));
          if (!body.success) {
            throw new ProblemError(
              400,
              "malformed-request",
              "Malformed request",
              "The request must be an object with the invitation `code` as a string.",
              {
                errors: body.error.issues.map((i) => ({
                  question: i.path.join(".") || "code",
                  message: i.message,
                })),
              },
            );
          }
          checkInvitationCode({ db, slug, code: body.data.code, secretKey, now: now() });
          c.header("Cache-Control", "no-store");
          return c.body(null, 204);
        },
      )
  );
}
