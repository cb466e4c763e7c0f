import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { campaignListAnswerSchema } from "../../server/contract/campaign-schemas";
import { userAnswerSchema, usersAnswerSchema } from "../../server/contract/staff-schemas";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import {
  type Agent,
  campaignInput,
  expectProblem,
  insertUser,
  PASSWORD,
  signIn,
} from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;
let first: FixtureCampaign;
let second: string;
let other: FixtureCampaign;

const idOf = (email: string) =>
  (db.$client.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string }).id;
/** What a reader gets for a campaign: its page, participation, results and an export. */
async function reads(agent: Agent, slug: string) {
  const base = `/api/admin/campaigns/${slug}`;
  return Promise.all(
    [base, `${base}/participation`, `${base}/results`, `${base}/results/export.xlsx`].map(
      async (path) => {
        const response = await agent.request("GET", path);
        const body = response.headers.get("content-type")?.includes("json")
          ? ((await response.json()) as { type?: string })
          : {};
        return `${response.status} ${body.type ?? ""}`.trim();
      },
    ),
  );
}

const NOT_FOUND = "404 urn:peilpunt:problem:not-found";

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  admin = await signIn(app, insertUser(db, "admin"));
  first = createFixtureCampaign(db, { status: "closed" });
  other = createFixtureCampaign(db, { status: "closed" });
  const created = await admin.request("POST", "/api/admin/campaigns", {
    body: campaignInput(first),
  });
  expect(created.status).toBe(201);
  second = ((await created.json()) as { campaign: { slug: string } }).campaign.slug;
});

describe("an evaluator limited to named campaigns", () => {
  it("admins set the limit; the users list shows it", async () => {
    const email = insertUser(db, "evaluator", { organisationId: first.organisationId });
    const response = await admin.request("PATCH", `/api/admin/users/${idOf(email)}`, {
      body: { campaigns: [first.slug] },
    });
    expect(response.status).toBe(200);
    expect(userAnswerSchema.parse(await response.json()).user.campaigns).toEqual([first.slug]);
    const list = usersAnswerSchema.parse(
      await (await admin.request("GET", "/api/admin/users")).json(),
    );
    expect(list.users.find((user) => user.email === email)?.campaigns).toEqual([first.slug]);
  });

  it("reads the named campaign; every other one, its participation, results and exports answer 404", async () => {
    const limitedEmail = insertUser(db, "evaluator", { organisationId: first.organisationId });
    const unlimited = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId: first.organisationId }),
    );
    const patched = await admin.request("PATCH", `/api/admin/users/${idOf(limitedEmail)}`, {
      body: { campaigns: [first.slug] },
    });
    expect(patched.status).toBe(200);
    const limited = await signIn(app, limitedEmail, PASSWORD);

    const listed = campaignListAnswerSchema.parse(
      await (await limited.request("GET", "/api/admin/campaigns")).json(),
    );
    expect(listed.campaigns.map((campaign) => campaign.slug)).toEqual([first.slug]);
    expect((await reads(limited, first.slug))[0]).toBe("200");
    expect(await reads(limited, second)).toEqual([NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]);
    // Without a limit the same evaluator role sees the second campaign (it is only a draft).
    expect((await reads(unlimited, second))[0]).toBe("200");
    expect((await reads(unlimited, second)).slice(1)).not.toEqual([
      NOT_FOUND,
      NOT_FOUND,
      NOT_FOUND,
    ]);
  });

  it("refuses a limit for other roles and campaigns of another organisation (422), and drops it with the role", async () => {
    const coordinator = insertUser(db, "coordinator", { organisationId: first.organisationId });
    const body = await expectProblem(
      await admin.request("PATCH", `/api/admin/users/${idOf(coordinator)}`, {
        body: { campaigns: [first.slug] },
      }),
      422,
    );
    expect(body.errors?.map((error) => error.question)).toEqual(["campaigns"]);
    const evaluator = insertUser(db, "evaluator", { organisationId: first.organisationId });
    const foreign = await expectProblem(
      await admin.request("PATCH", `/api/admin/users/${idOf(evaluator)}`, {
        body: { campaigns: [other.slug] },
      }),
      422,
    );
    expect(foreign.errors?.map((error) => error.question)).toEqual(["campaigns"]);
    // Created with a limit, then made a coordinator: the limit goes.
    const created = await admin.request("POST", "/api/admin/users", {
      body: {
        email: "limited@example.org",
        role: "evaluator",
        organisationId: first.organisationId,
        campaigns: [second],
        password: PASSWORD,
      },
    });
    expect(created.status).toBe(201);
    const { user } = userAnswerSchema.parse(await created.json());
    expect(user.campaigns).toEqual([second]);
    const promoted = await admin.request("PATCH", `/api/admin/users/${user.id}`, {
      body: { role: "coordinator" },
    });
    expect(userAnswerSchema.parse(await promoted.json()).user.campaigns).toEqual([]);
  });
});
