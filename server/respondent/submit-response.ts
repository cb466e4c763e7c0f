import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { perDatabase } from "../db/per-database";
import { invitationCodes, responses } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { CodeUsedError, ValidationError } from "../errors";
import type { SubmissionContext } from "../responses/compile-response-validator";
import { findUnusedCode } from "./find-invitation-code";
import { assertCampaignOpen, loadCampaign, unitIdsInScope } from "./load-campaign";

/**
 * Validates a submission against the campaign's exact questionnaire version and stores it
 * anonymously: a random id, the unit and the answers; no time, not even the day. In
 * invitation-codes mode the code is redeemed in the same transaction (only its `used` flag
 * changes), and the response gets the code's unit; nothing links the two.
 */
export function submitResponse({
  db,
  slug,
  answers,
  code,
  secretKey,
  now,
}: {
  db: Db;
  slug: string;
  answers: unknown;
  code?: string;
  secretKey: Uint8Array;
  now: Date;
}): StoredSubmission {
  const campaign = loadCampaign(db, slug);
  assertCampaignOpen(campaign, now);
  const statements = statementsFor(db);
  let hash: string | undefined;
  let context: SubmissionContext;
  if (campaign.accessMode === "invitation-codes") {
    if (code === undefined) {
      throw new ValidationError("This survey needs the code from your invitation.", [
        { question: "code", message: "required" },
      ]);
    }
    // Checked before validating so the respondent hears about the code first; checked again
    // atomically below, where it counts.
    const found = findUnusedCode({ db, campaignId: campaign.id, code, secretKey });
    hash = found.hash;
    context = { unitFromCode: found.unitId };
  } else {
    context = { unitIds: unitIdsInScope(db, campaign.id) };
  }
  const result = campaign.validator.validate(answers, context);
  if (!result.ok) {
    throw new ValidationError("Some answers are missing or not valid.", result.errors);
  }
  const id = randomBytes(16).toString("hex");
  withTransaction(
    db,
    () => {
      // Of two concurrent submissions with one code, only one changes the row.
      if (hash !== undefined && statements.redeemCode.run({ hash }).changes !== 1) {
        throw new CodeUsedError();
      }
      statements.insertResponse.run({
        id,
        campaignId: campaign.id,
        unitId: result.unitId,
        answers: JSON.stringify(result.answers),
      });
    },
    { behavior: "immediate" },
  );
  return { campaignId: campaign.id, id, row: { unitId: result.unitId, answers: result.answers } };
}

/** What was stored, for the in-memory results matrix (never logged, never sent anywhere). */
export interface StoredSubmission {
  campaignId: string;
  id: string;
  row: { unitId: string; answers: Record<string, unknown> };
}

function prepareStatements(db: Db) {
  return {
    redeemCode: db
      .update(invitationCodes)
      .set({ used: 1 })
      .where(and(eq(invitationCodes.hash, sql.placeholder("hash")), eq(invitationCodes.used, 0)))
      .prepare(),
    insertResponse: db
      .insert(responses)
      .values({
        id: sql.placeholder("id"),
        campaignId: sql.placeholder("campaignId"),
        unitId: sql.placeholder("unitId"),
        answers: sql.placeholder("answers"),
      })
      .prepare(),
  };
}

const statementsFor = perDatabase(prepareStatements);
