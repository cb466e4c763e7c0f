import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { codesAnswerSchema } from "../../server/contract/campaign-schemas";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let releases: ReleaseScheduler;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let generator: Agent;
let colleague: Agent;

beforeEach(async () => {
  db = openDatabase(":memory:");
  releases = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  app = createApp({ db, config: { releases, submissionsPerMinute: 10_000 } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  generator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
  colleague = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});
afterEach(() => releases.close());

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await releases.idle();
}

const resultPaths = (slug: string) => [
  `/api/admin/campaigns/${slug}/results`,
  `/api/admin/campaigns/${slug}/results/tables/units`,
  `/api/admin/campaigns/${slug}/results/comments`,
  `/api/admin/campaigns/${slug}/results/export.xlsx`,
];

describe("separation of duties: whoever holds codes cannot read results", () => {
  it("replays the stuffing attack: the generator pads a unit with unused codes and still cannot read it", async () => {
    const [unit] = campaign.inScope as [string];
    const generated = await generator.request(
      "POST",
      `/api/admin/campaigns/${campaign.slug}/codes`,
      {
        body: { unitId: unit, count: 12 },
      },
    );
    expect(generated.status).toBe(201);
    const { codes } = codesAnswerSchema.parse(await generated.json());
    // Three real respondents, then five made-up responses with codes nobody else used.
    for (const [i, code] of codes.slice(0, 8).entries()) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: { excluded: i < 3 ? "yes" : "no", grounds: i < 3 ? ["origin"] : undefined },
          code,
        }),
      });
      expect(response.status).toBe(201);
    }
    await settle();

    for (const path of resultPaths(campaign.slug)) {
      await expectProblem(await generator.request("GET", path), 403, "separation-of-duties");
    }
    // A colleague who never held a code reads them.
    expect((await colleague.request("GET", resultPaths(campaign.slug)[0] as string)).status).toBe(
      200,
    );

    // The audit log shows who generated codes, and the refused reader viewed nothing.
    const entries = db.$client
      .prepare("SELECT actor_email AS actor, action FROM audit_log WHERE target LIKE ? ORDER BY id")
      .all(`${campaign.slug}%`) as { actor: string; action: string }[];
    expect(entries.filter((e) => e.action === "codes.generate")).toHaveLength(1);
    const viewers = new Set(
      entries.filter((e) => e.action.startsWith("results.")).map((e) => e.actor),
    );
    expect(viewers.size).toBe(1);
    expect(entries.find((e) => e.action === "codes.generate")?.actor).not.toBe([...viewers][0]);
  });

  it("bars only the campaign whose codes one held", async () => {
    const other = createFixtureCampaign(db, { accessMode: "invitation-codes" });
    const admin = await signIn(app, insertUser(db, "admin"));
    const [unit] = other.inScope as [string];
    expect(
      (
        await admin.request("POST", `/api/admin/campaigns/${other.slug}/codes`, {
          body: { unitId: unit, count: 1 },
        })
      ).status,
    ).toBe(201);
    await expectProblem(
      await admin.request("GET", `/api/admin/campaigns/${other.slug}/results`),
      403,
      "separation-of-duties",
    );
    // No release yet for the first campaign, but no bar either.
    await expectProblem(
      await admin.request("GET", `/api/admin/campaigns/${campaign.slug}/results`),
      404,
      "release-not-ready",
    );
  });
});
