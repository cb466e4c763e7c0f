import { count as countRows, eq, sql } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { recordCodeDistributor } from "../auth/separation-of-duties";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { invitationCodes, sendingProgress } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { codeHash, generateCode } from "./invitation-code";

/** One unit's part of a generation: how many codes, and its headcount when known. */
export interface UnitCodeRequest {
  unitId: string;
  count: number;
  /** The unit's headcount when known: its codes never outnumber its staff. */
  headcount: number | null;
}

/** A code generation, checked and ready to store: plain data, so it can cross to a worker thread. */
export interface CodeGeneration {
  campaignId: string;
  slug: string;
  organisationId: string | null;
  /** One unit, or every unit of the campaign at once (all or nothing). */
  units: UnitCodeRequest[];
  /** The campaign's ceiling, checked in the same transaction as the insert. */
  maxCodesPerCampaign: number;
  actor: SessionUser;
  at: Date;
}

/** What a generation stored (the codes of each unit, in order), or which ceiling refused it. */
export type StoredGeneration =
  | { ok: true; codes: string[][] }
  | { ok: false; limit: "campaign"; issued: number }
  | {
      ok: false;
      limit: "headcount";
      over: { unitId: string; headcount: number; issued: number; asked: number }[];
    };

/** A code and its keyed hash, the only part of it that is stored. */
export interface MadeCode {
  code: string;
  hash: string;
}

/** An invitation code whose mail was accepted: its keyed hash and where it belongs. */
export interface InvitationCodeRow {
  hash: string;
  campaignId: string;
  unitId: string;
}

/** Makes `count` new random codes with their keyed hashes. */
export function makeCodes(secretKey: Uint8Array, count: number): MadeCode[] {
  return Array.from({ length: count }, () => {
    const code = generateCode();
    return { code, hash: codeHash(secretKey, code) };
  });
}

/**
 * Stores a generation's codes unless they would take the campaign past its ceiling or a unit
 * past its headcount (both counted in the same transaction, so they hold whoever else writes
 * codes), with the generator as a code distributor and the audit entry (counts, never a
 * code), in one transaction: a generation is all or nothing and costs one disk flush. A repeat
 * of an existing code (2^-60 per pair) is replaced by a new one, never stored twice.
 */
export function storeGeneratedCodes(
  db: Db,
  secretKey: Uint8Array,
  job: CodeGeneration,
  made: MadeCode[],
): StoredGeneration {
  return withTransaction(db, (tx): StoredGeneration => {
    const total = job.units.reduce((sum, unit) => sum + unit.count, 0);
    const issued =
      tx
        .select({ n: countRows() })
        .from(invitationCodes)
        .where(eq(invitationCodes.campaignId, job.campaignId))
        .get()?.n ?? 0;
    if (issued + total > job.maxCodesPerCampaign) {
      return { ok: false, limit: "campaign", issued };
    }
    const byUnit = new Map(
      tx
        .select({ unitId: invitationCodes.unitId, n: countRows() })
        .from(invitationCodes)
        .where(eq(invitationCodes.campaignId, job.campaignId))
        .groupBy(invitationCodes.unitId)
        .all()
        .map((row) => [row.unitId, row.n]),
    );
    const over = job.units.flatMap((unit) => {
      const unitIssued = byUnit.get(unit.unitId) ?? 0;
      return unit.headcount !== null && unit.count > 0 && unitIssued + unit.count > unit.headcount
        ? [
            {
              unitId: unit.unitId,
              headcount: unit.headcount,
              issued: unitIssued,
              asked: unit.count,
            },
          ]
        : [];
    });
    if (over.length > 0) return { ok: false, limit: "headcount", over };

    const codes: string[][] = [];
    const queue = [...made];
    let next = 0;
    for (const unit of job.units) {
      const insert = tx
        .insert(invitationCodes)
        .values({
          hash: sql.placeholder("hash"),
          campaignId: job.campaignId,
          unitId: unit.unitId,
          used: 0,
        })
        .onConflictDoNothing()
        .prepare();
      const unitCodes: string[] = [];
      while (unitCodes.length < unit.count) {
        if (next >= queue.length)
          queue.push(...makeCodes(secretKey, unit.count - unitCodes.length));
        const entry = queue[next++] as MadeCode;
        if (insert.run({ hash: entry.hash }).changes === 1) unitCodes.push(entry.code);
      }
      codes.push(unitCodes);
    }
    recordCodeDistributor(tx, job.campaignId, job.actor.id);
    const [only] = job.units;
    recordAudit(tx, {
      actor: job.actor,
      action: "codes.generate",
      target: job.slug,
      detail:
        job.units.length === 1 && only
          ? { unitId: only.unitId, count: only.count }
          : { units: job.units.length, count: total },
      organisationId: job.organisationId,
      at: job.at,
    });
    return { ok: true, codes };
  });
}

/** A sending's counts as stored (sending_progress): never an address or a code. */
export interface SendingProgressRow {
  campaignId: string;
  kind: "invitation" | "reminder";
  listed: number;
  alreadyInvited: number | null;
  sent: number | null;
  failed: number | null;
  done: 0 | 1;
}

/** Writes a campaign's sending counts (one row per campaign: its latest sending). */
export function storeSendingProgress(db: Db, progress: SendingProgressRow): void {
  db.insert(sendingProgress)
    .values(progress)
    .onConflictDoUpdate({ target: sendingProgress.campaignId, set: progress })
    .run();
}

/**
 * Stores the hashes of invitation codes whose mail was accepted, with the sending's counts so
 * far, in one transaction: the counts a restart finds match the codes stored.
 */
export function storeInvitationCodes(
  db: Db,
  rows: InvitationCodeRow[],
  progress?: SendingProgressRow,
): void {
  if (rows.length === 0 && !progress) return;
  withTransaction(db, (tx) => {
    if (progress) storeSendingProgress(tx, progress);
    for (const row of rows) {
      tx.insert(invitationCodes)
        .values({ ...row, used: 0 })
        .onConflictDoNothing()
        .run();
    }
  });
}
