import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { DEFAULT_MAX_CODES_PER_CAMPAIGN } from "../../server/contract/staff-limits";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { heavyJobQueue } from "../../server/jobs/heavy-jobs";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

const CEILING = 100;

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let coordinator: Agent;

beforeEach(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db, config: { secretKey: randomBytes(32), maxCodesPerCampaign: CEILING } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});

const generate = (count: number, unitId = campaign.inScope[0] as string) =>
  coordinator.request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
    body: { unitId, count },
  });

// The stored rows are what a ceiling is about.
const storedCodes = () =>
  (db.$client.prepare("SELECT count(*) AS n FROM invitation_codes").get() as { n: number }).n;

describe("invitation code ceiling", () => {
  it("defaults to 50,000 codes per campaign", () => {
    expect(DEFAULT_MAX_CODES_PER_CAMPAIGN).toBe(50_000);
  });

  it("refuses codes past the campaign's ceiling, all units together, and stores none of them", async () => {
    expect((await generate(60)).status).toBe(201);
    const over = await expectProblem(await generate(50, campaign.inScope[1]), 409, "code-limit");
    expect(over.detail).toContain("at most 40 more");
    expect(storedCodes()).toBe(60);
    expect((await generate(40, campaign.inScope[1])).status).toBe(201);
    await expectProblem(await generate(1), 409, "code-limit");
    expect(storedCodes()).toBe(CEILING);
  });

  it("holds the ceiling against parallel requests", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => generate(30)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    expect(storedCodes()).toBe(90);
  });
});

describe("code generation beside respondents", () => {
  it("answers a respondent's page while a large generation is still running", async () => {
    const big = createApp({ db, config: { secretKey: randomBytes(32) } });
    const agent = await signIn(
      big,
      insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
    );
    const order: string[] = [];
    const generation = agent
      .request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
        body: { unitId: campaign.inScope[0], count: 5000 },
      })
      .then((answer) => {
        order.push("codes");
        return answer;
      });
    // Let the generation start its first chunk before the respondent arrives.
    await new Promise((resolve) => setImmediate(resolve));
    const page = Promise.resolve(big.request(`/api/campaigns/${campaign.slug}/form`)).then(
      (answer) => {
        order.push("form");
        return answer;
      },
    );
    const [codes, form] = await Promise.all([generation, page]);
    expect(codes.status).toBe(201);
    expect(form.status).toBe(200);
    expect(order).toEqual(["form", "codes"]);
  });

  it("keeps nothing of a generation that fails part-way", async () => {
    // A full disk, say, after the first thousand codes.
    db.$client.exec(
      `CREATE TRIGGER disk_full BEFORE INSERT ON invitation_codes WHEN (SELECT count(*) FROM invitation_codes) >= 1000 BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const big = createApp({ db, config: { secretKey: randomBytes(32) } });
    const agent = await signIn(
      big,
      insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
    );
    const failed = await agent.request("POST", `/api/admin/campaigns/${campaign.slug}/codes`, {
      body: { unitId: campaign.inScope[0], count: 5000 },
    });
    expect(failed.status).toBe(500);
    expect(storedCodes()).toBe(0);
    const audit = db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'codes.generate'")
      .get() as { n: number };
    expect(audit.n).toBe(0);
  });
});

describe("heavy job queue", () => {
  it("runs one job at a time and refuses new ones past its waiting room", async () => {
    const queue = heavyJobQueue({ concurrency: 1, maxWaiting: 2 });
    const log: string[] = [];
    const gates: (() => void)[] = [];
    const job = (name: string) => () =>
      new Promise<string>((resolve) => {
        log.push(`start ${name}`);
        gates.push(() => {
          log.push(`end ${name}`);
          resolve(name);
        });
      });
    const runs = ["a", "b", "c"].map((name) => queue.run(job(name)));
    await expect(queue.run(job("d"))).rejects.toMatchObject({ status: 503, problem: "busy" });
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gates[i]?.();
    }
    expect(await Promise.all(runs)).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
