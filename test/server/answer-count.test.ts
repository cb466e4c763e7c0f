import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { recordCodeDistributor } from "../../server/auth/separation-of-duties";
import { answerCountSchema } from "../../server/contract/answer-count-schema";
import { openDatabase } from "../../server/db/open-database";
import {
  campaigns,
  invitationCodes,
  releases,
  responses,
  units,
  users,
} from "../../server/db/schema";
import { type RandomCampaign, randomCampaign } from "../analysis/random-campaign";
import { expectProblem, insertUser, signIn } from "./admin-fixture";
import { holdApartAnswers, storeRandomCampaign } from "./random-campaign-in-db";

// A seeded campaign of 110 answers with k = 8 (that of final-release.test.ts).
const campaign = fc.sample(randomCampaign(150, ["mixed", "skewed", "unanimous"]), {
  numRuns: 12,
  seed: 1,
})[1] as RandomCampaign;

async function setUp(interimResultRoles = "") {
  const db = openDatabase(":memory:");
  const stored = storeRandomCampaign(db, campaign, { interimResultRoles });
  const app = createApp({ db });
  const as = async (role: "admin" | "coordinator" | "evaluator") =>
    signIn(app, insertUser(db, role, { organisationId: stored.organisationId }));
  const count = (agent: Awaited<ReturnType<typeof as>>) =>
    agent.request("GET", `/api/admin/campaigns/${stored.slug}/answer-count`);
  return { db, app, as, count, ...stored };
}

function answered(db: ReturnType<typeof openDatabase>, campaignId: string) {
  return db.select().from(responses).where(eq(responses.campaignId, campaignId)).all().length;
}

describe("an open campaign's answer count, rounded down to a multiple of k", () => {
  it("tells a coordinator of a phased campaign 'at least' a multiple of k, moving only when the count passes the next one, with the codes issued", async () => {
    const { db, as, count, campaignId, organisationId } = await setUp();
    const k = campaign.input.k;
    holdApartAnswers(db, campaignId, answered(db, campaignId) % k);
    const n = answered(db, campaignId);
    expect(n % k).toBe(0);
    const unit = db.select().from(units).where(eq(units.organisationId, organisationId)).get();
    for (let i = 0; i < 3; i += 1)
      db.insert(invitationCodes)
        .values({ hash: randomUUID(), campaignId, unitId: unit?.id as string })
        .run();
    const coordinator = await as("coordinator");

    const read = async () => {
      const response = await count(coordinator);
      expect(response.status).toBe(200);
      return answerCountSchema.parse(await response.json());
    };
    expect(await read()).toEqual({ atLeast: n, k, issued: 3 });
    // k − 1 more answers: the figure does not move, so no single arrival shows; the k-th moves it.
    const answer = () =>
      db
        .insert(responses)
        .values({ id: randomUUID(), campaignId, unitId: unit?.id as string, answers: "{}" })
        .run();
    for (let i = 0; i < k - 1; i += 1) {
      answer();
      expect((await read()).atLeast).toBe(n);
    }
    answer();
    expect((await read()).atLeast).toBe(n + k);
    // No release is built, shown or needed for it.
    expect(db.select().from(releases).all()).toEqual([]);
  });

  it("fixes k from the first look (neither up nor down), without counting as a results view", async () => {
    const { as, count, slug, db, campaignId } = await setUp();
    const coordinator = await as("coordinator");
    const k = campaign.input.k;
    const patchK = (value: number) =>
      coordinator.request("PATCH", `/api/admin/campaigns/${slug}`, { body: { k: value } });
    // Before the look k may still go up and back (mutation check: the rule is what refuses).
    expect((await patchK(k + 1)).status).toBe(200);
    expect((await patchK(k)).status).toBe(200);
    expect((await count(coordinator)).status).toBe(200);
    await expectProblem(await patchK(k + 1), 409, "k-fixed");
    await expectProblem(await patchK(k - 1), 409, "k-fixed");
    const row = db.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
    expect(row).toMatchObject({ minCellSize: k, answerCountK: k, resultsViewedAt: null });
    const view = await coordinator.request("GET", `/api/admin/campaigns/${slug}`);
    expect(await view.json()).toMatchObject({
      campaign: { answerCountShown: true, resultsViewed: false },
    });
  });

  it("is refused to evaluators of a phased campaign, to an evaluator of a unit, to whoever generated or sent its codes, and once the campaign is closed", async () => {
    const phased = await setUp();
    await expectProblem(await phased.count(await phased.as("evaluator")), 403, "results-at-close");
    const admin = await phased.as("admin");
    expect((await phased.count(admin)).status).toBe(200);

    const live = await setUp("evaluator");
    expect((await live.count(await live.as("evaluator"))).status).toBe(200);
    // An evaluator of a unit: no organisation-wide figure.
    const unit = live.db
      .select()
      .from(units)
      .where(eq(units.organisationId, live.organisationId))
      .get();
    const unitEvaluator = await signIn(
      live.app,
      insertUser(live.db, "evaluator", { organisationId: live.organisationId, unitId: unit?.id }),
    );
    await expectProblem(await live.count(unitEvaluator), 403, "forbidden");
    const distributor = await live.as("coordinator");
    const distributorId = live.db.select().from(users).all().at(-1)?.id as string;
    recordCodeDistributor(live.db, live.campaignId, distributorId);
    await expectProblem(await live.count(distributor), 403, "separation-of-duties");

    const closing = await live.as("admin");
    expect((await closing.request("POST", `/api/admin/campaigns/${live.slug}/close`)).status).toBe(
      200,
    );
    await expectProblem(await live.count(closing), 409, "status");
  });
});
