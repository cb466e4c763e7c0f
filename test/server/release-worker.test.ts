import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Release } from "../../analysis/release-types";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { loadReleaseInput } from "../../server/results/load-release-input";
import { inProcessBuilder, workerBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { randomCampaign } from "../analysis/random-campaign";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";
import { storeRandomCampaign } from "./random-campaign-in-db";

let dir: string;
let db: DbConnection;
let releases: ReleaseScheduler;
let builder: ReturnType<typeof workerBuilder>;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "peilpunt-worker-"));
  const path = join(dir, "peilpunt.db");
  db = openDatabase(path);
  campaign = createFixtureCampaign(db);
  // A long debounce: builds happen only when the test asks for them.
  builder = workerBuilder(path);
  releases = createReleaseScheduler({ db, builder, debounceMs: 60_000 });
  app = createApp({ db, config: { releases } });
});

afterEach(async () => {
  await releases.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function submit(gender: string) {
  const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answers: { unit: campaign.inScope[0], gender, excluded: "no" } }),
  });
  expect(response.status).toBe(201);
}

function stored(): { respondents: number; release: Release } {
  const row = db.$client
    .prepare("SELECT respondents, release FROM releases WHERE campaign_id = ?")
    .get(campaign.campaignId) as { respondents: number; release: string };
  return { respondents: row.respondents, release: JSON.parse(row.release) as Release };
}

const organisationN = (release: Release) =>
  release.groups.find(
    (group) => group.unitId === release.units[0]?.id && group.filters.length === 0,
  )?.n;

describe("release worker", () => {
  it("builds in a worker thread from the database file, then follows each new response once", async () => {
    for (let i = 0; i < 6; i++) await submit("woman");
    await releases.rebuild(campaign.campaignId);
    expect(stored().respondents).toBe(6);
    expect(organisationN(stored().release)).toEqual({ value: 6 });

    // Later submissions reach the worker's in-memory matrix; none is counted twice.
    for (let i = 0; i < 4; i++) await submit("man");
    await releases.rebuild(campaign.campaignId);
    expect(stored().respondents).toBe(10);
    expect(organisationN(stored().release)).toEqual({ value: 10 });
  });

  it("catches up on campaigns whose release is missing or behind", async () => {
    for (let i = 0; i < 5; i++) await submit("woman");
    await releases.catchUp();
    expect(stored().respondents).toBe(5);
  });

  it("builds a closed campaign's final release (LP stage, questions shared with a helper thread) as one thread does", async () => {
    // Several questions, groups hidden by size and answers an LP would derive (the campaign
    // of final-release.test.ts): the item audit's LP stage has work on both threads.
    const random = fc.sample(randomCampaign(150, ["mixed", "skewed", "unanimous"]), {
      numRuns: 12,
      seed: 1,
    })[1];
    if (!random) throw new Error("no campaign");
    const { campaignId } = storeRandomCampaign(db, random, { status: "closed" });
    const { input } = loadReleaseInput(db, campaignId);
    const threaded = await builder.build(campaignId, input, []);
    const oneThread = await inProcessBuilder(db).build(campaignId, input, []);
    expect(threaded.release.audit.itemLp).toBe(true);
    expect(threaded.release).toEqual(oneThread.release);
  }, 120_000);
});
