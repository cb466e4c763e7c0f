import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import {
  buildAndStoreHeadcountRelease,
  readStoredHeadcountRelease,
} from "../../../server/headcounts/build-headcount-release";
import { loadReleaseInput } from "../../../server/results/load-release-input";
import { createFixtureCampaign, type FixtureCampaign } from "../campaign-fixture";
import { importThreeUnits } from "./three-unit-headcounts";

// The survey release input takes the headcounts readers were shown as attacker knowledge: each
// unit's published staff total at the latest reference date on or before the campaign closes.
let db: DbConnection;
let campaign: FixtureCampaign;
beforeAll(async () => {
  db = openDatabase(":memory:");
  campaign = createFixtureCampaign(db, { closesAt: "2025-06-30T00:00:00.000Z" });
  const highs = await highsLoader();
  for (const [date, a] of [
    ["2024-12-31", 30],
    ["2025-12-31", 40],
  ] as const) {
    await importThreeUnits(db, campaign.organisationId, date, a);
    buildAndStoreHeadcountRelease({
      db,
      highs,
      organisationId: campaign.organisationId,
      now: () => new Date(),
    });
  }
});

describe("knownHeadcounts of the survey release input", () => {
  it("holds the published unit totals of the latest date before the campaign closed, never a hidden one", () => {
    const known = loadReleaseInput(db, campaign.campaignId).input.knownHeadcounts ?? {};
    const release = readStoredHeadcountRelease(db, campaign.organisationId)?.release;
    const date = release?.dates.find((d) => d.referenceDate === "2024-12-31");
    const shown = Object.fromEntries(
      (date?.cells ?? [])
        .filter((c) => c.part === "all" && c.level === null && c.dimension === null)
        .flatMap((c) => ("value" in c.n ? [[c.unitId, c.n.value]] : [])),
    );
    expect(known).toEqual(shown);
    const unitA = Object.entries(known).find(([, n]) => n === 30);
    // Unit A's 30 of 2024 is known; 2025's 40 comes after the campaign closed.
    expect(unitA).toBeDefined();
    expect(Object.values(known)).not.toContain(40);
    // Unit B's 3 staff are hidden in the headcount tables, so unknown to an attacker.
    expect(Object.values(known)).not.toContain(3);
  });
});
