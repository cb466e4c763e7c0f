import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import {
  unitImportAnswerSchema,
  unitTreeAnswerSchema,
} from "../../../server/contract/organisation-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { auditLog } from "../../../server/db/schema";
import { type Agent, expectProblem, insertUser, signIn } from "../admin-fixture";
import { createFixtureCampaign } from "../campaign-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;

const TREE = [
  "code;parent_code;kind;name_nl;name_fr;name_en;headcount",
  "CEN;;entity;Centrale diensten;Services centraux;Central services;",
  "HR;CEN;service;Personeelsdienst;Service du personnel;HR;40",
  "POL;;entity;Beleid;Politique;Policy;",
].join("\n");

/** Every table's rows as text, to compare the database before and after a refused request. */
function snapshot(): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

async function organisationWithTree(slug: string) {
  const created = await admin.request("POST", "/api/admin/organisations", {
    body: { slug, name: { nl: slug, fr: slug, en: slug } },
  });
  expect(created.status).toBe(201);
  const imported = await admin.request("POST", `/api/admin/organisations/${slug}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: TREE,
  });
  expect(imported.status).toBe(200);
}

async function tree(agent: Agent, slug: string) {
  const response = await agent.request("GET", `/api/admin/organisations/${slug}/units`);
  expect(response.status).toBe(200);
  const answer = unitTreeAnswerSchema.parse(await response.json());
  return new Map(answer.units.map((unit) => [unit.code, unit]));
}

const names = (en: string) => ({ nl: `${en} nl`, fr: `${en} fr`, en });

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  admin = await signIn(app, insertUser(db, "admin"));
});

describe("units on screen", () => {
  it("lists the tree with retired units, headcounts and use", async () => {
    await organisationWithTree("edit-list");
    const units = await tree(admin, "edit-list");
    expect([...units.keys()].sort()).toEqual(["CEN", "HR", "POL"]);
    expect(units.get("HR")).toMatchObject({
      parentId: units.get("CEN")?.id,
      headcount: 40,
      retired: false,
      inUse: false,
    });
  });

  it("adds, renames, moves, retires and reinstates, each audit-logged", async () => {
    await organisationWithTree("edit-all");
    const add = await admin.request("POST", "/api/admin/organisations/edit-all/units", {
      body: { code: "DIV", parentCode: "POL", kind: "service", name: names("Diversity") },
    });
    expect(add.status).toBe(201);
    expect(unitImportAnswerSchema.parse(await add.json()).plan.added).toHaveLength(1);
    const patch = (code: string, body: unknown) =>
      admin.request("PATCH", `/api/admin/organisations/edit-all/units/${code}`, { body });

    expect((await patch("DIV", { name: names("Diversity & inclusion") })).status).toBe(200);
    const moved = await patch("DIV", { parentCode: "CEN" });
    expect(unitImportAnswerSchema.parse(await moved.json()).plan.moved).toEqual([
      { code: "DIV", from: "POL", to: "CEN" },
    ]);
    expect((await patch("POL", { retired: true })).status).toBe(200);
    let units = await tree(admin, "edit-all");
    expect(units.get("DIV")).toMatchObject({
      parentId: units.get("CEN")?.id,
      name: names("Diversity & inclusion"),
    });
    expect(units.get("POL")?.retired).toBe(true);
    expect((await patch("POL", { retired: false })).status).toBe(200);
    units = await tree(admin, "edit-all");
    expect(units.get("POL")?.retired).toBe(false);
    const actions = db
      .select()
      .from(auditLog)
      .all()
      .filter((entry) => entry.target?.startsWith("edit-all/"))
      .map((entry) => [entry.action, entry.target]);
    expect(actions).toEqual([
      ["unit.add", "edit-all/DIV"],
      ["unit.rename", "edit-all/DIV"],
      ["unit.move", "edit-all/DIV"],
      ["unit.retire", "edit-all/POL"],
      ["unit.reinstate", "edit-all/POL"],
    ]);
  });

  for (const [label, method, path, body, status, fields] of [
    [
      "a taken code",
      "POST",
      "units",
      { code: "HR", parentCode: null, kind: "service", name: names("x") },
      422,
      ["code"],
    ],
    [
      "an unknown parent",
      "POST",
      "units",
      { code: "NEW", parentCode: "NOPE", kind: "service", name: names("x") },
      422,
      ["parentCode"],
    ],
    [
      "a missing name",
      "POST",
      "units",
      { code: "NEW", parentCode: null, kind: "service", name: { nl: "", fr: "x", en: "x" } },
      422,
      ["name.nl"],
    ],
    ["a move below itself", "PATCH", "units/CEN", { parentCode: "HR" }, 422, ["parentCode"]],
    [
      "retiring a unit with units below it",
      "PATCH",
      "units/CEN",
      { retired: true },
      422,
      ["retired"],
    ],
    ["an unknown unit", "PATCH", "units/NOPE", { name: names("x") }, 404, []],
    ["an empty change", "PATCH", "units/HR", {}, 422, [""]],
  ] as const) {
    it(`refuses ${label} and changes nothing`, async () => {
      await organisationWithTree(`edit-bad-${label.replaceAll(" ", "-")}`);
      const before = snapshot();
      const problem = await expectProblem(
        await admin.request(
          method,
          `/api/admin/organisations/edit-bad-${label.replaceAll(" ", "-")}/${path}`,
          { body },
        ),
        status,
      );
      if (status === 422) expect(problem.errors?.map((e) => e.question)).toEqual(fields);
      expect(snapshot()).toBe(before);
    });
  }

  it("moves of units used by an opened campaign are refused like in an import", async () => {
    const campaign = createFixtureCampaign(db, { status: "closed" });
    const slug = `org-${campaign.organisationId}`;
    const units = await tree(admin, slug);
    expect(units.get("A")?.inUse).toBe(true);
    const before = snapshot();
    await expectProblem(
      await admin.request("PATCH", `/api/admin/organisations/${slug}/units/A`, {
        body: { parentCode: "C" },
      }),
      409,
      "unit-in-use",
    );
    expect(snapshot()).toBe(before);
  });

  it("a coordinator edits their organisation only; evaluators get 403", async () => {
    await organisationWithTree("edit-own");
    await organisationWithTree("edit-other");
    const own = (await tree(admin, "edit-own")).get("HR");
    const organisationId = db.$client
      .prepare("SELECT organisation_id AS id FROM units WHERE id = ?")
      .get(own?.id) as { id: string };
    const coordinator = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: organisationId.id }),
    );
    const evaluator = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: organisationId.id }),
    );
    const rename = { name: names("People") };
    expect(
      (
        await coordinator.request("PATCH", "/api/admin/organisations/edit-own/units/HR", {
          body: rename,
        })
      ).status,
    ).toBe(200);
    const before = snapshot();
    await expectProblem(
      await coordinator.request("PATCH", "/api/admin/organisations/edit-other/units/HR", {
        body: rename,
      }),
      404,
    );
    await expectProblem(
      await coordinator.request("GET", "/api/admin/organisations/edit-other/units"),
      404,
    );
    await expectProblem(
      await evaluator.request("PATCH", "/api/admin/organisations/edit-own/units/HR", {
        body: rename,
      }),
      403,
    );
    await expectProblem(
      await evaluator.request("GET", "/api/admin/organisations/edit-own/units"),
      403,
    );
    expect(snapshot()).toBe(before);
  });
});
