import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import highsLoader, { type Highs } from "highs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { HeadcountDateRelease } from "../../../analysis/headcount-release";
import { headcountReleaseStamp } from "../../../server/db/headcount-release-stamp";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import * as schema from "../../../server/db/schema";
import { headcountReleaseDates, headcountReleases } from "../../../server/db/schema";
import {
  buildAndStoreHeadcountRelease,
  readStoredHeadcountRelease,
} from "../../../server/headcounts/build-headcount-release";
import { createOrganisation } from "../../../server/organisations/create-organisation";
import { createFixtureCampaign } from "../campaign-fixture";
import { databaseBefore } from "../database-before";
import { headcountAdmin, importThreeUnits } from "./three-unit-headcounts";

// Each import rebuilds the organisation's release from the one stored before it (the dates
// shown before are kept as shown). Each date is stored in its own row, so an import writes the
// dates it protected and leaves the others alone. The bulk worker keeps the release it stored
// last, so the next build does not parse the stored dates again (several MB at 1,000 units); a
// stored release that is no longer the one it wrote is read from the database.
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});
afterEach(() => {
  vi.restoreAllMocks();
});
const dir = mkdtempSync(join(tmpdir(), "peilpunt-headcount-release-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

function storedDates({
  db,
  organisationId,
}: {
  db: DbConnection;
  organisationId: string;
}): { referenceDate: string; body: string }[] {
  return db
    .select({
      referenceDate: headcountReleaseDates.referenceDate,
      body: headcountReleaseDates.body,
    })
    .from(headcountReleaseDates)
    .where(eq(headcountReleaseDates.organisationId, organisationId))
    .orderBy(headcountReleaseDates.referenceDate)
    .all();
}

/** Every write to the stored dates from now on, as "<statement> <reference date>". */
function logDateWrites(db: DbConnection): () => string[] {
  const sqlite = db.$client;
  sqlite.exec("CREATE TEMP TABLE date_writes (what TEXT)");
  for (const [event, row] of [
    ["INSERT", "new"],
    ["UPDATE", "new"],
    ["DELETE", "old"],
  ] as const) {
    sqlite.exec(
      `CREATE TEMP TRIGGER date_${event} AFTER ${event} ON headcount_release_dates BEGIN INSERT INTO date_writes VALUES ('${event} ' || ${row}.reference_date); END`,
    );
  }
  return () =>
    (sqlite.prepare("SELECT what FROM date_writes").all() as { what: string }[]).map(
      (row) => row.what,
    );
}

describe("headcount release built from the one stored before", () => {
  it("stores each date's JSON in its own row, and reads back the release it stored", async () => {
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    await importAndBuild(org, "2025-12-31", 40);
    const dates = storedDates(org);
    expect(dates.map((date) => date.referenceDate)).toEqual(["2024-12-31", "2025-12-31"]);
    for (const date of dates) expect(JSON.stringify(JSON.parse(date.body))).toBe(date.body);
    const stored = readStoredHeadcountRelease(org.db, org.organisationId);
    expect(stored?.release.dates).toEqual(dates.map((date) => JSON.parse(date.body)));
    expect(stored?.release.basis.map((entry) => entry.referenceDate)).toEqual([
      "2024-12-31",
      "2025-12-31",
    ]);
  });

  it("writes only the dates it protected: next year's import leaves the year before alone", async () => {
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    const before = storedDates(org);
    const writes = logDateWrites(org.db);
    await importAndBuild(org, "2025-12-31", 40);
    expect(writes()).toEqual(["INSERT 2025-12-31"]);
    expect(storedDates(org)[0]).toEqual(before[0]);
    // Importing the earlier date again protects both dates again, and writes both.
    await importAndBuild(org, "2024-12-31", 31);
    expect(writes().slice(1).sort()).toEqual([
      "DELETE 2024-12-31",
      "DELETE 2025-12-31",
      "INSERT 2024-12-31",
      "INSERT 2025-12-31",
    ]);
    expect(storedDates(org)).toHaveLength(2);
  });

  it("does not parse the stored dates again for the next date's build", async () => {
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    const [first] = storedDates(org);
    const parse = vi.spyOn(JSON, "parse");
    await importAndBuild(org, "2025-12-31", 40);
    expect(parse.mock.calls.some(([text]) => text === first?.body)).toBe(false);
    // The date shown before is kept exactly as it was stored.
    expect(storedDates(org)[0]).toEqual(first);
  });

  it("reads a stored date it did not write from the database, though its builtAt is the same", async () => {
    const control = organisation();
    await importAndBuild(control, "2024-12-31", 30);
    await importAndBuild(control, "2025-12-31", 40);
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    // Another writer (a restored file, another process) left the date with the same builtAt but
    // every published count of at least k two higher (and a body of another length): the next
    // date must be checked against those counts, so it hides the counts that did not change as
    // changes of two.
    const [shown] = storedDates(org);
    if (!shown) throw new Error("no date");
    const elsewhere = {
      ...(JSON.parse(shown.body) as HeadcountDateRelease),
      hiddenForChange: 12345,
    };
    for (const cell of elsewhere.cells) {
      if ("value" in cell.n && cell.n.value >= 5) cell.n = { value: cell.n.value + 2 };
    }
    org.db
      .update(headcountReleaseDates)
      .set({ body: JSON.stringify(elsewhere) })
      .where(eq(headcountReleaseDates.organisationId, org.organisationId))
      .run();
    await importAndBuild(org, "2025-12-31", 40);
    const hiddenForChange = (db: { db: DbConnection; organisationId: string }) =>
      readStoredHeadcountRelease(db.db, db.organisationId)?.release.dates[1]?.hiddenForChange ?? 0;
    expect(hiddenForChange(org)).toBeGreaterThan(hiddenForChange(control));
    // The date shown is kept as the other writer stored it.
    expect(storedDates(org)[0]?.body).toBe(JSON.stringify(elsewhere));
  });
});

describe("the stamp of a stored headcount release", () => {
  it("is its byte length, which SQLite has without reading the text (12 MB at 1,000 units)", () => {
    const { db, organisationId } = organisation();
    db.insert(headcountReleases).values({ organisationId, builtAt: "t", body: "{}" }).run();
    for (const [referenceDate, body] of [
      ["2024-12-31", "é"],
      ["2025-12-31", "ab"],
    ] as const)
      db.insert(headcountReleaseDates).values({ organisationId, referenceDate, body }).run();
    // 2 + 2 + 2 bytes ("é" is two), where counting characters would say 5.
    expect(headcountReleaseStamp(db, organisationId)).toEqual({ builtAt: "t", length: 6 });
  });
});

describe("migrating stored headcount releases to a row per date (0016)", () => {
  it("reads the release stored before as it was, character for character", async () => {
    // A release as the build stores it, written as one body the way it was before 0016.
    const org = organisation();
    await importAndBuild(org, "2024-12-31", 30);
    await importAndBuild(org, "2025-12-31", 40);
    const built = readStoredHeadcountRelease(org.db, org.organisationId);
    if (!built) throw new Error("no release");
    const body = JSON.stringify(built.release);
    expect(built.release.dates).toHaveLength(2);

    const path = join(dir, "before-0016.db");
    const sqlite = databaseBefore(dir, "0016", path);
    const old = drizzle(sqlite, { schema }) as unknown as DbConnection;
    const { id: organisationId } = createOrganisation({
      db: old,
      actor: headcountAdmin,
      input: { slug: "org", name: { nl: "O", fr: "O", en: "O" } },
      now: new Date(),
    });
    sqlite
      .prepare("INSERT INTO headcount_releases (organisation_id, built_at, body) VALUES (?, ?, ?)")
      .run(organisationId, built.builtAt, body);
    sqlite.close();

    const db = openDatabase(path);
    const migrated = readStoredHeadcountRelease(db, organisationId);
    expect(migrated?.builtAt).toBe(built.builtAt);
    expect(JSON.stringify(migrated?.release)).toBe(body);
    const summary = db
      .select({ body: headcountReleases.body })
      .from(headcountReleases)
      .where(eq(headcountReleases.organisationId, organisationId))
      .get();
    expect(JSON.parse(summary?.body ?? "").dates).toEqual([]);
    expect(storedDates({ db, organisationId }).map((date) => date.referenceDate)).toEqual([
      "2024-12-31",
      "2025-12-31",
    ]);
    db.$client.close();
  });
});
