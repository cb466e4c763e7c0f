import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { perDatabase } from "../db/per-database";
import { invitationCodes, participationDaily, responses } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { CodeUsedError, ValidationError } from "../errors";
import type { SubmissionContext } from "../responses/compile-response-validator";
import { findUnusedCode } from "./find-invitation-code";
import { assertCampaignOpen, loadCampaign, unitIdsInScope } from "./load-campaign";

/**
 * Validates a submission against the campaign's exact questionnaire version and stores it
 * anonymously: a random id, the unit and the answers. The daily participation counter is
 * bumped in the same transaction but shares no key with the response. In invitation-codes mode
 * the code is redeemed in that same transaction (only its `used` flag changes), and the
 * response gets the code's unit; nothing links the two.
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
  const day = brusselsDay(now);
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
      statements.countParticipation.run({ campaignId: campaign.id, day });
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
    countParticipation: db
      .insert(participationDaily)
      .values({ campaignId: sql.placeholder("campaignId"), day: sql.placeholder("day"), count: 1 })
      .onConflictDoUpdate({
        target: [participationDaily.campaignId, participationDaily.day],
        set: { count: sql`${participationDaily.count} + 1` },
      })
      .prepare(),
  };
}

const statementsFor = perDatabase(prepareStatements);

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Brussels, as YYYY-MM-DD. */
function brusselsDay(now: Date): string {
  return dayFormat.format(now);
}
