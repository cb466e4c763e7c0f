import { and, eq, inArray, lte } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { sweepLoginThrottle } from "../auth/login-throttle";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { campaigns, invitationCodes, releases, responses, sessions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { responsesDeleteAt } from "./campaign-status";

/** How often the server runs the maintenance job (it also runs at start). */
export const MAINTENANCE_INTERVAL_MS = 3_600_000;

export interface MaintenanceReport {
  closed: string[];
  responsesDeleted: { slug: string; responses: number }[];
  /** Campaigns past their retention date without an audited release: nothing deleted. */
  skippedWithoutRelease: string[];
}

/** What follows a maintenance step, once it is committed (the server's release scheduler). */
export interface MaintenanceEffects {
  /** A campaign was closed by its closing date: its release is rebuilt at once. */
  afterClose?: (campaignId: string) => void;
  /** A campaign's raw responses were deleted: its in-memory matrix goes, its release stays. */
  afterResponsesDeleted?: (campaignId: string) => void;
}

/**
 * The hourly job: writes down the closing of open campaigns whose closing date passed, deletes
 * the raw responses (and invitation codes) of campaigns whose retention period after closing
 * has ended — only where an audited release exists, so the published aggregates survive —
 * and drops expired sessions and login-throttle entries.
 */
export function runMaintenance({
  db,
  now,
  log = console,
  afterClose = () => {},
  afterResponsesDeleted = () => {},
}: {
  db: Db;
  now: Date;
  log?: Pick<Console, "warn" | "log">;
} & MaintenanceEffects): MaintenanceReport {
  const report: MaintenanceReport = { closed: [], responsesDeleted: [], skippedWithoutRelease: [] };
  const time = now.toISOString();

  const pastClosing = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.status, "open"), lte(campaigns.closesAt, time)))
    .all();
  for (const campaign of pastClosing) {
    withTransaction(db, (tx) => {
      tx.update(campaigns).set({ status: "closed" }).where(eq(campaigns.id, campaign.id)).run();
      recordAudit(tx, {
        actor: null,
        action: "campaign.close",
        target: campaign.slug,
        detail: { reason: "closing date" },
        organisationId: campaign.organisationId,
        at: now,
      });
    });
    report.closed.push(campaign.slug);
    afterClose(campaign.id);
  }

  const finished = db
    .select()
    .from(campaigns)
    .where(inArray(campaigns.status, ["closed", "archived"]))
    .all();
  for (const campaign of finished) {
    const deleteAt = responsesDeleteAt(campaign, now);
    if (!deleteAt || deleteAt > now) continue;
    const stored = db
      .select({ id: responses.id })
      .from(responses)
      .where(eq(responses.campaignId, campaign.id))
      .limit(1)
      .all().length;
    const codes = db
      .select({ hash: invitationCodes.hash })
      .from(invitationCodes)
      .where(eq(invitationCodes.campaignId, campaign.id))
      .limit(1)
      .all().length;
    if (stored === 0 && codes === 0) continue;
    const release = db
      .select({ campaignId: releases.campaignId })
      .from(releases)
      .where(eq(releases.campaignId, campaign.id))
      .get();
    if (!release) {
      log.warn(
        `Retention: ${campaign.slug} is past its retention date but has no audited release; its responses are kept until one is built.`,
      );
      report.skippedWithoutRelease.push(campaign.slug);
      continue;
    }
    withTransaction(db, (tx) => {
      const deleted = tx.delete(responses).where(eq(responses.campaignId, campaign.id)).run();
      tx.delete(invitationCodes).where(eq(invitationCodes.campaignId, campaign.id)).run();
      recordAudit(tx, {
        actor: null,
        action: "retention.delete",
        target: campaign.slug,
        detail: { responses: deleted.changes },
        organisationId: campaign.organisationId,
        at: now,
      });
      report.responsesDeleted.push({ slug: campaign.slug, responses: deleted.changes });
    });
    afterResponsesDeleted(campaign.id);
    log.log(`Retention: deleted the raw responses of ${campaign.slug}; its release stays.`);
  }

  db.delete(sessions)
    .where(lte(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS).toISOString()))
    .run();
  db.delete(sessions)
    .where(lte(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_MS).toISOString()))
    .run();
  sweepLoginThrottle(db, now);
  return report;
}

/** Runs the job now and then every hour; returns a function that stops it. */
export function scheduleMaintenance({
  db,
  now = () => new Date(),
  intervalMs = MAINTENANCE_INTERVAL_MS,
  ...effects
}: {
  db: Db;
  now?: () => Date;
  intervalMs?: number;
} & MaintenanceEffects): () => void {
  const run = () => {
    try {
      runMaintenance({ db, now: now(), ...effects });
    } catch (error) {
      console.error("Maintenance failed:", error);
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
