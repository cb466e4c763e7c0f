import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerCountFloor } from "../../../analysis/answer-count-floor";

/**
 * What a reader writes down about an open campaign's organisation-wide answer count, moment by
 * moment: an interval the true count lay in (a rounded count, a release's exact total, or a
 * release's "fewer than k").
 */
interface Sighting {
  lo: number;
  hi: number;
}

/**
 * Written apart from the rounding it attacks: enumerates every growing sequence of counts the
 * sightings allow and returns the pairs of moments between which every such sequence has 1 to
 * k − 1 arrivals (the reader can prove that a small batch answered in between).
 */
function provenSmallBatches(sightings: Sighting[], k: number): [number, number][] {
  const possible = sightings.map(() => sightings.map(() => new Set<number>()));
  const path: number[] = [];
  const walk = (index: number, least: number) => {
    if (index === sightings.length) {
      for (let i = 0; i < path.length; i += 1)
        for (let j = i + 1; j < path.length; j += 1)
          possible[i]?.[j]?.add((path[j] as number) - (path[i] as number));
      return;
    }
    const { lo, hi } = sightings[index] as Sighting;
    for (let value = Math.max(lo, least); value <= hi; value += 1) {
      path.push(value);
      walk(index + 1, value);
      path.pop();
    }
  };
  walk(0, 0);
  const proven: [number, number][] = [];
  for (const [i, row] of possible.entries())
    for (const [j, differences] of row.entries())
      if (j > i && differences.size > 0 && [...differences].every((d) => d >= 1 && d < k))
        proven.push([i, j]);
  return proven;
}

type Step = "answer" | "count" | "rebuild";

/**
 * Plays a campaign: answers arrive, readers look at the rounded count, the server rebuilds and
 * serves a release only when 0 or at least k answered since the last one shown (the sequence
 * audit's rule for the organisation's total, which is never hidden but below k), and at the end
 * the release at close. Returns what the reader saw, in order.
 */
function play(steps: Step[], k: number, rounding: number): Sighting[] {
  let answered = 0;
  let lastShown: number | undefined;
  const seen: Sighting[] = [];
  const release = () => {
    if (answered === 0) return;
    if (lastShown !== undefined && answered - lastShown > 0 && answered - lastShown < k) return;
    lastShown = answered;
    seen.push(answered < k ? { lo: 1, hi: k - 1 } : { lo: answered, hi: answered });
  };
  for (const step of steps) {
    if (step === "answer") answered += 1;
    else if (step === "count") {
      const atLeast = answerCountFloor(answered, rounding);
      seen.push({ lo: atLeast, hi: atLeast + rounding - 1 });
    } else release();
  }
  release(); // at close
  return seen;
}

const campaigns = fc.record({
  k: fc.integer({ min: 3, max: 6 }),
  steps: fc
    .array(fc.constantFrom<Step>("answer", "answer", "answer", "count", "rebuild"), {
      maxLength: 40,
    })
    .filter((steps) => steps.filter((step) => step !== "answer").length <= 6),
});

describe("the answer count rounded down to a multiple of k, beside every release (independent check)", () => {
  it("never lets a reader prove that 1 to k − 1 people answered between two moments (property)", () => {
    fc.assert(
      fc.property(campaigns, ({ k, steps }) => {
        expect(provenSmallBatches(play(steps, k, k), k)).toEqual([]);
      }),
      { numRuns: 400, seed: 2026 },
    );
    // The same campaigns rounded one step finer than k: the property finds a leak.
    const finer = fc.check(
      fc.property(
        campaigns,
        ({ k, steps }) => provenSmallBatches(play(steps, k, k - 1), k).length === 0,
      ),
      { numRuns: 400, seed: 2026 },
    );
    expect(finer.failed).toBe(true);
  });

  it("finds the batch where the count is shown exactly, or rounded with a k later raised", () => {
    // A live counter: 45 then 46.
    const live: Step[] = [...Array(45).fill("answer"), "count", "answer", "count"];
    expect(provenSmallBatches(play(live, 5, 1), 5)).toContainEqual([0, 1]);
    // Rounded with k = 5 ("at least 45" for 47), then k raised to 10 and the release at close
    // shows 52: between the look and closing, 5 to 7 answered, inside 1..9.
    const raised: Step[] = [...Array(47).fill("answer"), "count", ...Array(5).fill("answer")];
    expect(provenSmallBatches(play(raised, 10, 5), 10)).toEqual([[0, 1]]);
    // The same with the rounding at the raised k: nothing.
    expect(provenSmallBatches(play(raised, 10, 10), 10)).toEqual([]);
  });
});
