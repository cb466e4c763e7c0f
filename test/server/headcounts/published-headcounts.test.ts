import { randomUUID } from "node:crypto";
import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import {
  buildAndStoreHeadcountRelease,
  readStoredHeadcountRelease,
} from "../../../server/headcounts/build-headcount-release";
import { importHeadcounts } from "../../../server/headcounts/import-headcounts";
import { loadReleaseInput } from "../../../server/results/load-release-input";
import { createFixtureCampaign, type FixtureCampaign } from "../campaign-fixture";

// The survey release input takes the headcounts readers were shown as attacker knowledge: each
// unit's published staff total at the latest reference date on or before the campaign closes.
let db: DbConnection;
let campaign: FixtureCampaign;
const actor = {
  id: randomUUID(),
  email: "admin@example.org",
  role: "admin" as const,
  organisationId: null,
  unitId: null,
  locale: "en" as const,
};
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";

beforeAll(async () => {
  db = openDatabase(":memory:");
  campaign = createFixtureCampaign(db, { closesAt: "2025-06-30T00:00:00.000Z" });
  const highs = await highsLoader();
  const slug = `org-${campaign.organisationId}`;
  for (const [date, a] of [
    ["2024-12-31", 30],
    ["2025-12-31", 40],
  ] as const) {
    const file = [
      HEADER,
      `A;support;${a};${a - 10};10;5;${a - 5};0;5;${a - 5};0`,
      "B;support;3;1;2;0;3;0;0;3;0",
      "C;support;20;10;10;5;15;0;5;15;0",
    ].join("\n");
    await importHeadcounts({
      db,
      actor,
      organisationSlug: slug,
      referenceDate: date,
      file: new TextEncoder().encode(file),
      now: new Date(),
      afterImport: () => {},
    });
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
