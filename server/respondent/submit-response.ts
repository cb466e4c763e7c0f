import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { perDatabase } from "../db/per-database";
import { participationDaily, responses } from "../db/schema";
import { ValidationError } from "../errors";
import { assertCampaignOpen, loadCampaign, unitIdsInScope } from "./load-campaign";

/**
 * Validates a submission against the campaign's exact questionnaire version and stores it
 * anonymously: a random id, the unit and the answers. The daily participation counter is
 * bumped in the same transaction but shares no key with the response.
 */
export function submitResponse({
  db,
  slug,
  answers,
  now,
}: {
  db: Db;
  slug: string;
  answers: unknown;
  now: Date;
}): StoredSubmission {
  const campaign = loadCampaign(db, slug);
  assertCampaignOpen(campaign, now);
  const result = campaign.validator.validate(answers, {
    unitIds: unitIdsInScope(db, campaign.id),
  });
  if (!result.ok) {
    throw new ValidationError("Some answers are missing or not valid.", result.errors);
  }
  const statements = statementsFor(db);
  const day = brusselsDay(now);
  const id = randomBytes(16).toString("hex");
  db.transaction(() => {
    statements.insertResponse.run({
      id,
      campaignId: campaign.id,
      unitId: result.unitId,
      answers: JSON.stringify(result.answers),
    });
    statements.countParticipation.run({ campaignId: campaign.id, day });
  });
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
