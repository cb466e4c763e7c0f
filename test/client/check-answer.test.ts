import { beforeAll, describe, expect, it } from "vitest";
import { checkAnswer } from "../../client/admin/check-answer";
import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open-database";
import { type Agent, insertUser, signIn } from "../server/admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "../server/campaign-fixture";

let admin: Agent;
let fixture: FixtureCampaign;

beforeAll(async () => {
  const db = openDatabase(":memory:");
  const app = createApp({ db });
  fixture = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  admin = await signIn(app, insertUser(db, "admin"));
});

async function answer(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const response = await admin.request(method, `/api/admin${path}`, { body });
  expect(response.status).toBeLessThan(300);
  return response.json();
}

// The admin screens check every answer against the contract in development builds: the
// server's real answers must pass, and an answer that drifted from the contract must not.
describe("development-time answer checks (client/admin/check-answer.ts)", () => {
  it("accepts what the server answers on each screen's routes", async () => {
    const slug = fixture.slug;
    const reads = [
      "/session",
      "/organisations",
      "/questionnaires",
      `/questionnaires/${fixture.questionnaireSlug}/versions/1`,
      "/campaigns",
      `/campaigns/${slug}`,
      `/campaigns/${slug}/participation`,
      "/users",
      "/audit-log?limit=50",
    ];
    for (const path of reads) {
      expect(() => checkAnswer("GET", path, {}), path).toThrow(/outside the contract/);
      const body = await answer("GET", path);
      expect(() => checkAnswer("GET", path, body), path).not.toThrow();
    }
    const codes = `/campaigns/${slug}/codes`;
    const generated = await answer("POST", codes, { unitId: fixture.inScope[0], count: 2 });
    expect(() => checkAnswer("POST", codes, generated)).not.toThrow();
  });

  it("rejects an answer whose fields drifted from the contract", async () => {
    const path = `/campaigns/${fixture.slug}`;
    const { campaign } = (await answer("GET", path)) as { campaign: Record<string, unknown> };
    const renamed = { ...campaign, minCellSize: campaign.k, k: undefined };
    expect(() => checkAnswer("GET", path, { campaign: renamed })).toThrow(/outside the contract/);
  });

  it("refuses a route the contract does not know", () => {
    expect(() => checkAnswer("GET", "/campaigns/x/unknown", {})).toThrow(/No contract schema/);
  });
});
