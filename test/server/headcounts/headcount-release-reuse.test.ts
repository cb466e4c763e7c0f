import { eq } from "drizzle-orm";
import highsLoader, { type Highs } from "highs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { headcountReleases } from "../../../server/db/schema";
import {
  buildAndStoreHeadcountRelease,
  readStoredHeadcountRelease,
  storedReleaseBody,
} from "../../../server/headcounts/build-headcount-release";
import { createFixtureCampaign } from "../campaign-fixture";
import { importThreeUnits } from "./three-unit-headcounts";

// Each import rebuilds the organisation's release from the one stored before it (the dates
// shown before are kept as shown). The bulk worker keeps the release it stored last, so the next
// build does not parse the stored body again (several MB at 1,000 units); a stored row that is no
// longer the one it wrote is read from the database.
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function organisation(): { db: DbConnection; organisationId: string } {
  const db = openDatabase(":memory:");
  const { organisationId } = createFixtureCampaign(db, { closesAt: "2025-06-30T00:00:00.000Z" });
  return { db, organisationId };
}

async function importAndBuild(
  { db, organisationId }: { db: DbConnection; organisationId: string },
  date: string,
  staffInA: number,
): Promise<void> {
  await importThreeUnits(db, organisationId, date, staffInA);
  const outcome = buildAndStoreHeadcountRelease({
    db,
    highs,
    organisationId,
    now: () => new Date("2026-01-01T00:00:00.000Z"),
  });
  expect(outcome).toBe("stored");
}

function storedBody({ db, organisationId }: { db: DbConnection; organisationId: string }): string {
  const row = db
    .select({ body: headcountReleases.body })
    .from(headcountReleases)
    .where(eq(headcountReleases.organisationId, organisationId))
    .get();
  if (!row) throw new Error("no stored release");
  return row.body;
}

describe("headcount release built from the one stored before", () => {
  it("stores the JSON of the release, character for character", async () => {
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    await importAndBuild(org, "2025-12-31", 40);
    const body = storedBody(org);
    expect(body).toBe(JSON.stringify(JSON.parse(body)));
    expect(storedReleaseBody(JSON.parse(body))).toBe(body);
    expect(JSON.parse(body).dates).toHaveLength(2);
  });

  it("does not parse the stored body again for the next date's build", async () => {
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    const first = storedBody(org);
    const parse = vi.spyOn(JSON, "parse");
    await importAndBuild(org, "2025-12-31", 40);
    expect(parse.mock.calls.some(([text]) => text === first)).toBe(false);
    // The date shown before is kept exactly as it was stored.
    expect(JSON.parse(storedBody(org)).dates[0]).toEqual(JSON.parse(first).dates[0]);
  });

  it("reads a stored row it did not write from the database, though its builtAt is the same", async () => {
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    // Another writer (a restored file, another process) left a row with the same builtAt: its
    // date, marked here by a changed audit figure, is what the next build keeps.
    const stored = readStoredHeadcountRelease(org.db, org.organisationId);
    if (!stored) throw new Error("no stored release");
    const elsewhere = structuredClone(stored.release);
    const shown = elsewhere.dates[0];
    if (!shown) throw new Error("no date");
    shown.hiddenForChange = 12345;
    org.db
      .update(headcountReleases)
      .set({ body: JSON.stringify(elsewhere) })
      .where(eq(headcountReleases.organisationId, org.organisationId))
      .run();
    await importAndBuild(org, "2025-12-31", 40);
    expect(JSON.parse(storedBody(org)).dates[0].hiddenForChange).toBe(12345);
  });
});
