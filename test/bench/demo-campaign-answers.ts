import { eq } from "drizzle-orm";
import type { ReleaseInput } from "../../analysis/build-release";
import type { ResponseRow } from "../../analysis/types";
import { openDatabase } from "../../server/db/open-database";
import { campaigns } from "../../server/db/schema";
import { seedDemo } from "../../server/demo/seed-demo";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { loadReleaseInput } from "../../server/results/load-release-input";
import { readStoredResponses } from "../../server/results/read-stored-responses";

/** A demo campaign's release input (as at its close) and its stored answers, in storage order. */
export function demoCampaignAnswers(slug: string): { input: ReleaseInput; rows: ResponseRow[] } {
  const db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  seedDemo(db, { now: new Date("2026-12-04T06:00:00Z") });
  const campaign = db.select().from(campaigns).where(eq(campaigns.slug, slug)).get();
  if (!campaign) throw new Error(`No demo campaign ${slug}`);
  const { input } = loadReleaseInput(db, campaign.id);
  const rows = [...readStoredResponses(db, campaign.id)].map((stored) => stored.row);
  return { input, rows };
}
