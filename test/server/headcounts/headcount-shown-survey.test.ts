import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { HeadcountRelease } from "../../../analysis/headcount-release";
import type { Release } from "../../../analysis/release-types";
import { headcountReleaseSchema } from "../../../server/contract/headcount-schemas";
import { openDatabase } from "../../../server/db/open-database";
import { readStoredHeadcountRelease } from "../../../server/headcounts/build-headcount-release";
import { inProcessBuilder } from "../../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../../server/results/release-scheduler";
import { attackSurveyWithHeadcounts } from "../../analysis/auditor/headcount-knowledge-joint";
import { insertUser, signIn } from "../admin-fixture";
import { closeFixtureCampaign, createFixtureCampaign, issueFixtureCode } from "../campaign-fixture";
import { headcountTestApp } from "./headcount-app";

// A survey release readers were shown before the headcounts of its reference date were
// published was audited without them, and stays shown. Unit A: all 10 staff answered, unit B: 4
// of 10. The survey hides both (its total of 14 would give one from the other); published, A's
// staff total of 10 would cap A's respondents at 10 and so pin B's at exactly 4.
const HEADCOUNTS = [
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown",
  "A;support;10;5;5;0;10;0;0;10;0",
  "B;support;10;5;5;0;10;0;0;10;0",
  "C;support;12;6;6;0;12;0;0;12;0",
].join("\n");

let releases: ReleaseScheduler | undefined;
afterEach(() => releases?.close());

async function setting() {
  const db = openDatabase(":memory:");
  const secretKey = randomBytes(32);
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  const scheduler = releases;
  const { app, releasesBuilt } = headcountTestApp(db, { releases: scheduler, secretKey });
  const campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  const [a, b] = campaign.inScope as [string, string];
  const admin = await signIn(app, insertUser(db, "admin"));
  for (const [unit, n] of [
    [a, 10],
    [b, 4],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: { gender: i % 2 === 0 ? "man" : "woman", excluded: "no", satisfaction: 4 },
          code: issueFixtureCode(db, secretKey, campaign.campaignId, unit),
        }),
      });
      expect(response.status).toBe(201);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  await scheduler.idle();
  // The units' groups come with the release at close (while open: the organisation only). Closed
  // today, the campaign's reference date is still the latest headcount date, 2024-12-31.
  closeFixtureCampaign(db, campaign.campaignId);
  await scheduler.rebuild(campaign.campaignId);
  const organisation = `org-${campaign.organisationId}`;
  return {
    a,
    b,
    storedHeadcounts: () =>
      readStoredHeadcountRelease(db, campaign.organisationId)?.release as HeadcountRelease,
    async readResults(): Promise<Release> {
      const response = await admin.request("GET", `/api/admin/campaigns/${campaign.slug}/results`);
      expect(response.status).toBe(200);
      const row = db.$client
        .prepare(
          "SELECT release FROM releases WHERE campaign_id = ? AND first_served_at IS NOT NULL",
        )
        .get(campaign.campaignId) as { release: string };
      return JSON.parse(row.release) as Release;
    },
    async importHeadcounts(date = "2024-12-31", file = HEADCOUNTS) {
      const imported = await admin.request(
        "POST",
        `/api/admin/organisations/${organisation}/headcounts/${date}`,
        { headers: { "Content-Type": "text/csv" }, rawBody: file },
      );
      expect(imported.status).toBe(201);
      await releasesBuilt();
      await scheduler.idle();
    },
    /** Unit id → its staff total (all levels, everyone) as the headcount API shows it. */
    async staffTotals(date = "2024-12-31") {
      const response = await admin.request(
        "GET",
        `/api/admin/organisations/${organisation}/headcounts`,
      );
      expect(response.status).toBe(200);
      const release = headcountReleaseSchema.parse(await response.json());
      const cells = release.dates.find((d) => d.referenceDate === date)?.cells ?? [];
      return new Map(
        cells
          .filter((c) => c.part === "all" && c.level === null && c.dimension === null)
          .map((c) => [c.unitId, c.n]),
      );
    },
  };
}

describe("headcounts imported after a survey release was shown", () => {
  it("hide the staff total that would pin a hidden group of the shown release", async () => {
    const s = await setting();
    const shown = await s.readResults();
    const group = (unitId: string) =>
      shown.groups.find((g) => g.unitId === unitId && g.part === "all" && g.filters.length === 0);
    expect(group(s.b)?.n).toEqual({ hidden: "primary" });
    expect(group(s.a)?.n).toEqual({ hidden: "secondary" });
    await s.importHeadcounts();
    const staff = await s.staffTotals();
    expect(staff.get(s.a)).toEqual({ hidden: "secondary" });
    // The independent attacker, holding the shown release and the stored headcount tables.
    expect(attackSurveyWithHeadcounts(shown, s.storedHeadcounts(), "2024-12-31")).toEqual({
      publishedSmall: [],
      recoverable: [],
      narrow: [],
    });
  });

  it("publish it when nobody was shown the survey's results before (its next release is audited with it)", async () => {
    const s = await setting();
    await s.importHeadcounts();
    const staff = await s.staffTotals();
    expect(staff.get(s.a)).toEqual({ value: 10 });
    const after = await s.readResults();
    expect(after.knownHeadcounts[s.a]).toBe(10);
  });

  it("check the date that becomes the campaign's reference date, and keep the dates shown before as they were", async () => {
    const s = await setting();
    // A year earlier A had 40 staff: published, a cap that leaves room (10 of 40 answered).
    const earlier = HEADCOUNTS.replace(
      "A;support;10;5;5;0;10;0;0;10;0",
      "A;support;40;20;20;0;40;0;0;40;0",
    );
    await s.importHeadcounts("2023-12-31", earlier);
    const shown = await s.readResults();
    expect(shown.knownHeadcounts[s.a]).toBe(40);
    await s.importHeadcounts();
    expect((await s.staffTotals("2023-12-31")).get(s.a)).toEqual({ value: 40 });
    expect((await s.staffTotals()).get(s.a)).toEqual({ hidden: "secondary" });
    expect(attackSurveyWithHeadcounts(shown, s.storedHeadcounts(), "2024-12-31")).toEqual({
      publishedSmall: [],
      recoverable: [],
      narrow: [],
    });
  });
});
