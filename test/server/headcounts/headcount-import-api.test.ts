import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { headcountReleaseSchema } from "../../../server/contract/headcount-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { auditLog, units } from "../../../server/db/schema";
import {
  type HeadcountReleaseQueue,
  headcountReleaseQueue,
} from "../../../server/headcounts/headcount-release-queue";
import { inProcessBulkWriter } from "../../../server/jobs/bulk-writer";
import { type Agent, expectProblem, insertUser, signIn } from "../admin-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;
let organisationId: string;
let headcountReleases: HeadcountReleaseQueue;

const SLUG = "agentschap-h";
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
const VALID = [
  HEADER,
  "HR;top;6;2;4;0;6;0;0;6;0",
  "HR;support;30;18;12;3;25;2;1;27;2",
  "FIN;top;8;3;5;0;8;0;0;8;0",
  "FIN;support;25;15;10;5;20;0;2;20;3",
  "DIV;support;12;8;4;6;6;0;1;11;0",
].join("\r\n");

/** Every table's rows as text, to compare the database before and after a refused request. */
function snapshot(): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

const send = (agent: Agent, date: string, body: string | Uint8Array<ArrayBuffer>) =>
  agent.request("POST", `/api/admin/organisations/${SLUG}/headcounts/${date}`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: body,
  });

beforeAll(async () => {
  db = openDatabase(":memory:");
  const writer = inProcessBulkWriter(db, new Uint8Array(32));
  headcountReleases = headcountReleaseQueue({ build: (id) => writer.buildHeadcountRelease(id) });
  app = createApp({ db, config: { headcountReleases } });
  admin = await signIn(app, insertUser(db, "admin"));
  const created = await admin.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "Agentschap", fr: "Agence", en: "Agency" } },
  });
  organisationId = ((await created.json()) as { organisation: { id: string } }).organisation.id;
  const tree = [
    "code;parent_code;kind;name_nl;name_fr;name_en",
    "CEN;;entity;Centraal;Central;Central",
    "HR;CEN;service;Personeel;Personnel;HR",
    "FIN;CEN;service;Financiën;Finances;Finance",
    "DIV;;service;Diversiteit;Diversité;Diversity",
  ].join("\n");
  const imported = await admin.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: tree,
  });
  expect(imported.status).toBe(200);
});

