import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../../server/db/open-database";
import * as schema from "../../../server/db/schema";
import { importHeadcounts } from "../../../server/headcounts/import-headcounts";
import { loadHeadcountDates } from "../../../server/headcounts/load-headcounts";
import { createOrganisation } from "../../../server/organisations/create-organisation";
import { importUnits } from "../../../server/organisations/import-units";
import { databaseBefore } from "../database-before";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-load-headcounts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const admin = { id: randomUUID(), email: "a@example.org", role: "admin" as const };
const session = { ...admin, organisationId: null, unitId: null, locale: "nl" as const };
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";

/** Organisation "org" with the units HR and FIN, as a coordinator sets it up. */
async function organisationWithUnits(db: Db): Promise<string> {
  const created = createOrganisation({
    db,
    actor: session,
    input: { slug: "org", name: { nl: "O", fr: "O", en: "O" } },
    now: new Date(),
  });
  await importUnits({
    db,
    actor: session,
    organisationSlug: "org",
    file: new TextEncoder().encode(
      "code;parent_code;kind;name_nl;name_fr;name_en\nHR;;service;HR;HR;HR\nFIN;;service;FIN;FIN;FIN",
    ),
    apply: true,
    now: new Date(),
  });
  return created.id;
}

async function organisationWithTwoDates() {
  const db = openDatabase(":memory:");
  const organisationId = await organisationWithUnits(db);
  for (const [date, hr] of [
    ["2023-12-31", 20],
    ["2022-12-31", 18],
  ] as const) {
    await importHeadcounts({
      db,
      actor: session,
      organisationSlug: "org",
      referenceDate: date,
      file: new TextEncoder().encode(
        [
          HEADER,
          `HR;support;${hr};${hr - 12};12;3;${hr - 5};2;1;${hr - 3};2`,
          "FIN;top;6;2;4;0;6;0;0;6;0",
        ].join("\n"),
      ),
      now: new Date(),
      afterImport: () => {},
    });
  }
  return { db, organisationId };
}

describe("loadHeadcountDates", () => {
  it("gives every date oldest first with its rows and the dimensions it carries", async () => {
    const { db, organisationId } = await organisationWithTwoDates();
    const stored = loadHeadcountDates(db, organisationId);
    expect(stored.dates.map((date) => date.referenceDate)).toEqual(["2022-12-31", "2023-12-31"]);
    const hr = (index: number) => stored.dates[index]?.rows.find((row) => row.level === "support");
    expect(hr(0)?.total).toBe(18);
    expect(hr(1)?.total).toBe(20);
    expect(hr(1)?.categories.gender).toEqual({ woman: 8, man: 12, x: 0 });
    expect(stored.dates[0]?.rows).toHaveLength(2);
    expect(
      [...(stored.dimensionsByDate.get("2022-12-31")?.get("foreign_origin") ?? [])].sort(),
    ).toEqual(["no", "unknown", "yes"]);
  });

  // A build keeps the dates readers were shown and protects only the new one: reading every
  // date's counts at each import was a sixth of a build at 1,000 units.
  it("reads a date's counts only when its rows are asked for", async () => {
    const { db, organisationId } = await organisationWithTwoDates();
    const stored = loadHeadcountDates(db, organisationId);
    expect(stored.dates[1]?.rows).toHaveLength(2);
    // Counts removed after loading: a date whose rows were not asked for yet reads none.
    db.$client.exec("DELETE FROM headcount_rows");
    expect(stored.dates[0]?.rows).toEqual([]);
    expect(stored.dates[1]?.rows).toHaveLength(2);
  });
});

