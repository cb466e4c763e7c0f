import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import {
  type DbConnection,
  migrationsFolder,
  openDatabase,
} from "../../../server/db/open-database";
import * as schema from "../../../server/db/schema";
import { importHeadcounts } from "../../../server/headcounts/import-headcounts";
import { loadHeadcountDates } from "../../../server/headcounts/load-headcounts";
import { createOrganisation } from "../../../server/organisations/create-organisation";
import { importUnits } from "../../../server/organisations/import-units";

const dir = mkdtempSync(join(tmpdir(), "peilpunt-headcount-rows-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const session = {
  id: randomUUID(),
  email: "a@example.org",
  role: "admin" as const,
  organisationId: null,
  unitId: null,
  locale: "nl" as const,
};

/** A database file migrated as it was before 0015 (one stored row per count). */
function databaseBefore0015(path: string): Database.Database {
  const old = join(dir, "migrations-before-0015");
  mkdirSync(join(old, "meta"), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < "0015");
  writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal));
  for (const entry of journal.entries as { tag: string }[]) {
    copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(old, `${entry.tag}.sql`));
  }
  const sqlite = new Database(path);
  sqlite.pragma("foreign_keys = ON");
  migrate(drizzle(sqlite), { migrationsFolder: old });
  return sqlite;
}

describe("migrating stored headcounts to one row per unit and level (0015)", () => {
  it("reads the same figures after the migration, and imports and replaces dates after it", async () => {
    const path = join(dir, "before.db");
    const sqlite = databaseBefore0015(path);
    // Organisation and units through the services (their tables did not change), the counts
    // as the importer stored them before: a row per count, the total as dimension "total".
    const db = drizzle(sqlite, { schema }) as unknown as DbConnection;
    const organisation = createOrganisation({
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
    const unitIds = new Map(
      (sqlite.prepare("SELECT code, id FROM units").all() as { code: string; id: string }[]).map(
        ({ code, id }) => [code, id],
      ),
    );
    const unit = (code: string) => unitIds.get(code) as string;
    const insertDate = sqlite.prepare("INSERT INTO headcount_dates VALUES (?, ?, ?, ?)");
    const insertCount = sqlite.prepare("INSERT INTO headcount_counts VALUES (?, ?, ?, ?, ?, ?)");
    const stored: [string, string, string, number, Record<string, Record<string, number>>][] = [
      [
        "d2022",
        "HR",
        "support",
        18,
        {
          gender: { woman: 6, man: 12, x: 0 },
          foreign_origin: { yes: 3, no: 13, unknown: 2 },
          disability: { yes: 1, no: 15, unknown: 2 },
          contract: { statutory: 10, "2": 8 },
        },
      ],
      [
        "d2022",
        "FIN",
        "top",
        6,
        {
          gender: { woman: 2, man: 4, x: 0 },
          foreign_origin: { yes: 0, no: 6, unknown: 0 },
          disability: { yes: 0, no: 6, unknown: 0 },
          contract: { statutory: 6, "2": 0 },
        },
      ],
      [
        "d2023",
        "HR",
        "support",
        20,
        {
          gender: { woman: 8, man: 12, x: 0 },
          foreign_origin: { yes: 3, no: 15, unknown: 2 },
          disability: { yes: 1, no: 17, unknown: 2 },
        },
      ],
    ];
    insertDate.run("d2022", organisation.id, "2022-12-31", "2023-01-15T00:00:00.000Z");
    insertDate.run("d2023", organisation.id, "2023-12-31", "2024-01-15T00:00:00.000Z");
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
    const loaded = loadHeadcountDates(migrated, organisation.id);
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
    const after = loadHeadcountDates(migrated, organisation.id);
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
