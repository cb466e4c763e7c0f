import highsLoader, { type Highs } from "highs";
import type { SmallGroupSolver } from "../../analysis/audit-small-groups";
import { buildHeadcountRelease, type HeadcountRelease } from "../../analysis/headcount-release";
import { HEADCOUNT_K } from "./build-headcount-release";
import { asReleaseInput, syntheticOrganisation } from "./synthetic-organisation";

/**
 * The synthetic organisation of the warm-up. Three dates, not two: the third is the first to run
 * the later dates' path (the change against two earlier dates, a hidden component of over a
 * thousand cells with its witnesses). Measured at 1,000 units × 5 dates after a warm-up of 60 × 2
 * or 100 × 2, the second and third dates stayed as slow as in a cold process (5.1–5.3 s in all);
 * after 100 × 3, 4.0–4.2 s (docs/history/headcounts.md, twenty-eighth session).
 */
const WARM_UNITS = 100;
const WARM_DATES = 3;
const WARM_SEED = 7;

/**
 * Audits the headcounts of a synthetic organisation once and throws the release away, so that
 * the first real import after a start does not pay for what a fresh process pays once: the
 * audit's JavaScript compiled by V8 as it runs, and the second thread (`smallGroups`) loading
 * its own HiGHS. On the benchmark's 1,000 units × 5 dates the first date's release took about
 * twice as long in a cold process as after this. Nothing is stored and nothing of the synthetic
 * organisation is kept: each build reads only its input.
 *
 * Takes about 1.4 s of wall time (2.7 s of CPU over the two threads) on a two-core machine.
 */
export function warmHeadcountAudit(
  highs: Highs,
  smallGroups?: SmallGroupSolver,
): { dates: number; cells: number } {
  const input = asReleaseInput(
    syntheticOrganisation(WARM_UNITS, WARM_DATES, WARM_SEED),
    HEADCOUNT_K,
  );
  let previous: HeadcountRelease | undefined;
  for (const [index, date] of input.dates.entries()) {
    previous = buildHeadcountRelease(
      highs,
      { ...input, dates: input.dates.slice(0, index + 1) },
      previous && { release: previous, from: date.referenceDate },
      { smallGroups },
    );
  }
  return { dates: previous?.dates.length ?? 0, cells: previous?.audit.cells ?? 0 };
}

/**
 * What the server's bulk worker does to warm up (`workerBulkWriter`'s `warmUp`,
 * `prepareHeadcountBuilds`): loads HiGHS and waits for the second thread, then warms the audit
 * with it (`warmHeadcountAudit`). Resolves with the HiGHS for the builds that follow.
 */
export async function startWarmHeadcountBuilds(
  smallGroups: SmallGroupSolver & { ready(): Promise<boolean> },
): Promise<Highs> {
  const [highs] = await Promise.all([highsLoader(), smallGroups.ready()]);
  warmHeadcountAudit(highs, smallGroups);
  return highs;
}