describe("migrating stored headcounts to one row per unit and level (0015)", () => {
  it("reads the same figures after the migration, and imports and replaces dates after it", async () => {
    const path = join(dir, "before.db");
    const sqlite = databaseBefore(dir, "0015", path);
    // Organisation and units through the services (their tables did not change), the counts
    // as the importer stored them before: a row per count, the total as dimension "total".
    const organisationId = await organisationWithUnits(drizzle(sqlite, { schema }));
    const unitIds = new Map(
      (sqlite.prepare("SELECT code, id FROM units").all() as { code: string; id: string }[]).map(
        ({ code, id }) => [code, id],
      ),
    );
    const unit = (code: string) => unitIds.get(code) as string;
    const insertDate = sqlite.prepare("INSERT INTO headcount_dates VALUES (?, ?, ?, ?)");
    const insertCount = sqlite.prepare("INSERT INTO headcount_counts VALUES (?, ?, ?, ?, ?, ?)");
    // Per row: date, unit, level, total, then the counts of gender (woman, man, x), foreign
    // origin and disability (yes, no, unknown) and an organisation-added contract (statutory, 2).
    type Three = [number, number, number];
    const split = (
      [woman, man, x]: Three,
      [originYes, originNo, originUnknown]: Three,
      [yes, no, unknown]: Three,
      contract?: [number, number],
    ) => ({
      gender: { woman, man, x },
      foreign_origin: { yes: originYes, no: originNo, unknown: originUnknown },
      disability: { yes, no, unknown },
      ...(contract ? { contract: { statutory: contract[0], "2": contract[1] } } : {}),
    });
    const stored: [string, string, string, number, Record<string, Record<string, number>>][] = [
      ["d2022", "HR", "support", 18, split([6, 12, 0], [3, 13, 2], [1, 15, 2], [10, 8])],
      ["d2022", "FIN", "top", 6, split([2, 4, 0], [0, 6, 0], [0, 6, 0], [6, 0])],
      ["d2023", "HR", "support", 20, split([8, 12, 0], [3, 15, 2], [1, 17, 2])],
    ];
    insertDate.run("d2022", organisationId, "2022-12-31", "2023-01-15T00:00:00.000Z");
    insertDate.run("d2023", organisationId, "2023-12-31", "2024-01-15T00:00:00.000Z");
    for (const [date, code, level, total, categories] of stored) {
      insertCount.run(date, unit(code), level, "total", "all", total);
      for (const [dimension, values] of Object.entries(categories)) {
        for (const [value, count] of Object.entries(values)) {
          insertCount.run(date, unit(code), level, dimension, value, count);
        }
      }
    }
    sqlite.close();

    const migrated = openDatabase(path);
    const tables = migrated.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'headcount_%'")
      .all();
    expect(tables).not.toContainEqual({ name: "headcount_counts" });
    const loaded = loadHeadcountDates(migrated, organisationId);
    expect(loaded.dates.map((date) => date.referenceDate)).toEqual(["2022-12-31", "2023-12-31"]);
    const figures = (index: number) =>
      loaded.dates[index]?.rows.map(({ unitId, level, total, categories }) => ({
        unitId,
        level,
        total,
        categories,
      }));
    const expected = (date: string) =>
      stored
        .filter(([at]) => at === date)
        .map(([, code, level, total, categories]) => ({
          unitId: unit(code),
          level,
          total,
          categories,
        }))
        .sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
    expect(figures(0)).toEqual(expected("d2022"));
    expect(figures(1)).toEqual(expected("d2023"));
    const dimensions = (date: string) =>
      [...(loaded.dimensionsByDate.get(date) ?? [])].map(([key, values]) => [key, [...values]]);
    expect(dimensions("2022-12-31")).toEqual([
      ["contract", ["2", "statutory"]],
      ["disability", ["no", "unknown", "yes"]],
      ["foreign_origin", ["no", "unknown", "yes"]],
      ["gender", ["man", "woman", "x"]],
    ]);
    expect(dimensions("2023-12-31")).toEqual([
      ["disability", ["no", "unknown", "yes"]],
      ["foreign_origin", ["no", "unknown", "yes"]],
      ["gender", ["man", "woman", "x"]],
    ]);

    // A migrated date is replaced by a re-import as any other.
    const answer = await importHeadcounts({
      db: migrated,
      actor: session,
      organisationSlug: "org",
      referenceDate: "2023-12-31",
      file: new TextEncoder().encode(
        [
          "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown",
          "FIN;top;7;3;4;0;7;0;0;7;0",
        ].join("\n"),
      ),
      now: new Date(),
      afterImport: () => {},
    });
    expect(answer).toMatchObject({ replaced: true, rows: 1, staff: 7 });
    const after = loadHeadcountDates(migrated, organisationId);
    expect(after.dates[1]?.rows).toEqual([
      {
        unitId: unit("FIN"),
        level: "top",
        total: 7,
        categories: {
          disability: { no: 7, unknown: 0, yes: 0 },
          foreign_origin: { no: 7, unknown: 0, yes: 0 },
          gender: { man: 4, woman: 3, x: 0 },
        },
      },
    ]);
    expect(after.dates[0]?.rows).toEqual(expected("d2022"));
    migrated.$client.close();
  });
});
