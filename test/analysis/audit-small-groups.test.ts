import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRanges, noProvenRanges } from "../../analysis/audit-ranges";
import { runSmallGroupJob, type SmallGroupSolver } from "../../analysis/audit-small-groups";
import type { CellModel } from "../../analysis/cell-model";
import { buildHeadcountRelease } from "../../analysis/headcount-release";
import { arbitraryDate, input } from "./auditor/headcount-random-input";
import { treeCase, treeModel } from "./random-unit-tree";

let highs: Highs;
let other: Highs;
beforeAll(async () => {
  highs = await highsLoader();
  other = await highsLoader();
});

/**
 * A second solver as the server's worker thread is one: every component's model-A job is
 * copied as a message would be and run on another HiGHS, on its own LP, starting from the true
 * values only (model B's solutions are not there yet), when the audit waits for it.
 */
function secondSolver(): SmallGroupSolver & { jobs: number } {
  const solver = {
    fromCells: 0,
    jobs: 0,
    start(job: Parameters<SmallGroupSolver["start"]>[0]) {
      solver.jobs++;
      const sent = structuredClone(job);
      return () => structuredClone(runSmallGroupJob(other, sent));
    },
  };
  return solver;
}

/** A second solver that logs when a job is sent ("start") and waited for ("wait"). */
function loggingSolver(events: string[]): SmallGroupSolver {
  return {
    fromCells: 0,
    start(job) {
      events.push("start");
      const sent = structuredClone(job);
      return () => {
        events.push("wait");
        return runSmallGroupJob(other, sent);
      };
    },
  };
}

describe("LP audit with model A on a second solver", () => {
  // Whether a small group's range is at least k wide is a property of the attacker's system,
  // not of the solutions that showed it: the second solver, without model B's solutions, on an
  // LP of its own, must find exactly the narrow groups (and leave the exact cells to model B).
  it("finds exactly what one solver finds, with sweeps and cell by cell", () => {
    let narrow = 0;
    let jobs = 0;
    let pointsA = 0;
    fc.assert(
      fc.property(treeCase, (tree) => {
        for (const sweeps of [true, false]) {
          const one = auditRanges(highs, treeModel(tree), undefined, { sweeps });
          const smallGroups = secondSolver();
          const proven = noProvenRanges(treeModel(tree).n.length, { keepPoints: true });
          const two = auditRanges(highs, treeModel(tree), proven, { sweeps, smallGroups });
          expect(two.exact).toEqual(one.exact);
          expect(two.narrow).toEqual(one.narrow);
          // What the second solver proved wide is kept for the next round, with its solutions,
          // and the next round, starting from both models' proofs, finds the same again.
          proven.wideWithoutReasons.forEach((wide, cell) => {
            if (wide) expect(one.narrow).not.toContain(cell);
          });
          const again = auditRanges(highs, treeModel(tree), proven, { sweeps, smallGroups });
          expect(again.exact).toEqual(one.exact);
          expect(again.narrow).toEqual(one.narrow);
          pointsA += proven.points?.filter((point) => point.model === "A").length ?? 0;
          narrow += one.narrow.length;
          jobs += smallGroups.jobs;
        }
      }),
      { numRuns: 200, seed: 8 },
    );
    // The generator must give small groups to audit, some of them narrow.
    expect(jobs).toBeGreaterThan(200);
    expect(narrow).toBeGreaterThan(20);
    expect(pointsA).toBeGreaterThan(100);
  });

  it("releases exactly the headcount tables one solver releases", () => {
    let jobs = 0;
    fc.assert(
      fc.property(fc.array(arbitraryDate, { minLength: 1, maxLength: 3 }), (dates) => {
        const release = input(dates);
        const smallGroups = secondSolver();
        const two = buildHeadcountRelease(highs, release, undefined, { smallGroups });
        const one = buildHeadcountRelease(highs, release);
        expect(two.dates).toEqual(one.dates);
        jobs += smallGroups.jobs;
      }),
      { numRuns: 25, seed: 8, endOnFailure: true },
    );
    expect(jobs).toBeGreaterThan(25);
  });
});

describe("LP audit with model A on a second solver, several components", () => {
  // The other solver works through its jobs while this one audits model B: every component's
  // job is sent before model B starts on the first, not one component at a time with each side
  // waiting for the other (date 1 at 1,000 units: about 100 small components).
  it("sends every component's job before waiting for any", () => {
    // Two tables apart: 12 = a + b and 14 = c + d, totals published, a and c "fewer than 5".
    const model: CellModel = {
      k: 5,
      n: [12, 3, 9, 14, 4, 10],
      hidden: [null, "primary", "secondary", null, "primary", "secondary"],
      equations: [
        { total: 0, parts: [1, 2] },
        { total: 3, parts: [4, 5] },
      ],
      upper: Array(6).fill(Number.POSITIVE_INFINITY),
      cost: Array(6).fill(1),
    };
    const events: string[] = [];
    const solver = loggingSolver(events);
    const alone = auditRanges(highs, structuredClone(model));
    const found = auditRanges(highs, structuredClone(model), undefined, { smallGroups: solver });
    expect(events).toEqual(["start", "start", "wait", "wait"]);
    expect(found.narrow).toEqual(alone.narrow);
    expect(found.exact).toEqual(alone.exact);
  });
});

describe("LP audit with model A on a second solver, later rounds", () => {
  // A later round of a date audits the giant component again for the few cells hidden since;
  // its small groups are proven wide from the round before. Copying 12,000 cells to the other
  // thread and waiting for it to say so cost more than the round's own LPs.
  it("keeps a job with nothing left for an LP, and finds the same", () => {
    // 12 = a + b, the total published, a "fewer than 5" (3), b "at least 5" (9).
    const model: CellModel = {
      k: 5,
      n: [12, 3, 9],
      hidden: [null, "primary", "secondary"],
      equations: [{ total: 0, parts: [1, 2] }],
      upper: Array(3).fill(Number.POSITIVE_INFINITY),
      cost: Array(3).fill(1),
    };
    const events: string[] = [];
    const solver = loggingSolver(events);
    const proven = noProvenRanges(3, { keepPoints: true });
    const first = auditRanges(highs, model, proven, { smallGroups: solver });
    expect(first).toMatchObject({ exact: [], narrow: [] });
    expect(proven.wideWithoutReasons[1]).toBe(1);
    // The total hidden too (a later round): open for model B, nothing new for model A.
    model.hidden[0] = "secondary";
    const later = auditRanges(highs, model, proven, { smallGroups: solver });
    const alone = auditRanges(highs, structuredClone(model));
    expect(events).toEqual(["start", "wait"]);
    expect(later.exact).toEqual(alone.exact);
    expect(later.narrow).toEqual(alone.narrow);
    expect(proven.wide[0]).toBe(1);
  });
});
