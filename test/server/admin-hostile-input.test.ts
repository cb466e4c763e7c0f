import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { type Agent, campaignInput, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let fixture: FixtureCampaign;
let admin: Agent;

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  fixture = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  admin = await signIn(app, insertUser(db, "admin"));
});

const snapshot = () =>
  JSON.stringify(
    ["campaigns", "campaign_units", "users", "invitation_codes"].map((table) =>
      db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get(),
    ),
  );

/** Any JSON value, and valid bodies with one field replaced by one. */
const anyJson = fc.jsonValue({ maxDepth: 4 });
function mutated(valid: Record<string, unknown>) {
  return fc
    .tuple(fc.constantFrom(...Object.keys(valid), "__proto__", "extra"), anyJson)
    .map(([key, value]) => JSON.parse(JSON.stringify({ ...valid, [key]: value })) as unknown);
}

describe("hostile input to the admin API", () => {
  it("answers 4xx problem+json to invalid bodies, never 500, and stores nothing", async () => {
    const before = snapshot();
    // Each base body has two faults, so one mutated field never makes it valid.
    const valid = { ...campaignInput(fixture), slug: fixture.slug, k: 2 };
    const targets: [string, string, fc.Arbitrary<unknown>][] = [
      ["POST", "/api/admin/campaigns", fc.oneof(anyJson, mutated(valid))],
      [
        "PATCH",
        `/api/admin/campaigns/${fixture.slug}`,
        fc.oneof(anyJson, mutated({ k: 1, unitIds: [] })),
      ],
      [
        "POST",
        `/api/admin/campaigns/${fixture.slug}/codes`,
        fc.oneof(anyJson, mutated({ unitId: fixture.outOfScope, count: 0 })),
      ],
      [
        "POST",
        "/api/admin/users",
        fc.oneof(
          anyJson,
          mutated({ email: "x@example.org", role: "coordinator", password: "short" }),
        ),
      ],
      ["POST", "/api/admin/session", fc.oneof(anyJson, mutated({ email: "no", password: "" }))],
    ];
    for (const [method, path, body] of targets) {
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const response = await admin.request(method, path, { body: value });
          // An empty or unchanged PATCH is a valid no-op.
          if (method === "PATCH" && response.status === 200) return;
          if (response.status < 400 || response.status >= 500) {
            throw new Error(`${method} ${path} ${JSON.stringify(value)} → ${response.status}`);
          }
          expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        }),
        { numRuns: 300 },
      );
    }
    expect(snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
