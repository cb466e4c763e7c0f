import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { auditLog, units } from "../../../server/db/schema";
import { type Agent, campaignInput, expectProblem, insertUser, signIn } from "../admin-fixture";
import { createFixtureCampaign } from "../campaign-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;

const HEADER = "code;parent_code;kind;name_nl;name_fr;name_en;headcount";
const TREE = [
  HEADER,
  "CEN;;entity;Centrale diensten;Services centraux;Central services;",
  "HR;CEN;service;Personeelsdienst;Service du personnel;HR;40",
  "FIN;CEN;service;Financiën;Finances;Finance;12",
  "POL;;entity;Beleid;Politique;Policy;",
  "DIV;POL;service;Diversiteit;Diversité;Diversity;5",
];

/** Every table's rows as text, to compare the database before and after a refused request. */
function snapshot(): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

function sendFile(
  agent: Agent,
  slug: string,
  body: string | Uint8Array<ArrayBuffer>,
  apply = false,
) {
  return agent.request(
    "POST",
    `/api/admin/organisations/${slug}/units/${apply ? "import" : "preview"}`,
    { headers: { "Content-Type": "text/csv; charset=utf-8" }, rawBody: body },
  );
}

async function createOrganisation(slug: string) {
  const response = await admin.request("POST", "/api/admin/organisations", {
    body: { slug, name: { nl: `${slug} nl`, fr: `${slug} fr`, en: `${slug} en` } },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { organisation: { id: string } }).organisation.id;
}

function unitRows(organisationId: string) {
  return db
    .select()
    .from(units)
    .all()
    .filter((unit) => unit.organisationId === organisationId);
}

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  admin = await signIn(app, insertUser(db, "admin"));
});

describe("organisations", () => {
  it("admins create one (audit-logged); a taken slug is 409; others get 403", async () => {
    const id = await createOrganisation("agentschap-a");
    expect(db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "organisation.create",
      target: "agentschap-a",
      organisationId: id,
    });
    await expectProblem(
      await admin.request("POST", "/api/admin/organisations", {
        body: { slug: "agentschap-a", name: { nl: "x", fr: "x", en: "x" } },
      }),
      409,
      "slug-taken",
    );
    const body = await expectProblem(
      await admin.request("POST", "/api/admin/organisations", {
        body: { slug: "Not A Slug", name: { nl: "", fr: "x", en: "x" } },
      }),
      422,
    );
    expect(body.errors?.map((e) => e.question).sort()).toEqual(["name.nl", "slug"]);
    const coordinator = await signIn(app, insertUser(db, "coordinator", { organisationId: id }));
    await expectProblem(
      await coordinator.request("POST", "/api/admin/organisations", {
        body: { slug: "agentschap-z", name: { nl: "x", fr: "x", en: "x" } },
      }),
      403,
    );
  });
});