describe("headcount import", () => {
  it("refuses every kind of fault, naming rows and fields, and leaves the database unchanged", async () => {
    const before = snapshot();
    const faulty = [
      HEADER,
      "XX;top;6;2;4;0;6;0;0;6;0",
      "HR;top;6;2;4;0;6;0;0;6;0",
      "HR;top;6;2;4;0;6;0;0;6;0",
      "FIN;boss;8;3;5;0;8;0;0;8;0",
      "FIN;support;-2;15;10;5;20;0;2;20;3",
      "DIV;support;12;8;4.5;6;6;0;1;11;0",
      "DIV;top;12;8;3;6;6;0;1;11;0",
    ].join("\n");
    const response = await send(admin, "2024-12-31", faulty);
    const body = (await response.clone().json()) as { errors: { row: number; question: string }[] };
    await expectProblem(response, 422, "invalid-headcount-file");
    expect(body.errors.map((e) => `${e.row}:${e.question}`)).toEqual([
      "4:unit_code",
      "5:job_level",
      "6:total",
      "7:gender.man",
      "8:gender",
    ]);
    expect(snapshot()).toBe(before);
    // The unknown unit is named once the rows themselves are well formed.
    const unknownUnit = await expectProblem(
      await send(admin, "2024-12-31", `${HEADER}\nXX;top;6;2;4;0;6;0;0;6;0`),
      422,
    );
    expect(unknownUnit.errors).toEqual([
      {
        row: 2,
        question: "unit_code",
        fault: "unknown-unit",
        params: { unit: "XX" },
        message: 'There is no unit "XX" in this organisation.',
      },
    ]);
    expect(snapshot()).toBe(before);
  });

  it("refuses a person-level file with that reason", async () => {
    const before = snapshot();
    const people = "personeelsnummer;naam;unit_code;gender\n1001;Jansen;HR;woman\n";
    const body = await expectProblem(await send(admin, "2024-12-31", people), 422);
    expect(body.errors?.[0]?.message).toMatch(/list of people/);
    const perPerson = "unit_code;job_level;gender;total\nHR;top;woman;1\n";
    const second = await expectProblem(await send(admin, "2024-12-31", perPerson), 422);
    expect(second.errors?.[0]?.message).toMatch(/one row per person/);
    expect(snapshot()).toBe(before);
  });

  it("imports a valid file with , and a byte-order mark, replaces a date on re-import, audit-logged", async () => {
    const comma = `\uFEFF${VALID.replaceAll(";", ",")}`;
    const first = await send(admin, "2024-12-31", comma);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      referenceDate: "2024-12-31",
      rows: 5,
      staff: 81,
      replaced: false,
    });
    const again = await send(admin, "2024-12-31", VALID);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { replaced: boolean }).replaced).toBe(true);
    const entries = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "headcounts.import"))
      .all();
    expect(entries.map((entry) => entry.target)).toEqual([
      `${SLUG}/2024-12-31`,
      `${SLUG}/2024-12-31`,
    ]);
    // One stored row per unit and level: its total and its category counts (gender.x left out
    // counts as 0), dimensions and values in alphabetical order.
    const stored = db.$client
      .prepare(
        "SELECT u.code, r.job_level, r.total, r.counts FROM headcount_rows r JOIN units u ON u.id = r.unit_id ORDER BY u.code, r.job_level",
      )
      .all() as { code: string; job_level: string; total: number; counts: string }[];
    expect(stored.map((row) => `${row.code}/${row.job_level}`)).toEqual([
      "DIV/support",
      "FIN/support",
      "FIN/top",
      "HR/support",
      "HR/top",
    ]);
    expect(stored[4]).toEqual({
      code: "HR",
      job_level: "top",
      total: 6,
      counts:
        '{"disability":{"no":6,"unknown":0,"yes":0},"foreign_origin":{"no":6,"unknown":0,"yes":0},"gender":{"man":4,"woman":2,"x":0}}',
    });
  });

  it("serves only the audited tables: no published cell of 1..k−1", async () => {
    await headcountReleases.idle();
    const response = await admin.request("GET", `/api/admin/organisations/${SLUG}/headcounts`);
    expect(response.status).toBe(200);
    const release = headcountReleaseSchema.parse(await response.json());
    const cells = release.dates[0]?.cells ?? [];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      if ("value" in cell.n) expect(cell.n.value === 0 || cell.n.value >= 5).toBe(true);
    }
    const organisationTotal = cells.find(
      (cell) => cell.unitId === organisationId && cell.level === null && cell.dimension === null,
    );
    expect(organisationTotal?.n).toEqual({ value: 81 });
    // One person with a disability among DIV's 12 support staff: hidden, never 0 and never 1.
    const div = db.select().from(units).where(eq(units.code, "DIV")).get();
    const disabled = cells.find(
      (cell) =>
        cell.unitId === div?.id &&
        cell.level === "support" &&
        cell.dimension === "disability" &&
        cell.value === "yes",
    );
    expect(disabled?.n).toEqual({ hidden: "primary" });
    // Below the top units, levels are not crossed with categories: HR's top management by
    // gender (2 women) is not a table at all.
    const hr = db.select().from(units).where(eq(units.code, "HR")).get();
    expect(cells.filter((cell) => cell.unitId === hr?.id && cell.level === "top")).toEqual([
      expect.objectContaining({ dimension: null }),
    ]);
  });

  it("lets an evaluator of a unit read its subtree only, and refuses them the import", async () => {
    const div = db.select().from(units).where(eq(units.code, "DIV")).get();
    const evaluator = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId, unitId: div?.id }),
    );
    const response = await evaluator.request("GET", `/api/admin/organisations/${SLUG}/headcounts`);
    expect(response.status).toBe(200);
    const release = headcountReleaseSchema.parse(await response.json());
    expect(new Set(release.dates[0]?.cells.map((cell) => cell.unitId))).toEqual(new Set([div?.id]));
    await expectProblem(await send(evaluator, "2025-12-31", VALID), 403);
    const other = await admin.request("POST", "/api/admin/organisations", {
      body: { slug: "other-h", name: { nl: "Ander", fr: "Autre", en: "Other" } },
    });
    const otherId = ((await other.json()) as { organisation: { id: string } }).organisation.id;
    const stranger = await signIn(app, insertUser(db, "coordinator", { organisationId: otherId }));
    await expectProblem(await send(stranger, "2025-12-31", VALID), 404);
  });

  it("offers a template that imports as it is (round trip), in each language's column names and separator", async () => {
    for (const lang of ["nl", "fr", "en"]) {
      const response = await admin.request(
        "GET",
        `/api/admin/organisations/${SLUG}/headcounts/template.csv?lang=${lang}`,
      );
      expect(response.status).toBe(200);
      const text = await response.text();
      // Column names in the template's language, Excel's separator for it.
      expect(text.split("\r\n")[0]).toContain(
        {
          nl: "eenheidscode;functieniveau;totaal;gender.vrouw;gender.man;gender.x;buitenlandse_herkomst.ja",
          fr: "code_unité;niveau_de_fonction;total;genre.femme;genre.homme;genre.x;origine_étrangère.oui",
          en: "unit_code,job_level,total,gender.woman,gender.man,gender.x,foreign_origin.yes",
        }[lang],
      );
      const imported = await send(
        admin,
        `2019-12-3${lang === "nl" ? 0 : lang === "fr" ? 1 : 0}`,
        text,
      );
      expect(imported.status).toBe(201);
    }
  });
});

describe("headcount indicators", () => {
  it("shows the organisation's shares against the Flemish targets from released figures", async () => {
    await headcountReleases.idle();
    const response = await admin.request(
      "GET",
      `/api/admin/organisations/${SLUG}/headcounts/indicators?targets=flanders-2020`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      unitId: string;
      indicators: {
        spec: { key: string };
        points: { referenceDate: string; share: number | null }[];
      }[];
    };
    expect(body.unitId).toBe(organisationId);
    expect(body.indicators.map((indicator) => indicator.spec.key)).toEqual([
      "foreign-origin",
      "disability",
      "women-middle",
      "women-top",
    ]);
    // Every share is a quotient of two figures the release publishes, or absent.
    const tables = headcountReleaseSchema.parse(
      await (await admin.request("GET", `/api/admin/organisations/${SLUG}/headcounts`)).json(),
    );
    const cells = tables.dates.find((d) => d.referenceDate === "2024-12-31")?.cells ?? [];
    const published = (dimension: string | null, value: string | null) => {
      const found = cells.find(
        (c) =>
          c.unitId === organisationId &&
          c.level === null &&
          c.dimension === dimension &&
          c.value === value,
      );
      return found && "value" in found.n ? found.n.value : null;
    };
    const foreign = body.indicators[0]?.points.find((p) => p.referenceDate === "2024-12-31");
    const count = published("foreign_origin", "yes");
    const staff = published(null, null);
    expect(foreign?.share).toEqual(count === null || staff === null ? null : count / staff);
    // 2 of unknown origin are hidden, so one more value must be: the 14 of foreign origin.
    expect(count).toBeNull();
  });
});
