import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DUAL_SIMPLEX } from "../../analysis/highs-bound";
import { releaseEquations } from "../../analysis/release-equations";
import {
  type AnswerLp,
  type AnswerSystem,
  answerLp,
  answerSystem,
  questionsOf,
} from "../../analysis/sequence-answer-model";
import { auditAnswerSequence } from "../../analysis/sequence-answers";
import { createModel, runObjective } from "../../analysis/sequence-system";
import { expectPointOf } from "./expect-point-of";
import { randomCampaign } from "./random-campaign";
import { releasesAsBuilt } from "./releases-as-built";

/** Whether the audit's LPs are the stacked system as written (the reference) or increments. */
const form = vi.hoisted(() => ({ stacked: false }));
vi.mock("../../analysis/sequence-answer-model", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../analysis/sequence-answer-model")>();
  return {
    ...actual,
    answerLp: (highs: Highs, system: AnswerSystem) =>
      form.stacked ? stackedLp(highs, system) : actual.answerLp(highs, system),
  };
});

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The question's system as written (the LP before increments): a column per count, every row. */
function stackedLp(
  highs: Highs,
  { lower, upper, rows }: Pick<AnswerSystem, "lower" | "upper" | "rows">,
): AnswerLp {
  const columns = lower.length;
  const { lp } = createModel(
    highs,
    lower.map((lo, j) => ({ lower: lo, upper: upper[j] as number })),
    new Map(Array.from({ length: columns }, (_, j) => [j, j])),
    rows,
  );
  return {
    solve({ vars, coefs }, sense, dual = false) {
      const cost = new Map<number, number>();
      vars.forEach((v, i) => {
        cost.set(v, (cost.get(v) ?? 0) + (coefs[i] as number));
      });
      if (dual) lp.options.set({ simplex_strategy: DUAL_SIMPLEX });
      const status = runObjective(
        highs,
        lp,
        columns,
        [...cost].map(([column, sign]) => ({ column, sign })),
        sense,
      );
      return { status, point: Float64Array.from(lp.getSolution().colValue) };
    },
    dispose: () => lp.dispose(),
  };
}

const valueAt = (vars: number[], coefs: number[], point: ArrayLike<number>) =>
  vars.reduce((sum, v, i) => sum + (coefs[i] as number) * (point[v] as number), 0);

const smallCampaigns = randomCampaign(300).filter(({ input }) => input.units.length <= 8);
const arrivals = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 4 });
const fewArrivals = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 3, maxLength: 4 });

describe("a question's stacked answer system in first counts and increments", () => {
  it("has exactly the optima of the system as written, and each of its solutions is a point of it", () => {
    let compared = 0;
    let chains = 0;
    fc.assert(
      fc.property(smallCampaigns, arrivals, fc.integer(), (campaign, sizes, seed) => {
        const { releases } = releasesAsBuilt(highs, campaign, sizes);
        const structures = releases.map(releaseEquations);
        for (const question of questionsOf(releases)) {
          const system = answerSystem(releases, structures, question);
          const columns = system.lower.length;
          if (columns === 0) continue;
          // Chains of one group's count of one option across releases: their rows become bounds.
          chains += system.rows.filter(
            (row) =>
              row.upper === 0 &&
              row.lower === Number.NEGATIVE_INFINITY &&
              (system.chains[row.variables[0] as number]?.key.includes("\n") ?? false),
          ).length;
          const stacked = stackedLp(highs, system);
          const inIncrements = answerLp(highs, system);
          try {
            let state = seed;
            const random = () => {
              state = (state * 1103515245 + 12345) & 0x7fffffff;
              return state;
            };
            // Some counts alone, and random signed sums of counts (as batches and pushes are).
            const objectives = [
              ...Array.from({ length: 4 }, () => ({ vars: [random() % columns], coefs: [1] })),
              ...Array.from({ length: 4 }, () => {
                const vars = Array.from({ length: columns }, (_, j) => j).filter(
                  () => random() % 3 === 0,
                );
                return { vars, coefs: vars.map(() => (random() % 2 === 0 ? 1 : -1)) };
              }),
            ].filter(({ vars }) => vars.length > 0);
            for (const { vars, coefs } of objectives) {
              for (const sense of ["max", "min"] as const) {
                const expected = stacked.solve({ vars, coefs }, sense);
                const found = inIncrements.solve({ vars, coefs }, sense, random() % 2 === 0);
                expect(found.status).toBe(expected.status);
                if (expected.status === "unbounded") continue;
                expect(valueAt(vars, coefs, found.point)).toBeCloseTo(
                  valueAt(vars, coefs, expected.point),
                  6,
                );
                // The solution, as counts, is a point of the system as written.
                expectPointOf(
                  found.point,
                  (j) => ({ lower: system.lower[j] as number, upper: system.upper[j] as number }),
                  system.lower.keys(),
                  system.rows,
                );
                compared++;
              }
            }
          } finally {
            stacked.dispose();
            inIncrements.dispose();
          }
        }
      }),
      { numRuns: 3, seed: 16 },
    );
    expect(compared).toBeGreaterThan(100);
    expect(chains).toBeGreaterThan(0);
  }, 300_000);

  it("gives the audit exactly the findings of the system as written", () => {
    let findings = 0;
    let solves = 0;
    fc.assert(
      // Few newcomers per release: groups stay hidden across releases (chains of unknowns).
      fc.property(smallCampaigns, fewArrivals, fc.boolean(), (campaign, sizes, withTruths) => {
        const { releases, truths } = releasesAsBuilt(highs, campaign, sizes);
        // Without the true counts every check goes to the LPs.
        const options = {
          sensitiveItems: new Set(["dim0", "experienced"]),
          ...(withTruths ? { truths } : {}),
        };
        form.stacked = true;
        const expected = auditAnswerSequence(highs, releases, options);
        form.stacked = false;
        const found = auditAnswerSequence(highs, releases, options);
        expect(found.findings).toEqual(expected.findings);
        findings += found.findings.length;
        solves += found.solves + found.pinSolves;
      }),
      { numRuns: 3, seed: 16 },
    );
    // Not vacuous: LPs ran and found something.
    expect(solves).toBeGreaterThan(50);
    expect(findings).toBeGreaterThan(0);
  }, 300_000);
});
