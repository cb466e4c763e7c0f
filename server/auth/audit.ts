import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { auditLog } from "../db/schema";
import { withTransaction } from "../db/with-transaction";

/** Who did it: a signed-in user, or null for the server's own jobs. */
export interface AuditActor {
  id: string | null;
  email: string | null;
  organisationId?: string | null;
}

export interface AuditEntry {
  /** Null for the server's own jobs (closing by date, retention). */
  actor: AuditActor | null;
  /** Dotted verb, e.g. `campaign.open`, `login.failure`, `results.view`. */
  action: string;
  /** What it was done to (a campaign slug, a user's e-mail), if anything. */
  target?: string | null;
  /** Extra facts as a JSON object. Never codes, passwords or respondent data. */
  detail?: Record<string, unknown>;
  /** The organisation concerned; defaults to the actor's. Coordinators see their organisation's entries. */
  organisationId?: string | null;
  at?: Date;
}

/**
 * The longest target the log stores: a campaign slug with a table id, or an e-mail address
 * (at most 254 characters by the staff schemas). Callers pass validated ids or checked text;
 * this bound and the normalisation below hold even for one that forgot.
 */
export const AUDIT_TARGET_MAX_LENGTH = 300;

/** A target as stored: NFC, without control characters, at most AUDIT_TARGET_MAX_LENGTH long. */
export function auditTarget(target: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  const clean = target.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  return Array.from(clean).slice(0, AUDIT_TARGET_MAX_LENGTH).join("");
}

/** Writes one administrative action to the audit log. Respondent activity is never recorded. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: (entry.at ?? new Date()).toISOString(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      organisationId: entry.organisationId ?? entry.actor?.organisationId ?? null,
      action: entry.action,
      target: entry.target == null ? null : auditTarget(entry.target),
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .run();
}

/**
 * Counts one attempt refused because its key is locked: one audit row per locked key and lock
 * window carries the count, so a flood of refused requests adds no rows. `target` must be
 * the same text for every refusal under the key (the account's e-mail, or a name for the
 * network) and already validated and bounded by the caller.
 */
export function tallyRefusedAttempt(
  db: Db,
  entry: Omit<AuditEntry, "detail"> & { target: string; lockedUntil: string; scope: string },
): void {
  withTransaction(db, (tx) => {
    // The newest row of this action and target, found through audit_log_action_target.
    const open = tx
      .select({ id: auditLog.id, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, entry.action), eq(auditLog.target, auditTarget(entry.target))))
      .orderBy(desc(auditLog.id))
      .limit(1)
      .get();
    const tally = open ? (JSON.parse(open.detail) as { lockedUntil?: string; count?: number }) : {};
    if (open && tally.lockedUntil === entry.lockedUntil) {
      tx.update(auditLog)
        .set({
          detail: JSON.stringify({
            ...tally,
            count: (tally.count ?? 0) + 1,
            lastAt: (entry.at ?? new Date()).toISOString(),
          }),
        })
        .where(eq(auditLog.id, open.id))
        .run();
      return;
    }
    recordAudit(tx, {
      ...entry,
      detail: { reason: "locked", scope: entry.scope, lockedUntil: entry.lockedUntil, count: 1 },
    });
  });
}

/** Audit entries, newest first; `organisationId` limits them to one organisation. */
export function listAudit(
  db: Db,
  { limit, before, organisationId }: { limit: number; before?: number; organisationId?: string },
) {
  const conditions: SQL[] = [];
  if (before !== undefined) conditions.push(lt(auditLog.id, before));
  if (organisationId !== undefined) conditions.push(eq(auditLog.organisationId, organisationId));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actorEmail,
      action: row.action,
      target: row.target,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
}