describe("unit tree import", () => {
  it("previews without writing, then applies added units in one go with an audit entry", async () => {
    const id = await createOrganisation("import-first");
    const before = snapshot();
    const preview = await sendFile(admin, "import-first", `\uFEFF${TREE.join("\r\n")}`);
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as { plan: { added: unknown[] }; applied: boolean };
    expect(previewed.applied).toBe(false);
    expect(previewed.plan.added).toHaveLength(5);
    expect(snapshot()).toBe(before);

    const applied = await sendFile(admin, "import-first", `\uFEFF${TREE.join("\r\n")}`, true);
    expect(applied.status).toBe(200);
    expect(((await applied.json()) as { applied: boolean }).applied).toBe(true);
    const stored = unitRows(id);
    expect(stored).toHaveLength(5);
    const byCode = new Map(stored.map((unit) => [unit.code, unit]));
    expect(byCode.get("HR")?.parentId).toBe(byCode.get("CEN")?.id);
    expect(byCode.get("HR")?.headcount).toBe(40);
    expect(db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "units.import",
      target: "import-first",
      organisationId: id,
    });
  });

  it("a re-import that renames, moves and leaves a unit out shows it, applies it, retires (never deletes)", async () => {
    const id = await createOrganisation("import-again");
    await sendFile(admin, "import-again", TREE.join("\n"), true);
    const changed = [
      HEADER,
      "CEN;;entity;Centrale diensten;Services centraux;Central services;",
      "HR;POL;service;Dienst Mensen;Service des personnes;People;40",
      "POL;;entity;Beleid;Politique;Policy;",
      "DIV;POL;service;Diversiteit;Diversité;Diversity;5",
    ].join("\n");
    const preview = (await (await sendFile(admin, "import-again", changed)).json()) as {
      plan: Record<string, { code: string }[]>;
    };
    expect(preview.plan.renamed?.map((u) => u.code)).toEqual(["HR"]);
    expect(preview.plan.moved).toEqual([{ code: "HR", from: "CEN", to: "POL" }]);
    expect(preview.plan.retired?.map((u) => u.code)).toEqual(["FIN"]);
    expect(preview.plan.added).toEqual([]);

    expect((await sendFile(admin, "import-again", changed, true)).status).toBe(200);
    const byCode = new Map(unitRows(id).map((unit) => [unit.code, unit]));
    expect(byCode.size).toBe(5);
    expect(byCode.get("HR")).toMatchObject({ nameEn: "People", parentId: byCode.get("POL")?.id });
    expect(byCode.get("FIN")?.retiredAt).not.toBeNull();

    // The same file again changes nothing.
    const again = (await (await sendFile(admin, "import-again", changed, true)).json()) as {
      plan: { unchanged: number };
      applied: boolean;
    };
    expect(again).toMatchObject({ applied: false, plan: { unchanged: 4 } });
  });

  for (const [label, file, expected] of [
    [
      "missing name, duplicate code, unknown parent",
      [HEADER, "A;;entity;;Alpha;Alpha;", "A;;entity;A2;A2;A2;", "B;NOPE;service;B;B;B;"].join(
        "\n",
      ),
      [
        [2, "name_nl"],
        [3, "code"],
        [4, "parent_code"],
      ],
    ],
    [
      "a cycle",
      [HEADER, "A;B;service;A;A;A;", "B;A;service;B;B;B;"].join("\n"),
      [
        [2, "parent_code"],
        [3, "parent_code"],
      ],
    ],
    ["a tab-separated file", TREE.join("\n").replaceAll(";", "\t"), [[0, "separator"]]],
    [
      "Latin-1 bytes",
      new Uint8Array([...new TextEncoder().encode(`${HEADER}\nA;;entity;Financi`), 0xeb, 0x0a]),
      [[0, "encoding"]],
    ],
  ] as const) {
    it(`refuses ${label}, naming rows and fields, and changes nothing`, async () => {
      // The organisation of the first test, with its five units: none may change.
      const slug = "import-first";
      const before = snapshot();
      const response = await sendFile(admin, slug, file, true);
      const body = (await response.clone().json()) as {
        errors: { row: number; question: string }[];
      };
      await expectProblem(response, 422, "invalid-unit-file");
      expect(body.errors.map((e) => [e.row, e.question])).toEqual(expected);
      expect(snapshot()).toBe(before);
    });
  }

  it("imports the same tree from an Excel workbook", async () => {
    const id = await createOrganisation("import-xlsx");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("units");
    for (const line of TREE) sheet.addRow(line.split(";").map((field) => field.replace(/"/g, "")));
    const response = await admin.request(
      "POST",
      "/api/admin/organisations/import-xlsx/units/import",
      {
        headers: {
          "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
        rawBody: new Uint8Array(await book.xlsx.writeBuffer()),
      },
    );
    expect(response.status).toBe(200);
    const byCode = new Map(unitRows(id).map((unit) => [unit.code, unit]));
    expect(byCode.size).toBe(5);
    expect(byCode.get("HR")?.headcount).toBe(40);
  });

  it("refuses a body that is not CSV or XLSX", async () => {
    const response = await admin.request(
      "POST",
      "/api/admin/organisations/import-first/units/preview",
      {
        body: { units: [] },
      },
    );
    await expectProblem(response, 415, "unsupported-media-type");
  });

  it("refuses to move a unit used by a closed campaign, changing nothing; renames and retires it", async () => {
    const campaign = createFixtureCampaign(db, { status: "closed" });
    const slug = `org-${campaign.organisationId}`;
    const line = (code: string, parent: string, name = `Unit ${code}`) =>
      `${code};${parent};entity;Eenheid ${code};Unité ${code};${name};`;
    const before = snapshot();
    const moveA = [HEADER, line("A", "C"), line("B", ""), line("C", "")].join("\n");
    const refused = await expectProblem(
      await sendFile(admin, slug, moveA, true),
      409,
      "unit-in-use",
    );
    expect(refused.units).toEqual(["A"]);
    expect(snapshot()).toBe(before);
    // C is not used: it may move. A may be renamed; B, left out, is retired, not deleted.
    const allowed = [HEADER, line("A", "", "Unit A renamed"), line("C", "A")].join("\n");
    expect((await sendFile(admin, slug, allowed, true)).status).toBe(200);
    const byCode = new Map(unitRows(campaign.organisationId).map((unit) => [unit.code, unit]));
    expect(byCode.get("A")?.nameEn).toBe("Unit A renamed");
    expect(byCode.get("C")?.parentId).toBe(byCode.get("A")?.id);
    expect(byCode.get("B")?.retiredAt).not.toBeNull();
    // A retired unit is offered to no new campaign.
    const body = await expectProblem(
      await admin.request("POST", "/api/admin/campaigns", {
        body: campaignInput({ ...campaign, inScope: [byCode.get("B")?.id as string] }),
      }),
      422,
    );
    expect(body.errors?.map((e) => e.question)).toEqual(["unitIds"]);
  });
});

describe("who may import", () => {
  it("a coordinator imports for their organisation only; B's is 404 to them; evaluators get 403", async () => {
    const a = await createOrganisation("org-a");
    const b = await createOrganisation("org-b");
    const coordinatorA = await signIn(app, insertUser(db, "coordinator", { organisationId: a }));
    const evaluatorA = await signIn(app, insertUser(db, "evaluator", { organisationId: a }));
    const evaluatorB = await signIn(app, insertUser(db, "evaluator", { organisationId: b }));
    expect((await sendFile(coordinatorA, "org-a", TREE.join("\n"), true)).status).toBe(200);
    const before = snapshot();
    await expectProblem(await sendFile(coordinatorA, "org-b", TREE.join("\n"), true), 404);
    await expectProblem(await sendFile(coordinatorA, "org-b", TREE.join("\n")), 404);
    await expectProblem(await sendFile(evaluatorA, "org-a", TREE.join("\n"), true), 403);
    await expectProblem(await sendFile(evaluatorB, "org-b", TREE.join("\n")), 403);
    expect(snapshot()).toBe(before);
    expect(unitRows(b)).toEqual([]);
  });
});
