import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import type { Release } from "../../analysis/release-types";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import { randomCampaign } from "./random-campaign";
import { heldBackCandidate, releasesAsBuilt } from "./releases-as-built";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const batchKey = (finding: { groupId: string; from: number; to: number }) =>
  `${finding.from} ${finding.to} ${finding.groupId}`;

const campaigns = randomCampaign(400).filter(({ input }) => input.units.length <= 20);
const rules = { sensitiveItems: new Set<string>(), minCommentGroup: 10 };
/** Arrivals between releases: a sequence of minLength..maxLength batch sizes. */
const batchSizes = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 1, max: 60 }), { minLength, maxLength });

describe("sequence audit with the true counts (witnesses)", () => {
  it("flags every batch the exact stacked audit flags, old pairs included, in every round of a rebuild and with joint LPs kept to windows", () => {
    let open = 0;
    let flagged = 0;
    let settledByWindows = 0;
    fc.assert(
      fc.property(campaigns, batchSizes(4, 7), (campaign, sizes) => {
        const { releases, truths } = releasesAsBuilt(highs, campaign, sizes);
        const stacked = auditReleaseSequence(highs, releases, rules);
        const hidden = releases.map(
          (release) => release.groups.filter((group) => "hidden" in group.n).length,
        );
        // Joint LPs of three releases at most: long sequences' windows around each batch.
        const windowed = Math.max(
          ...hidden.map((_, t) => hidden.slice(Math.max(0, t - 1), t + 2).reduce((a, b) => a + b)),
        );
        const witnesses = new WitnessCache();
        // Twice with one cache: the second audit reuses the joint points the first kept, as a
        // later hold-back round does; then with the joint LPs kept to windows first; last with
        // no window fitting at all (every batch the witnesses leave open goes to the whole
        // system) and an empty cache.
        for (const jointUpTo of [undefined, undefined, windowed, windowed, 1]) {
          const audit = auditReleaseSequence(highs, releases, {
            ...rules,
            truths,
            // The last audit without the kept verdicts: they settled what it must leave open.
            witnesses: jointUpTo === 1 ? new WitnessCache() : witnesses,
            stackedUpTo: 0,
            ...(jointUpTo === undefined ? {} : { jointUpTo }),
          });
          expect(audit.method).toBe("witnesses");
          const found = new Set(audit.findings.map(batchKey));
          const missed = stacked.findings.map(batchKey).filter((key) => !found.has(key));
          expect(missed).toEqual([]);
          // Windows fix the releases outside them at their true counts, which pins batches
          // the reader cannot pin: what they flag is checked in the whole stacked system,
          // so no batch is held back that the reader's system does not pin.
          if (jointUpTo !== undefined) {
            const real = new Set(stacked.findings.map(batchKey));
            expect(audit.findings.map(batchKey).filter((key) => !real.has(key))).toEqual([]);
          }
          open += audit.open ?? 0;
          if (jointUpTo !== undefined)
            settledByWindows += audit.findings.filter((f) => f.kind !== "unsettled").length;
        }
        flagged += stacked.findings.length;
      }),
      { numRuns: 8, seed: 21 },
    );
    // Not vacuous: real findings, and batches the witnesses left to the joint audit.
    expect(flagged).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(0);
    expect(settledByWindows).toBeGreaterThan(0);
  }, 300_000);

  it("sends what the true counts leave open straight to the whole stacked system when it fits one joint LP: no shift LP, and exactly the stacked audit's findings", () => {
    let open = 0;
    let shiftSolves = 0;
    let flagged = 0;
    fc.assert(
      fc.property(campaigns, batchSizes(3, 6), (campaign, sizes) => {
        const { releases, truths } = releasesAsBuilt(highs, campaign, sizes);
        const stacked = auditReleaseSequence(highs, releases, rules);
        const audit = auditReleaseSequence(highs, releases, {
          ...rules,
          truths,
          witnesses: new WitnessCache(),
          stackedUpTo: 0,
        });
        expect(audit.method).toBe("witnesses");
        expect(audit.findings.map(batchKey).sort()).toEqual(stacked.findings.map(batchKey).sort());
        open += audit.open ?? 0;
        shiftSolves += audit.solves - (audit.windowSolves ?? 0);
        flagged += stacked.findings.length;
      }),
      { numRuns: 8, seed: 23 },
    );
    expect(shiftSolves).toBe(0);
    // Not vacuous: batches went to the joint audit, and some were real findings.
    expect(open).toBeGreaterThan(0);
    expect(flagged).toBeGreaterThan(0);
  }, 300_000);

  it("trusts a joint point kept from an earlier hold-back round only where it is a point of this round's system", () => {
    let kept = 0;
    let flagged = 0;
    fc.assert(
      fc.property(campaigns, batchSizes(3, 6), (campaign, sizes) => {
        const { releases, truths } = releasesAsBuilt(highs, campaign, sizes);
        const candidate = releases.at(-1) as Release;
        const findings = auditReleaseSequence(highs, releases, rules).findings;
        // The same candidate with the partners of its pinned groups hidden, as a hold-back
        // round hides them: its joint LPs move counts the real candidate publishes.
        const held = heldBackCandidate(candidate, findings);
        const variants = [releases, [...releases.slice(0, -1), held]];
        const expected = variants.map((sequence) =>
          auditReleaseSequence(highs, sequence, rules).findings.map(batchKey),
        );
        const witnesses = new WitnessCache();
        // One cache, rounds in both orders: the points the held candidate's joint LPs found
        // must not settle what the candidate that publishes those groups leaves exact.
        for (const which of [1, 0, 1, 0]) {
          const audit = auditReleaseSequence(highs, variants[which] as Release[], {
            ...rules,
            truths,
            witnesses,
            stackedUpTo: 0,
          });
          const found = new Set(audit.findings.map(batchKey));
          expect((expected[which] as string[]).filter((key) => !found.has(key))).toEqual([]);
        }
        kept += witnesses.keptPoints().length;
        flagged += (expected[0] as string[]).length;
      }),
      { numRuns: 8, seed: 22 },
    );
    // Not vacuous: points were kept between rounds, and there were findings to miss.
    expect(kept).toBeGreaterThan(0);
    expect(flagged).toBeGreaterThan(0);
  }, 300_000);
});
