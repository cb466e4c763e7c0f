import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { organisationsAnswerSchema } from "../../server/contract/reference-schemas";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;
let draft: FixtureCampaign;

/** Every table's rows as text, to compare the database before and after a refused request. */
function snapshot(): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

beforeEach(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  admin = await signIn(app, insertUser(db, "admin"));
  // A draft on units A and B; then B is retired (A, B and C are all top units).
  draft = createFixtureCampaign(db, { status: "draft" });
  const retire = await admin.request(
    "PATCH",
    `/api/admin/organisations/org-${draft.organisationId}/units/B`,
    { body: { retired: true } },
  );
  expect(retire.status).toBe(200);
});

describe("retired units and campaigns", () => {
  it("GET /organisations marks retired units", async () => {
    const response = await admin.request("GET", "/api/admin/organisations");
    expect(response.status).toBe(200);
    const { organisations } = organisationsAnswerSchema.parse(await response.json());
    const units = organisations.find((entry) => entry.id === draft.organisationId)?.units ?? [];
    expect(units.map((unit) => [unit.code, unit.retired])).toEqual([
      ["A", false],
      ["B", true],
      ["C", false],
    ]);
  });

  it("a draft whose unit was retired after it was saved does not open (409, nothing changed); without it, it does", async () => {
    const before = snapshot();
    const refused = await expectProblem(
      await admin.request("POST", `/api/admin/campaigns/${draft.slug}/open`),
      409,
      "unit-retired",
    );
    expect(refused.units).toEqual(["B"]);
    expect(snapshot()).toBe(before);
    const [a] = draft.inScope as [string];
    const edited = await admin.request("PATCH", `/api/admin/campaigns/${draft.slug}`, {
      body: { unitIds: [a] },
    });
    expect(edited.status).toBe(200);
    const opened = await admin.request("POST", `/api/admin/campaigns/${draft.slug}/open`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { campaign: { status: string } }).campaign.status).toBe(
      "open",
    );
  });

  it("a reinstated unit lets the draft open as it was", async () => {
    const reinstate = await admin.request(
      "PATCH",
      `/api/admin/organisations/org-${draft.organisationId}/units/B`,
      { body: { retired: false } },
    );
    expect(reinstate.status).toBe(200);
    expect((await admin.request("POST", `/api/admin/campaigns/${draft.slug}/open`)).status).toBe(
      200,
    );
  });
});
