import { and, count as countRows, eq, sql } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { recordCodeDistributor } from "../auth/separation-of-duties";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { invitationCodes } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { codeHash, generateCode } from "./invitation-code";

/** A code generation, checked and ready to store: plain data, so it can cross to a worker thread. */
export interface CodeGeneration {
  campaignId: string;
  slug: string;
  organisationId: string | null;
  unitId: string;
  count: number;
  /** The campaign's ceiling, checked in the same transaction as the insert. */
  maxCodesPerCampaign: number;
  /** The unit's headcount when known: its codes never outnumber its staff. */
  headcount: number | null;
  actor: SessionUser;
  at: Date;
}

/** What a generation stored, or how many codes the campaign held when the ceiling refused it. */
export type StoredGeneration =
  | { ok: true; codes: string[] }
  | { ok: false; limit: "campaign"; issued: number }
  | { ok: false; limit: "headcount"; issued: number; headcount: number };

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
 * Stores a generation's codes unless they would take the campaign past its ceiling (counted in
 * the same transaction, so the ceiling holds whoever else writes codes), the generator as a code distributor and the audit entry (the
 * count, never a code) in one transaction, so a generation is all or nothing and costs one
 * disk flush. Returns the normalised codes stored: a repeat of an existing code (2^-60 per
 * pair) is replaced by a new one, never stored twice.
 */
export function storeGeneratedCodes(
  db: Db,
  secretKey: Uint8Array,
  job: CodeGeneration,
  made: MadeCode[],
): StoredGeneration {
  return withTransaction(db, (tx): StoredGeneration => {
    const issued =
      tx
        .select({ n: countRows() })
        .from(invitationCodes)
        .where(eq(invitationCodes.campaignId, job.campaignId))
        .get()?.n ?? 0;
    if (issued + job.count > job.maxCodesPerCampaign) {
      return { ok: false, limit: "campaign", issued };
    }
    if (job.headcount !== null) {
      const unitIssued =
        tx
          .select({ n: countRows() })
          .from(invitationCodes)
          .where(
            and(
              eq(invitationCodes.campaignId, job.campaignId),
              eq(invitationCodes.unitId, job.unitId),
            ),
          )
          .get()?.n ?? 0;
      if (unitIssued + job.count > job.headcount) {
        return { ok: false, limit: "headcount", issued: unitIssued, headcount: job.headcount };
      }
    }
    const insert = tx
      .insert(invitationCodes)
      .values({
        hash: sql.placeholder("hash"),
        campaignId: job.campaignId,
        unitId: job.unitId,
        used: 0,
      })
      .onConflictDoNothing()
      .prepare();
    const codes: string[] = [];
    const queue = [...made];
    for (let i = 0; i < queue.length; i++) {
      const entry = queue[i] as MadeCode;
      if (insert.run({ hash: entry.hash }).changes === 0) {
        queue.push(...makeCodes(secretKey, 1));
        continue;
      }
      codes.push(entry.code);
    }
    recordCodeDistributor(tx, job.campaignId, job.actor.id);
    recordAudit(tx, {
      actor: job.actor,
      action: "codes.generate",
      target: job.slug,
      detail: { unitId: job.unitId, count: job.count },
      organisationId: job.organisationId,
      at: job.at,
    });
    return { ok: true, codes };
  });
}

/** Stores the hashes of invitation codes whose mail was accepted, in one transaction. */
export function storeInvitationCodes(db: Db, rows: InvitationCodeRow[]): void {
  if (rows.length === 0) return;
  withTransaction(db, (tx) => {
    for (const row of rows) {
      tx.insert(invitationCodes)
        .values({ ...row, used: 0 })
        .onConflictDoNothing()
        .run();
    }
  });
}
