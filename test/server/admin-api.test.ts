import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import {
  type Agent,
  campaignInput,
  expectProblem,
  insertUser,
  PASSWORD,
  signIn,
  staffUserSchema,
  userSchema,
} from "./admin-fixture";
import { buildReleaseNow, createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let orgA: FixtureCampaign;
let orgB: FixtureCampaign;
const as: Record<string, Agent> = {};
const emails: Record<string, string> = {};

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  orgA = createFixtureCampaign(db);
  orgB = createFixtureCampaign(db);
  emails.admin = insertUser(db, "admin");
  emails.coordinatorA = insertUser(db, "coordinator", { organisationId: orgA.organisationId });
  emails.evaluatorA = insertUser(db, "evaluator", { organisationId: orgA.organisationId });
  emails.unitEvaluatorA = insertUser(db, "evaluator", {
    organisationId: orgA.organisationId,
    unitId: orgA.inScope[0],
  });
  emails.coordinatorB = insertUser(db, "coordinator", { organisationId: orgB.organisationId });
  for (const [name, email] of Object.entries(emails)) as[name] = await signIn(app, email);
});

const campaignSchema = z.strictObject({
  slug: z.string(),
  organisationId: z.string(),
  organisationSlug: z.string(),
  title: z.object({ nl: z.string(), fr: z.string(), en: z.string() }),
  status: z.enum(["draft", "open", "closed", "archived"]),
  questionnaire: z.object({ slug: z.string(), version: z.number() }),
  unitIds: z.array(z.string()),
  locales: z.array(z.enum(["nl", "fr", "en"])),
  k: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  accessMode: z.enum(["open-link", "invitation-codes"]),
  retentionDays: z.number(),
  interimResultRoles: z.array(z.enum(["coordinator", "evaluator"])),
  thanksText: z.strictObject({ nl: z.string(), fr: z.string(), en: z.string() }),
  responsesDeleteAt: z.string().nullable(),
  resultsViewed: z.boolean(),
  answerCountShown: z.boolean(),
  respondentUrl: z.string(),
});

/** Every admin endpoint but sign-in, with a body where it takes one. */
function endpoints(slug: string): [string, string, unknown?][] {
  return [
    ["GET", "/api/admin/session"],
    ["DELETE", "/api/admin/session"],
    ["POST", "/api/admin/password", { currentPassword: PASSWORD, newPassword: "x".repeat(16) }],
    ["GET", "/api/admin/users"],
    [
      "POST",
      "/api/admin/users",
      { email: "n@example.org", role: "admin", password: "y".repeat(16) },
    ],
    ["PATCH", "/api/admin/users/some-id", { role: "admin" }],
    ["DELETE", "/api/admin/users/some-id"],
    ["GET", "/api/admin/organisations"],
    ["GET", "/api/admin/questionnaires"],
    ["GET", `/api/admin/questionnaires/${orgA.questionnaireSlug}/versions/1`],
    ["GET", "/api/admin/campaigns"],
    ["POST", "/api/admin/campaigns", campaignInput(orgA)],
    ["GET", `/api/admin/campaigns/${slug}`],
    ["PATCH", `/api/admin/campaigns/${slug}`, { k: 7 }],
    ["POST", `/api/admin/campaigns/${slug}/open`],
    ["POST", `/api/admin/campaigns/${slug}/close`],
    ["POST", `/api/admin/campaigns/${slug}/archive`],
    ["POST", `/api/admin/campaigns/${slug}/codes`, { unitId: orgA.inScope[0], count: 1 }],
    ["GET", `/api/admin/campaigns/${slug}/participation`],
    ["GET", "/api/admin/audit-log"],
  ];
}

