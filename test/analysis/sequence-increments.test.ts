import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { highsSense } from "../../analysis/highs-bound";
import { releaseEquations } from "../../analysis/release-equations";
import { incrementModel } from "../../analysis/sequence-increments";
import { createModel, type Row, sequenceSystem } from "../../analysis/sequence-system";
import { expectPointOf } from "./expect-point-of";
import { randomCampaign } from "./random-campaign";
import { releasesAsBuilt } from "./releases-as-built";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const OPTIMAL = 7;
const UNBOUNDED = 10;

type Lp = ReturnType<typeof createModel>["lp"];

/** The optimum of a sum of columns, solved from scratch, or null when unbounded. */
function optimum(
  lp: Lp,
  numCols: number,
  costs: { column: number; sign: number }[],
  sense: "min" | "max",
): number | null {
  lp.changeColsCost(
    { kind: "range" as const, from: 0, to: numCols - 1 },
    new Float64Array(numCols),
  );
  for (const { column, sign } of costs) lp.changeColCost(column, sign);
  lp.changeObjectiveSense(highsSense(highs, sense));
  lp.clearSolver();
  lp.run();
  const status = lp.getModelStatus();
  if (status === UNBOUNDED) return null;
  expect(status).toBe(OPTIMAL);
  return lp.getObjectiveValue();
}

const smallCampaigns = randomCampaign(300).filter(({ input }) => input.units.length <= 8);
const arrivals = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 3, maxLength: 5 });

describe("the stacked system in first counts and increments", () => {
  it("has exactly the optima of the stacked system, and each of its solutions is a point of it", () => {
    let compared = 0;
    let fewerRows = 0;
    fc.assert(
      fc.property(smallCampaigns, arrivals, fc.integer(), (campaign, sizes, seed) => {
        const { releases } = releasesAsBuilt(highs, campaign, sizes);
        const system = sequenceSystem(releases, releases.map(releaseEquations));
        const variables = system.variables.map((_, v) => v);
        if (variables.length === 0) return;
        const column = new Map(variables.map((v) => [v, v]));
        const rows: Row[] = [...system.chainRows, ...system.ownRows.flat()];
        const increments = incrementModel(system.variables, { variables, rows }, column);
        if (increments.rows.length < rows.length) fewerRows++;
        for (const model of ["B", "A"] as const) {
          const bound = (v: number) => {
            const x = system.variables[v] as (typeof system.variables)[number];
            return model === "B"
              ? { lower: x.lowerB, upper: x.upperB }
              : { lower: x.lowerA, upper: x.upperA };
          };
          const stacked = createModel(highs, variables.map(bound), column, rows).lp;
          const inIncrements = createModel(
            highs,
            variables.map((v) => ({
              lower: increments.columns[model].lower[v] as number,
              upper: increments.columns[model].upper[v] as number,
            })),
            column,
            increments.rows.map((row, r) => ({
              ...row,
              lower: increments.rowBounds[model].lower[r] as number,
              upper: increments.rowBounds[model].upper[r] as number,
            })),
          ).lp;
          try {
            // A dozen counts alone and a few random signed sums of counts (as batches are).
            let state = seed;
            const random = () => {
              state = (state * 1103515245 + 12345) & 0x7fffffff;
              return state;
            };
            const objectives = [
              ...variables
                .filter(() => random() % Math.ceil(variables.length / 12) === 0)
                .map((v) => [{ variable: v, sign: 1 }]),
              ...Array.from({ length: 6 }, () =>
                variables
                  .filter(() => random() % 3 === 0)
                  .map((variable) => ({ variable, sign: random() % 2 === 0 ? 1 : -1 })),
              ),
            ].filter((terms) => terms.length > 0);
            for (const terms of objectives) {
              for (const sense of ["max", "min"] as const) {
                const expected = optimum(
                  stacked,
                  variables.length,
                  terms.map(({ variable, sign }) => ({ column: variable, sign })),
                  sense,
                );
                const found = optimum(
                  inIncrements,
                  variables.length,
                  increments.expand(terms),
                  sense,
                );
                if (expected === null) {
                  expect(found).toBeNull();
                  continue;
                }
                expect(found).not.toBeNull();
                expect(found as number).toBeCloseTo(expected, 6);
                // The solution, as counts, is a point of the stacked system.
                const counts = increments.counts(inIncrements.getSolution().colValue);
                expectPointOf(counts, bound, variables, rows);
                compared++;
              }
            }
          } finally {
            stacked.dispose();
            inIncrements.dispose();
          }
        }
      }),
      { numRuns: 8, seed: 13 },
    );
    expect(compared).toBeGreaterThan(100);
    // Not vacuous: chains of hidden counts, whose rows become bounds.
    expect(fewerRows).toBeGreaterThan(0);
  }, 300_000);
});
