import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import {
  expectedAuditCost,
  inProcessAuditor,
  type QuestionAuditor,
  type QuestionAuditShared,
  type QuestionAuditTask,
  splitByCost,
} from "../../analysis/item-question-audits";
import {
  type ThreadedQuestionAuditor,
  threadedQuestionAuditor,
} from "../../server/results/question-auditor";
import { randomCampaign } from "../analysis/random-campaign";

let highs: Highs;
let auditor: ThreadedQuestionAuditor;
beforeAll(async () => {
  highs = await highsLoader();
  auditor = threadedQuestionAuditor(highs);
});
afterAll(() => auditor.close());

let recorded: { shared: QuestionAuditShared; tasks: QuestionAuditTask[] } | undefined;

/** A small campaign's item audit work, as buildRelease hands it to its auditor. */
function recordedWork(): { shared: QuestionAuditShared; tasks: QuestionAuditTask[] } {
  if (recorded) return recorded;
  const [campaign] = fc.sample(randomCampaign(400), { numRuns: 1, seed: 7 });
  if (!campaign) throw new Error("no campaign");
  let work: { shared: QuestionAuditShared; tasks: QuestionAuditTask[] } | undefined;
  const recorder: QuestionAuditor = {
    audit(shared, tasks) {
      work = { shared, tasks };
      return inProcessAuditor(highs).audit(shared, tasks);
    },
  };
  const matrix = createResponseMatrix(campaign.input, campaign.rows);
  buildRelease(highs, matrix, { ...campaign.input, questionAuditor: recorder }, { itemLp: true });
  if (!work) throw new Error("the item audit did not run");
  recorded = work;
  return work;
}

/** The task the split sends to the helper thread (the cheapest), made unreadable. */
function withBrokenHelperTask({ shared, tasks }: ReturnType<typeof recordedWork>) {
  const [, theirs] = splitByCost(tasks.map((task) => expectedAuditCost(shared, task)));
  const victim = theirs[0];
  if (victim === undefined) throw new Error("the helper thread gets no question");
  return tasks.map((task, index) =>
    index === victim ? { ...task, counts: task.counts.subarray(1) } : task,
  );
}

describe("the item audit's questions on two threads", () => {
  it("gives the release the sequential audit gives, on random campaigns", () => {
    // Fails if results are merged out of question order, or if a question's audit depended on
    // what ran before it on the same thread or solver.
    fc.assert(
      fc.property(randomCampaign(3000, ["mixed", "skewed", "unanimous"]), (campaign) => {
        const matrix = createResponseMatrix(campaign.input, campaign.rows);
        const sequential = buildRelease(highs, matrix, campaign.input, { itemLp: true });
        const threaded = buildRelease(
          highs,
          matrix,
          { ...campaign.input, questionAuditor: auditor },
          { itemLp: true },
        );
        expect(threaded).toEqual(sequential);
      }),
      { numRuns: 6, seed: 8 },
    );
  }, 600_000);

  it("sends the helper thread part of the questions and merges them in question order", () => {
    const { shared, tasks } = recordedWork();
    const [own, theirs] = splitByCost(tasks.map((task) => expectedAuditCost(shared, task)));
    expect(own.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    expect(auditor.audit(shared, tasks)).toEqual(inProcessAuditor(highs).audit(shared, tasks));
  }, 120_000);

  it("fails the build, without hanging, when a question throws on the helper thread", () => {
    const work = recordedWork();
    expect(() => auditor.audit(work.shared, withBrokenHelperTask(work))).toThrow(
      /helper thread failed: .*counts/,
    );
    // The next build starts a new helper and succeeds.
    expect(auditor.audit(work.shared, work.tasks)).toEqual(
      inProcessAuditor(highs).audit(work.shared, work.tasks),
    );
  }, 120_000);

  it("fails the build when the helper thread dies, or finishes no question in time", async () => {
    const work = recordedWork();
    const exiting = threadedQuestionAuditor(highs, {
      helperUrl: new URL("./fixtures/exiting-question-helper.mjs", import.meta.url),
    });
    expect(() => exiting.audit(work.shared, work.tasks)).toThrow(/stopped before it answered/);
    await exiting.close();
    const silent = threadedQuestionAuditor(highs, {
      helperUrl: new URL("./fixtures/silent-question-helper.mjs", import.meta.url),
      timeoutMs: 1500,
    });
    expect(() => silent.audit(work.shared, work.tasks)).toThrow(/finished no question in 1500 ms/);
    await silent.close();
  }, 120_000);
});
