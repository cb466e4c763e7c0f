import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { insertUser, signIn } from "../server/admin-fixture";
import {
  createFixtureCampaign,
  type FixtureCampaign,
  issueFixtureCode,
} from "../server/campaign-fixture";
import { headcountTestApp } from "../server/headcounts/headcount-app";
import { type DemoSite, startDemoSite } from "./browser";

/** Staff of the fixture campaign's units A, B and C on 31 December 2024 (B is under k). */
const HEADCOUNTS = [
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown",
  "A;support;30;20;10;6;24;0;6;24;0",
  "B;support;3;1;2;0;3;0;0;3;0",
  "C;support;12;6;6;5;7;0;5;7;0",
].join("\n");

export interface HeadcountSurveySite {
  site: DemoSite;
  releases: ReleaseScheduler;
  campaign: FixtureCampaign;
  admin: string;
}

/**
 * A demo site with a campaign on invitation codes (10 answers per unit in scope) and the
 * headcounts of its reference date imported, every release built. Answers and the import go
 * through an app of the test's own (its code key, its release scheduler) on the site's
 * database; the browser reads what they stored.
 */
export async function startHeadcountSurveySite(name: string): Promise<HeadcountSurveySite> {
  const site = await startDemoSite(name);
  const secretKey = randomBytes(32);
  const releases = createReleaseScheduler({
    db: site.db,
    builder: inProcessBuilder(site.db),
    debounceMs: 0,
  });
  const { app, releasesBuilt } = headcountTestApp(site.db, { releases, secretKey });
  const campaign = createFixtureCampaign(site.db, { accessMode: "invitation-codes" });
  for (const unit of campaign.inScope) {
    for (let i = 0; i < 10; i++) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: { gender: i % 2 ? "woman" : "man", excluded: "no", satisfaction: 4 },
          code: issueFixtureCode(site.db, secretKey, campaign.campaignId, unit),
        }),
      });
      expect(response.status).toBe(201);
    }
  }
  const admin = insertUser(site.db, "admin");
  const api = await signIn(app, admin);
  const imported = await api.request(
    "POST",
    `/api/admin/organisations/org-${campaign.organisationId}/headcounts/2024-12-31`,
    { headers: { "Content-Type": "text/csv" }, rawBody: HEADCOUNTS },
  );
  expect(imported.status).toBe(201);
  await releasesBuilt();
  await releases.idle();
  return { site, releases, campaign, admin };
}
