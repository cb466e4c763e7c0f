import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { type BuiltRelease, inProcessBuilder } from "../../server/results/release-builders";
import {
  createReleaseScheduler,
  type ReleaseScheduler,
} from "../../server/results/release-scheduler";
import { createFixtureCampaign } from "./campaign-fixture";

let db: DbConnection;
let scheduler: ReleaseScheduler;

beforeEach(() => {
  db = openDatabase(":memory:");
});
afterEach(() => scheduler.close());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("release scheduler during a long build", () => {
  // A sequence audit can take minutes of CPU in the release worker: responses keep arriving
  // meanwhile, and each quiet spell after one ends a debounce.
  it("runs one build at a time and, however many debounces end during a long build, one more build after it", async () => {
    const campaign = createFixtureCampaign(db);
    const inner = inProcessBuilder(db);
    let running = 0;
    let most = 0;
    let builds = 0;
    let open: () => void = () => {};
    let gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    scheduler = createReleaseScheduler({
      db,
      debounceMs: 5,
      builder: {
        ...inner,
        append: () => {},
        async build(campaignId, input, shown): Promise<BuiltRelease> {
          builds++;
          running++;
          most = Math.max(most, running);
          await gate;
          running--;
          return inner.build(campaignId, input, shown);
        },
      },
    });
    const response = { id: "r", row: { unitId: campaign.inScope[0] as string, answers: {} } };
    scheduler.responseStored(campaign.campaignId, response as never);
    await wait(30);
    expect(builds).toBe(1);
    // Three responses during the build, each followed by a quiet spell longer than the debounce.
    for (let i = 0; i < 3; i++) {
      scheduler.responseStored(campaign.campaignId, response as never);
      await wait(30);
    }
    open();
    gate = Promise.resolve();
    await scheduler.idle();
    await wait(30);
    await scheduler.idle();
    expect(most).toBe(1);
    // The build waiting behind the long one reads every response when it starts: one is enough.
    expect(builds).toBe(2);
  });
});
