import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { perDatabase } from "../db/per-database";
import { invitationCodes } from "../db/schema";
import { CodeUsedError, InvalidCodeError, MistypedCodeError } from "../errors";
import { codeHash, parseCode } from "../invitations/invitation-code";

/** An unused code of the campaign: its keyed hash (to redeem it) and the unit it belongs to. */
export interface UnusedCode {
  hash: string;
  unitId: string;
}

interface TypedCode {
  db: Db;
  campaignId: string;
  code: string;
  secretKey: Uint8Array;
}

/**
 * Finds a typed invitation code among the campaign's codes, reading only: throws 422 when it
 * is mistyped (check character), 403 when no such code belongs to this campaign, 409 when it
 * was used. Submission and the code check both ask here, so they can never disagree.
 */
export function findUnusedCode(typed: TypedCode): UnusedCode {
  const { hash, stored } = findCampaignCode(typed);
  if (stored.used !== 0) throw new CodeUsedError();
  return { hash, unitId: stored.unitId };
}

/**
 * Confirms that a typed code is well formed and belongs to the campaign, and nothing more:
 * whether it was used stays unsaid, so whoever holds someone else's code cannot learn from
 * the code check whether its owner took part. Throws 422 mistyped or 403 unknown.
 */
export function assertCampaignCode(typed: TypedCode): void {
  findCampaignCode(typed);
}

/** The stored row of a typed code of the campaign; 422 mistyped, 403 not the campaign's. */
function findCampaignCode({ db, campaignId, code, secretKey }: TypedCode) {
  const parsed = parseCode(code);
  if (!parsed.ok) throw new MistypedCodeError();
  const hash = codeHash(secretKey, parsed.code);
  const stored = statementsFor(db).findCode.get({ hash, campaignId });
  if (!stored) throw new InvalidCodeError();
  return { hash, stored };
}

const statementsFor = perDatabase((db: Db) => ({
  findCode: db
    .select({ unitId: invitationCodes.unitId, used: invitationCodes.used })
    .from(invitationCodes)
    .where(
      and(
        eq(invitationCodes.hash, sql.placeholder("hash")),
        eq(invitationCodes.campaignId, sql.placeholder("campaignId")),
      ),
    )
    .prepare(),
}));
