import { type Context, Hono } from "hono";
import type { AdminAuth, AdminEnv } from "../../auth/admin-auth";
import type { Db } from "../../db/open-database";
import type { HeadcountReleaseQueue } from "../../headcounts/headcount-release-queue";
import { limitBody } from "../../http/limit-body";
import type { Mailer } from "../../invitations/mailer";
import type { BulkWriter } from "../../jobs/bulk-writer";
import type { HeavyJobs } from "../../jobs/heavy-jobs";
import type { ReleaseScheduler } from "../../results/release-scheduler";
import { auditLogRoutes } from "./audit-log-routes";
import { campaignRoutes } from "./campaign-routes";
import { headcountRoutes } from "./headcount-routes";
import { organisationRoutes } from "./organisation-routes";
import { questionnaireRoutes } from "./questionnaire-routes";
import { referenceRoutes } from "./reference-routes";
import { sessionRoutes } from "./session-routes";
import { userRoutes } from "./user-routes";

/** Largest admin request body (a campaign with thousands of units stays far below). */
export const MAX_ADMIN_BODY_BYTES = 1024 * 1024;
/** Largest questionnaire upload (MAX_QUESTIONNAIRE_CHARS of JSON text, escaped in a JSON body). */
export const MAX_QUESTIONNAIRE_BODY_BYTES = 8 * 1024 * 1024;

const QUESTIONNAIRE_PATH = /^\/api\/admin\/questionnaires(\/|$)/;
const adminBodyLimit = limitBody(MAX_ADMIN_BODY_BYTES, "The request is too large.");
const questionnaireBodyLimit = limitBody(
  MAX_QUESTIONNAIRE_BODY_BYTES,
  "The questionnaire file is too large.",
);

/**
 * The staff API under /api/admin (README: "Admin screens and API"). Every route but
 * POST /session requires a session (401), every state-changing one its CSRF token (403), and
 * requests from other origins are refused (403). Scope is checked in the services.
 */
export function adminRoutes(deps: {
  db: Db;
  now: () => Date;
  auth: AdminAuth;
  secretKey: Uint8Array;
  clientAddress: (c: Context) => string | undefined;
  releases?: ReleaseScheduler;
  maxCodesPerCampaign: number;
  heavyJobs: HeavyJobs;
  bulkWriter: BulkWriter;
  headcountReleases: HeadcountReleaseQueue;
  mailer?: Mailer;
  linkOrigin: string;
}) {
  return new Hono<AdminEnv>()
    .use("*", deps.auth.sameOrigin, (c, next) =>
      (QUESTIONNAIRE_PATH.test(c.req.path) ? questionnaireBodyLimit : adminBodyLimit)(c, next),
    )
    .route("/", sessionRoutes(deps))
    .route("/", referenceRoutes(deps))
    .route("/organisations", organisationRoutes(deps))
    .route("/organisations", headcountRoutes(deps))
    .route("/questionnaires", questionnaireRoutes(deps))
    .route("/users", userRoutes(deps))
    .route("/campaigns", campaignRoutes(deps))
    .route("/audit-log", auditLogRoutes(deps));
}
