import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildHeadcountRelease } from "../../../analysis/headcount-release";
import { attackHeadcounts } from "./headcount-attack";
import { arbitraryDate, input } from "./headcount-random-input";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("headcount release with witness proofs of width", () => {
  it("releases exactly the tables the LP audit alone releases, with fewer LPs, and the attacker finds nothing", () => {
    let solvesWith = 0;
    let solvesWithout = 0;
    fc.assert(
      fc.property(fc.array(arbitraryDate, { minLength: 1, maxLength: 3 }), (dates) => {
        const release = input(dates);
        // Witnesses on every component (by default only large ones get them), against the plain
        // LP audit (no witnesses, every proof forgotten when a cell is published).
        const withWitnesses = buildHeadcountRelease(highs, release, undefined, {
          witnessesFrom: 0,
        });
        const without = buildHeadcountRelease(highs, release, undefined, {
          witnessesFrom: Number.POSITIVE_INFINITY,
        });
        expect(withWitnesses.dates).toEqual(without.dates);
        solvesWith += withWitnesses.audit.lpSolves;
        solvesWithout += without.audit.lpSolves;
        const findings = attackHeadcounts(withWitnesses);
        for (const date of findings.dates) {
          expect(date.findings.publishedSmall).toEqual([]);
          expect(date.findings.recoverable).toEqual([]);
          expect(date.findings.narrow).toEqual([]);
        }
        expect(findings.smallChanges).toEqual([]);
      }),
      { numRuns: 25, endOnFailure: true },
    );
    // The witnesses did prove cells wide: the LP was asked less.
    expect(solvesWith).toBeLessThan(solvesWithout);
  }, 300_000);
});