describe("authentication", () => {
  it("answers 401 on every endpoint without a session, and with an unknown cookie", async () => {
    for (const [method, path, body] of endpoints(orgA.slug)) {
      const init = {
        method,
        headers: { "Content-Type": "application/json", Cookie: "peilpunt_session=forged" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      };
      await expectProblem(await app.request(path, init), 401, "unauthorized");
    }
  });

  it("signs in with a session cookie (HttpOnly, SameSite=Strict) and tells who is signed in", async () => {
    const response = await app.request("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: emails.coordinatorA?.toUpperCase(), password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^peilpunt_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = z
      .strictObject({ user: userSchema, csrfToken: z.string().min(40) })
      .parse(await response.json());
    expect(body.user).toMatchObject({ role: "coordinator", organisationId: orgA.organisationId });
    const me = await (as.coordinatorA as Agent).request("GET", "/api/admin/session");
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe(emails.coordinatorA);
  });

  it("stores only the SHA-256 of the session token", async () => {
    const agent = as.admin as Agent;
    const token = agent.cookie.split("=")[1] as string;
    const dump = JSON.stringify(db.$client.prepare("SELECT * FROM sessions").all());
    expect(dump).not.toContain(token);
  });

  it("marks the cookie Secure when configured", async () => {
    const secureApp = createApp({ db, config: { secureCookies: true } });
    const response = await secureApp.request("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: emails.evaluatorA, password: PASSWORD }),
    });
    expect(response.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("refuses a wrong password and an unknown account alike with 401", async () => {
    const wrong = { email: emails.evaluatorA, password: "not the password" };
    const unknown = { email: "nobody@example.org", password: PASSWORD };
    for (const body of [wrong, unknown]) {
      const response = await app.request("/api/admin/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const problem = await expectProblem(response, 401, "unauthorized");
      expect(problem.detail).toBe("The e-mail address or the password is wrong.");
    }
  });

  it("signs out: 204, the cookie is cleared and the session no longer works", async () => {
    const agent = await signIn(app, emails.evaluatorA as string);
    const out = await agent.request("DELETE", "/api/admin/session");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/peilpunt_session=;.*Max-Age=0/);
    await expectProblem(await agent.request("GET", "/api/admin/session"), 401);
  });
});

describe("CSRF and origin", () => {
  it("refuses every state-changing request without the CSRF token, or with a wrong one", async () => {
    const agent = as.admin as Agent;
    for (const [method, path, body] of endpoints(orgA.slug)) {
      if (method === "GET") continue;
      for (const csrf of [null, "wrong", `${agent.csrfToken}x`]) {
        await expectProblem(await agent.request(method, path, { body, csrf }), 403, "csrf");
      }
    }
    // Nothing happened: the campaign is still open with its k.
    const campaign = await (await agent.request("GET", `/api/admin/campaigns/${orgA.slug}`)).json();
    expect(campaign.campaign).toMatchObject({ status: "open", k: 5 });
  });

  it("does not accept another session's CSRF token", async () => {
    const other = as.coordinatorA as Agent;
    const response = await (as.admin as Agent).request(
      "PATCH",
      `/api/admin/campaigns/${orgA.slug}`,
      {
        body: { k: 6 },
        csrf: other.csrfToken,
      },
    );
    await expectProblem(response, 403, "csrf");
  });

  it("refuses requests from another origin or site, even with a valid token", async () => {
    const agent = as.admin as Agent;
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of foreign) {
      await expectProblem(
        await agent.request("PATCH", `/api/admin/campaigns/${orgA.slug}`, {
          body: { k: 6 },
          headers,
        }),
        403,
        "cross-origin",
      );
      await expectProblem(await agent.request("GET", "/api/admin/campaigns", { headers }), 403);
    }
    // Login CSRF: signing in from another site is refused as well.
    const login = await app.request("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body: JSON.stringify({ email: emails.admin, password: PASSWORD }),
    });
    await expectProblem(login, 403, "cross-origin");
  });

  it("accepts this server's own origin", async () => {
    const response = await (as.admin as Agent).request("GET", "/api/admin/campaigns", {
      headers: { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" },
    });
    expect(response.status).toBe(200);
  });
});

describe("scope and roles", () => {
  // Participation comes from the campaign's served release: build one first.
  beforeEach(async () => {
    await buildReleaseNow(db, orgA.campaignId);
    await buildReleaseNow(db, orgB.campaignId);
  });

  it("an evaluator of organisation A sees A's campaign read-only and nothing of B", async () => {
    const agent = as.evaluatorA as Agent;
    const list = z
      .object({ campaigns: z.array(campaignSchema) })
      .parse(await (await agent.request("GET", "/api/admin/campaigns")).json());
    expect(list.campaigns.map((c) => c.slug)).toEqual([orgA.slug]);
    expect((await agent.request("GET", `/api/admin/campaigns/${orgA.slug}`)).status).toBe(200);
    expect(
      (await agent.request("GET", `/api/admin/campaigns/${orgA.slug}/participation`)).status,
    ).toBe(200);
    for (const [method, path, body] of [
      ["PATCH", `/api/admin/campaigns/${orgA.slug}`, { k: 9 }],
      ["POST", `/api/admin/campaigns/${orgA.slug}/close`, undefined],
      ["POST", `/api/admin/campaigns/${orgA.slug}/codes`, { unitId: orgA.inScope[0], count: 1 }],
      ["POST", "/api/admin/campaigns", campaignInput(orgA)],
      ["GET", "/api/admin/audit-log", undefined],
      ["GET", "/api/admin/users", undefined],
    ] as const) {
      await expectProblem(await agent.request(method, path, { body }), 403, "forbidden");
    }
    for (const [method, path, body] of endpoints(orgB.slug)) {
      if (!path.includes(orgB.slug)) continue;
      await expectProblem(await agent.request(method, path, { body }), 404, "not-found");
    }
  });

  it("a coordinator manages its own organisation's campaigns only, and no users", async () => {
    const agent = as.coordinatorA as Agent;
    for (const [method, path, body] of endpoints(orgB.slug)) {
      if (!path.includes(orgB.slug)) continue;
      await expectProblem(await agent.request(method, path, { body }), 404, "not-found");
    }
    await expectProblem(
      await agent.request("POST", "/api/admin/campaigns", { body: campaignInput(orgB) }),
      403,
    );
    const created = await agent.request("POST", "/api/admin/campaigns", {
      body: campaignInput(orgA),
    });
    expect(created.status).toBe(201);
    for (const [method, path, body] of endpoints(orgA.slug)) {
      if (!path.startsWith("/api/admin/users")) continue;
      await expectProblem(await agent.request(method, path, { body }), 403, "forbidden");
    }
    const organisations = await (await agent.request("GET", "/api/admin/organisations")).json();
    expect(organisations.organisations.map((o: { id: string }) => o.id)).toEqual([
      orgA.organisationId,
    ]);
  });

  it("an evaluator of a unit sees that subtree only", async () => {
    const agent = as.unitEvaluatorA as Agent;
    const participation = await (
      await agent.request("GET", `/api/admin/campaigns/${orgA.slug}/participation`)
    ).json();
    expect(participation.units.map((u: { unitId: string }) => u.unitId)).toEqual([orgA.inScope[0]]);
    const organisations = await (await agent.request("GET", "/api/admin/organisations")).json();
    expect(organisations.organisations[0].units.map((u: { id: string }) => u.id)).toEqual([
      orgA.inScope[0],
    ]);
    await expectProblem(await agent.request("GET", `/api/admin/campaigns/${orgB.slug}`), 404);
  });

  it("an admin reaches every organisation", async () => {
    const agent = as.admin as Agent;
    const list = await (await agent.request("GET", "/api/admin/campaigns")).json();
    const slugs = list.campaigns.map((c: { slug: string }) => c.slug);
    expect(slugs).toContain(orgA.slug);
    expect(slugs).toContain(orgB.slug);
    expect(
      (await agent.request("GET", `/api/admin/campaigns/${orgB.slug}/participation`)).status,
    ).toBe(200);
  });

  it("reference data: questionnaires with versions and a version's definition", async () => {
    const agent = as.evaluatorA as Agent;
    const list = await (await agent.request("GET", "/api/admin/questionnaires")).json();
    expect(list.questionnaires).toContainEqual(
      expect.objectContaining({
        slug: orgA.questionnaireSlug,
        kind: "diagnosis",
        versions: [expect.objectContaining({ number: 1, published: true })],
      }),
    );
    const version = await agent.request(
      "GET",
      `/api/admin/questionnaires/${orgA.questionnaireSlug}/versions/1`,
    );
    expect(version.status).toBe(200);
    expect((await version.json()).definition.pages).toHaveLength(2);
    await expectProblem(
      await agent.request("GET", `/api/admin/questionnaires/${orgA.questionnaireSlug}/versions/9`),
      404,
    );
  });
});

describe("users (admin only)", () => {
  it("creates, changes and deletes accounts; a new password or deletion ends their sessions", async () => {
    const admin = as.admin as Agent;
    const created = await admin.request("POST", "/api/admin/users", {
      body: {
        email: "New.Evaluator@Example.org",
        role: "evaluator",
        organisationId: orgA.organisationId,
        unitId: orgA.inScope[1],
        password: "a long enough password",
      },
    });
    expect(created.status).toBe(201);
    const { user } = z.object({ user: staffUserSchema }).parse(await created.json());
    expect(user).toMatchObject({ email: "new.evaluator@example.org", unitId: orgA.inScope[1] });
    const stored = db.$client
      .prepare("SELECT password_hash FROM users WHERE id = ?")
      .get(user.id) as {
      password_hash: string;
    };
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);

    const session = await signIn(app, user.email, "a long enough password");
    const patched = await admin.request("PATCH", `/api/admin/users/${user.id}`, {
      body: { password: "another long password" },
    });
    expect(patched.status).toBe(200);
    await expectProblem(await session.request("GET", "/api/admin/session"), 401);

    const again = await signIn(app, user.email, "another long password");
    expect((await admin.request("DELETE", `/api/admin/users/${user.id}`)).status).toBe(204);
    await expectProblem(await again.request("GET", "/api/admin/session"), 401);
    const list = await (await admin.request("GET", "/api/admin/users")).json();
    expect(list.users.map((u: { email: string }) => u.email)).not.toContain(user.email);
  });

  it("refuses a role whose scope does not fit, a short password, a taken e-mail", async () => {
    const admin = as.admin as Agent;
    const base = { email: "x@example.org", password: "a long enough password" };
    const cases: [unknown, number, string][] = [
      [{ ...base, role: "coordinator" }, 422, "organisationId"],
      [{ ...base, role: "admin", organisationId: orgA.organisationId }, 422, "organisationId"],
      [
        {
          ...base,
          role: "coordinator",
          organisationId: orgA.organisationId,
          unitId: orgA.inScope[0],
        },
        422,
        "unitId",
      ],
      [
        {
          ...base,
          role: "evaluator",
          organisationId: orgA.organisationId,
          unitId: orgB.inScope[0],
        },
        422,
        "unitId",
      ],
      [{ ...base, role: "admin", password: "short" }, 422, "password"],
      [{ ...base, role: "superuser" }, 422, "role"],
    ];
    for (const [body, status, field] of cases) {
      const problem = await expectProblem(
        await admin.request("POST", "/api/admin/users", { body }),
        status,
      );
      expect(problem.errors?.map((e) => e.question)).toContain(field);
    }
    await expectProblem(
      await admin.request("POST", "/api/admin/users", {
        body: { ...base, email: emails.coordinatorB, role: "admin" },
      }),
      409,
      "email-taken",
    );
  });

  it("keeps at least one admin and does not let an admin delete itself", async () => {
    const admin = as.admin as Agent;
    const me = (await (await admin.request("GET", "/api/admin/session")).json()).user;
    await expectProblem(
      await admin.request("DELETE", `/api/admin/users/${me.id}`),
      409,
      "own-account",
    );
    await expectProblem(
      await admin.request("PATCH", `/api/admin/users/${me.id}`, {
        body: { role: "evaluator", organisationId: orgA.organisationId },
      }),
      409,
      "last-admin",
    );
    await expectProblem(await admin.request("DELETE", "/api/admin/users/no-such-user"), 404);
  });
});

describe("password change", () => {
  it("needs the current password, at least 12 characters, and ends every session but a renewed one", async () => {
    const email = insertUser(db, "evaluator", { organisationId: orgA.organisationId });
    const first = await signIn(app, email);
    const second = await signIn(app, email);
    await expectProblem(
      await first.request("POST", "/api/admin/password", {
        body: { currentPassword: "wrong", newPassword: "a brand new password" },
      }),
      403,
      "wrong-password",
    );
    const short = await expectProblem(
      await first.request("POST", "/api/admin/password", {
        body: { currentPassword: PASSWORD, newPassword: "short" },
      }),
      422,
    );
    expect(short.errors?.[0]?.question).toBe("newPassword");
    const changed = await first.request("POST", "/api/admin/password", {
      body: { currentPassword: PASSWORD, newPassword: "a brand new password" },
    });
    expect(changed.status).toBe(200);
    // Every session ends, the changing one too; it carries on under the new cookie.
    const renewed = (changed.headers.get("set-cookie") ?? "").split(";")[0] as string;
    await expectProblem(await first.request("GET", "/api/admin/session"), 401);
    expect((await app.request("/api/admin/session", { headers: { Cookie: renewed } })).status).toBe(
      200,
    );
    await expectProblem(await second.request("GET", "/api/admin/session"), 401);
    await signIn(app, email, "a brand new password");
  });
});

describe("session expiry", () => {
  it("ends a session after 8 hours idle, and after 24 hours in any case", async () => {
    let time = new Date("2030-06-01T08:00:00.000Z").getTime();
    const clockApp = createApp({ db, config: { now: () => new Date(time) } });
    const email = insertUser(db, "evaluator", { organisationId: orgA.organisationId });
    const idle = await signIn(clockApp, email);
    time += 8 * 3_600_000 - 1000;
    expect((await idle.request("GET", "/api/admin/session")).status).toBe(200);
    time += 8 * 3_600_000 - 1000;
    expect((await idle.request("GET", "/api/admin/session")).status).toBe(200);
    time += 8 * 3_600_000;
    await expectProblem(await idle.request("GET", "/api/admin/session"), 401);

    const busy = await signIn(clockApp, email);
    for (let hour = 0; hour < 23; hour++) {
      time += 3_600_000;
      expect((await busy.request("GET", "/api/admin/session")).status).toBe(200);
    }
    time += 3_600_000;
    await expectProblem(await busy.request("GET", "/api/admin/session"), 401);
  });
});

describe("input", () => {
  it("refuses invalid campaign input with 422 naming the fields, and stores nothing", async () => {
    const before = db.$client.prepare("SELECT count(*) AS n FROM campaigns").get();
    const agent = as.coordinatorA as Agent;
    const bad = { ...campaignInput(orgA), k: 2, locales: [], slug: "Not A Slug", extra: 1 };
    const problem = await expectProblem(
      await agent.request("POST", "/api/admin/campaigns", { body: bad }),
      422,
      "invalid-input",
    );
    expect(problem.errors?.map((e) => e.question).sort()).toEqual(["", "k", "locales", "slug"]);
    const notJson = await app.request("/api/admin/campaigns", {
      method: "POST",
      headers: {
        Cookie: agent.cookie,
        "X-CSRF-Token": agent.csrfToken,
        "Content-Type": "text/plain",
      },
      body: "slug=x",
    });
    await expectProblem(notJson, 415);
    const broken = await app.request("/api/admin/campaigns", {
      method: "POST",
      headers: {
        Cookie: agent.cookie,
        "X-CSRF-Token": agent.csrfToken,
        "Content-Type": "application/json",
      },
      body: "{",
    });
    await expectProblem(broken, 400);
    expect(db.$client.prepare("SELECT count(*) AS n FROM campaigns").get()).toEqual(before);
  });
});

describe("audit log", () => {
  it("records administrative actions; coordinators see their organisation's only", async () => {
    const admin = as.admin as Agent;
    const all = z
      .object({
        entries: z.array(
          z.strictObject({
            id: z.number(),
            at: z.string(),
            actor: z.string().nullable(),
            action: z.string(),
            target: z.string().nullable(),
            detail: z.record(z.string(), z.unknown()),
          }),
        ),
      })
      .parse(await (await admin.request("GET", "/api/admin/audit-log?limit=500")).json());
    const actions = new Set(all.entries.map((e) => e.action));
    for (const action of [
      "login.success",
      "login.failure",
      "logout",
      "password.change",
      "user.create",
      "user.update",
      "user.delete",
      "campaign.create",
    ]) {
      expect(actions, action).toContain(action);
    }
    const ids = all.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page = await (
      await admin.request("GET", `/api/admin/audit-log?limit=2&before=${ids[1]}`)
    ).json();
    expect(page.entries.map((e: { id: number }) => e.id)).toEqual(ids.slice(2, 4));

    const coordinator = await (
      await (as.coordinatorB as Agent).request("GET", "/api/admin/audit-log?limit=500")
    ).json();
    // B's coordinator sees its own sign-in, and nothing about organisation A's people or campaigns.
    expect(coordinator.entries.map((e: { actor: string | null }) => e.actor)).toContain(
      emails.coordinatorB,
    );
    const seen = JSON.stringify(coordinator);
    for (const name of ["coordinatorA", "evaluatorA", "unitEvaluatorA", "admin"]) {
      expect(seen).not.toContain(emails[name]);
    }
    expect(JSON.stringify(coordinator)).not.toContain(orgA.slug);
  });
});
