import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { inProcessBuilder, type ReleaseBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let scheduler: ReleaseScheduler;
let app: ReturnType<typeof createApp>;
let audits: string[];

/** The in-process builder, noting whether each build knew the true counts of what was shown. */
function recordingBuilder(): ReleaseBuilder {
  const inner = inProcessBuilder(db);
  return {
    ...inner,
    async build(campaignId, input, shown) {
      const built = await inner.build(campaignId, input, shown);
      if (shown.length > 0) audits.push(built.trueCountsKnown ? "known" : "unknown");
      return built;
    },
  };
}

function start() {
  scheduler = createReleaseScheduler({ db, builder: recordingBuilder(), debounceMs: 0 });
  app = createApp({ db, config: { releases: scheduler } });
}

beforeEach(() => {
  db = openDatabase(":memory:");
  audits = [];
  start();
});
afterEach(() => scheduler.close());

async function submit(campaign: FixtureCampaign, unit: string, gender: string) {
  const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answers: { unit, gender, excluded: "no", satisfaction: 3 } }),
  });
  expect(response.status).toBe(201);
}

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await scheduler.idle();
}

function storedColumns(): string[] {
  return (db.$client.prepare("PRAGMA table_info(releases)").all() as { name: string }[]).map(
    (column) => column.name,
  );
}

describe("true counts of served releases, in memory only", () => {
  it("keeps the true counts of served releases for the next audit, and has none after a restart", async () => {
    const columns = storedColumns();
    const campaign = createFixtureCampaign(db);
    const [a, b] = campaign.inScope as [string, string];
    const admin = await signIn(app, insertUser(db, "admin", {}));
    const read = async () => {
      const answer = await admin.request("GET", `/api/admin/campaigns/${campaign.slug}/results`);
      expect(answer.status).toBe(200);
      return (await answer.json()) as { builtAt: string };
    };
    for (let i = 0; i < 20; i++) await submit(campaign, i % 2 ? a : b, i % 3 ? "woman" : "man");
    await settle();
    const first = await read();
    for (let i = 0; i < 12; i++) await submit(campaign, i % 2 ? a : b, i % 4 ? "woman" : "man");
    await settle();
    const second = await read();
    expect(second.builtAt).not.toBe(first.builtAt);
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((audit) => audit === "known")).toBe(true);

    // A restart: a new builder has no true counts of the releases shown before.
    await scheduler.close();
    audits = [];
    start();
    for (let i = 0; i < 12; i++) await submit(campaign, i % 2 ? a : b, i % 3 ? "woman" : "man");
    await settle();
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((audit) => audit === "unknown")).toBe(true);
    // Nothing about the true counts was stored: the releases table kept its columns.
    expect(storedColumns()).toEqual(columns);
  });
});
