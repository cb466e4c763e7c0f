import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/db/open-database";
import { importHeadcounts } from "../../../server/headcounts/import-headcounts";
import { loadHeadcountDates } from "../../../server/headcounts/load-headcounts";
import { createOrganisation } from "../../../server/organisations/create-organisation";
import { importUnits } from "../../../server/organisations/import-units";

const admin = { id: randomUUID(), email: "a@example.org", role: "admin" as const };
const session = { ...admin, organisationId: null, unitId: null, locale: "nl" as const };
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";

async function organisationWithTwoDates() {
  const db = openDatabase(":memory:");
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
  return { db, organisationId: created.id };
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
