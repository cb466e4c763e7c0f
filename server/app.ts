import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { adminAuth } from "./auth/admin-auth";
import { DEFAULT_SUBMISSIONS_PER_MINUTE } from "./config";
import { DEFAULT_MAX_CODES_PER_CAMPAIGN } from "./contract/staff-limits";
import type { Db } from "./db/open-database";
import {
  type HeadcountReleaseQueue,
  headcountReleaseQueue,
} from "./headcounts/headcount-release-queue";
import { clientPages } from "./http/client-pages";
import { compressJson } from "./http/compress-json";
import { handleError, problemResponse, statusProblem } from "./http/problem-response";
import { rateLimit, socketAddress } from "./http/rate-limit";
import { securityHeaders } from "./http/security-headers";
import type { Mailer } from "./invitations/mailer";
import { type BulkWriter, inProcessBulkWriter } from "./jobs/bulk-writer";
import { type HeavyJobs, heavyJobQueue } from "./jobs/heavy-jobs";
import { rebuildingSurveysAfter } from "./results/rebuild-after-headcounts";
import type { ReleaseScheduler } from "./results/release-scheduler";
import { adminRoutes } from "./routes/admin";
import { respondentRoutes } from "./routes/respondent";
import { resultsRoutes } from "./routes/results";

export interface AppOptions {
  db: Db;
  config?: {
    /** Folder of the built client; pages answer 503 until it exists. */
    clientDir?: string;
    /** Clock, injectable for tests of opening and closing dates. */
    now?: () => Date;
    /** Submissions per client address per minute. */
    submissionsPerMinute?: number;
    /** How clients are told apart for rate limiting; defaults to the socket address. */
    clientAddress?: (c: Context) => string | undefined;
    /** Keeps audited releases current; without it results are only what is stored. */
    releases?: ReleaseScheduler;
    /** HMAC key of invitation codes (server/secret-key.ts); a random one when absent (tests). */
    secretKey?: Uint8Array;
    /** Session cookies carry Secure. */
    secureCookies?: boolean;
    /** The one origin admin requests may come from; HSTS when it is https (server/config.ts). */
    publicOrigin?: string;
    /** Ceiling of invitation codes per campaign (server/config.ts). */
    maxCodesPerCampaign?: number;
    /** Where bulk writes run (codes, invitation hashes); in process by default, a worker in start-server. */
    bulkWriter?: BulkWriter;
    /** Rebuilds headcount releases after imports; by default one per app on `bulkWriter`. */
    headcountReleases?: HeadcountReleaseQueue;
    /** Where heavy admin work queues; one per app by default. */
    heavyJobs?: HeavyJobs;
    /** Sends invitation mail; without it, invitations say mail is not configured. */
    mailer?: Mailer;
    /** Origin of the personal links in invitations; defaults to publicOrigin, then loopback. */
    linkOrigin?: string;
    /** Sends the respondent form compressed (default); the page-load bench turns it off for its "before". */
    compressForm?: boolean;
  };
}

/** Builds the HTTP application; nothing listens here (see main.ts). */
export function createApp({ db, config = {} }: AppOptions) {
  const now = config.now ?? (() => new Date());
  const app = new Hono();
  app.use(securityHeaders({ https: config.publicOrigin?.startsWith("https:") ?? false }));
  const submissionLimit = rateLimit({
    limit: config.submissionsPerMinute ?? DEFAULT_SUBMISSIONS_PER_MINUTE,
    windowMs: 60_000,
    clientAddress: config.clientAddress,
  });
  const secretKey = config.secretKey ?? randomBytes(32);
  const releases = config.releases;
  const bulkWriter = config.bulkWriter ?? inProcessBulkWriter(db, secretKey);
  const headcountReleases =
    config.headcountReleases ??
    headcountReleaseQueue({
      // A new headcount release rebuilds the survey releases it gives new attacker knowledge.
      build: rebuildingSurveysAfter(
        db,
        (id) => bulkWriter.buildHeadcountRelease(id),
        (campaignId) => releases?.rebuild(campaignId),
      ),
      prepare: () => bulkWriter.prepareHeadcountBuilds(),
    });
  // The form is the respondent's largest answer (about 25 kB of JSON) and is the same for
  // every respondent of a campaign: sent compressed, from a kept copy, except a unit's own link
  // (?unit=), whose kept copy would tell by its speed that someone of that unit asked lately.
  if (config.compressForm !== false) {
    app.use(
      "/api/campaigns/:slug/form",
      compressJson({ keepCopy: (c) => c.req.query("unit") === undefined }),
    );
  }
  app.route(
    "/api/campaigns",
    respondentRoutes({
      db,
      now,
      submissionLimit,
      secretKey,
      onStored: (stored) => releases?.responseStored(stored.campaignId, stored),
    }),
  );
  const auth = adminAuth({
    db,
    now,
    secureCookies: config.secureCookies ?? false,
    publicOrigin: config.publicOrigin,
  });
  app.route("/api/admin/campaigns", resultsRoutes({ db, now, auth }));
  app.route(
    "/api/admin",
    adminRoutes({
      db,
      now,
      auth,
      secretKey,
      clientAddress: config.clientAddress ?? socketAddress,
      releases,
      maxCodesPerCampaign: config.maxCodesPerCampaign ?? DEFAULT_MAX_CODES_PER_CAMPAIGN,
      heavyJobs: config.heavyJobs ?? heavyJobQueue(),
      bulkWriter,
      headcountReleases,
      mailer: config.mailer,
      linkOrigin: config.linkOrigin ?? config.publicOrigin ?? "http://localhost:8787",
    }),
  );
  if (config.clientDir) app.route("/", clientPages(config.clientDir));
  app.notFound((c) =>
    problemResponse(c, 404, statusProblem(404, "There is nothing at this address.")),
  );
  app.onError(handleError);
  return app;
}
