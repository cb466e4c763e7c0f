import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmallGroupJob, SmallGroupSolver } from "../../../analysis/audit-small-groups";
import { buildHeadcountRelease } from "../../../analysis/headcount-release";
import { threadSmallGroupSolver } from "../../../server/headcounts/small-group-thread";
import { arbitraryDate, input } from "../../analysis/auditor/headcount-random-input";

let highs: Highs;
// Every component's model A on the worker thread (the server sends only large ones).
const thread = threadSmallGroupSolver({ fromCells: 0 });
beforeAll(async () => {
  highs = await highsLoader();
  expect(await thread.ready()).toBe(true);
});
afterAll(async () => {
  await thread.close();
});

/** The thread solver, counting the jobs it answered and those it left to the caller. */
function counted(solver: SmallGroupSolver) {
  const counts = { answered: 0, leftToCaller: 0 };
  const wrapped: SmallGroupSolver = {
    fromCells: solver.fromCells,
    start(job) {
      const wait = solver.start(job);
      return () => {
        const found = wait();
        if (found) counts.answered++;
        else counts.leftToCaller++;
        return found;
      };
    },
  };
  return { wrapped, counts };
}

describe("the headcount audit's second thread", () => {
  it("answers model A in a worker thread, and the release is the one a single thread builds", () => {
    const { wrapped, counts } = counted(thread);
    fc.assert(
      fc.property(fc.array(arbitraryDate, { minLength: 1, maxLength: 3 }), (dates) => {
        const release = input(dates);
        const two = buildHeadcountRelease(highs, release, undefined, { smallGroups: wrapped });
        const one = buildHeadcountRelease(highs, release);
        expect(two.dates).toEqual(one.dates);
      }),
      { numRuns: 10, seed: 14, endOnFailure: true },
    );
    expect(counts.answered).toBeGreaterThan(10);
    expect(counts.leftToCaller).toBe(0);
  });

  it("leaves a job the worker cannot run to the caller, and answers the next one", () => {
    const broken = thread.start({ reduced: null } as unknown as SmallGroupJob);
    expect(broken()).toBeUndefined();
    const { wrapped, counts } = counted(thread);
    // A faculty with a top of 3 in one department: primary groups and their splits.
    const release = input([
      [
        { unit: "D1", level: "top", total: 3, weights: [1, 2, 1, 1, 1] },
        { unit: "D1", level: "staff", total: 21, weights: [3, 4, 1, 5, 2] },
        { unit: "D2", level: "staff", total: 17, weights: [2, 3, 1, 4, 1] },
        { unit: "F2", level: "staff", total: 12, weights: [1, 1, 0, 3, 1] },
      ],
    ]);
    expect(
      buildHeadcountRelease(highs, release, undefined, { smallGroups: wrapped }).dates,
    ).toEqual(buildHeadcountRelease(highs, release).dates);
    expect(counts.answered).toBeGreaterThan(0);
    expect(counts.leftToCaller).toBe(0);
  });
});
