import highsLoader from "highs";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import type { TrueCounts } from "../../analysis/true-group-counts";
import { openDatabase } from "../../server/db/open-database";
import { campaigns } from "../../server/db/schema";
import { seedDemo } from "../../server/demo/seed-demo";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { loadReleaseInput } from "../../server/results/load-release-input";
import { readStoredResponses } from "../../server/results/read-stored-responses";

export interface HoldbackFigures {
  slug: string;
  invitations: boolean;
  /** Responses that arrived in the simulation, of the campaign's total. */
  responses: number;
  total: number;
  k: number;
  /** Rebuilds that passed the sequence audit and were served (the first one included). */
  served: number;
  /** Rebuilds that were attempted with at least k newcomers since the last served release. */
  attempted: number;
  /** Per response: how many more responses arrived before a served release included it. */
  waits: number[];
  /** Arrivals between consecutive served releases. */
  gaps: number[];
  /** Hidden groups: served releases, and a release built on its own at the same moments. */
  hiddenServed: number;
  hiddenAlone: number;
  /** Answer distributions (question × shown group) hidden, the same two ways. */
  itemsHiddenServed: number;
  itemsHiddenAlone: number;
  buildMs: number;
  /** Each attempted rebuild's time, in order, and how its batches were audited. */
  rebuildMs: number[];
  methods: string[];
}

/**
 * The open demo campaign read live: its responses arrive one at a time in a random order
 * (at the demo's pace, about 46 a day, far apart compared with the 30 s rebuild debounce, so
 * every response is its own rebuild), and a reader looks at every release the server serves.
 * Each rebuild is the server's: buildSequencedRelease against every release served so far.
 * A rebuild with fewer than k newcomers since the last served release is not attempted: the
 * organisation's total would change by 1..k−1, which the builder never hides, so it always
 * waits.
 */
export async function measureInterimHoldback({
  slug = "diagnose-2026",
  seed = 2026,
  arrivals = Number.POSITIVE_INFINITY,
  progress = () => {},
  invitations = false,
}: {
  /**
   * Read as if its respondents had invitation codes: the demo's open campaign takes an open
   * link, so its releases hold the organisation as a whole only; with codes they break down.
   */
  invitations?: boolean;
  slug?: string;
  seed?: number;
  /** The first this many responses arrive (all of them by default). */
  arrivals?: number;
  progress?: (line: string) => void;
} = {}): Promise<HoldbackFigures> {
  const db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  const seededAt = new Date("2026-11-25T10:00:00Z");
  seedDemo(db, { now: seededAt });
  const campaign = db
    .select()
    .from(campaigns)
    .all()
    .find((row) => row.slug === slug);
  if (!campaign) throw new Error(`no demo campaign ${slug}`);
  const loaded = loadReleaseInput(db, campaign.id).input;
  const input = invitations ? { ...loaded, openLink: false } : loaded;
  const all = [...readStoredResponses(db, campaign.id)].map((stored) => stored.row);
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] as (typeof all)[number], all[i] as (typeof all)[number]];
  }
  const rows = all.slice(0, arrivals);
  const highs = await highsLoader();
  const matrix = createResponseMatrix(input);
  const shown: Release[] = [];
  // What the release worker keeps in memory: the true counts of the releases it served.
  const truths: TrueCounts[] = [];
  const witnesses = new WitnessCache();
  const servedAt: number[] = [];
  const figures: HoldbackFigures = {
    slug,
    invitations,
    responses: rows.length,
    total: all.length,
    k: input.k,
    served: 0,
    attempted: 0,
    waits: [],
    gaps: [],
    hiddenServed: 0,
    hiddenAlone: 0,
    itemsHiddenServed: 0,
    itemsHiddenAlone: 0,
    buildMs: 0,
    rebuildMs: [],
    methods: [],
  };
  const hidden = (release: Release) =>
    release.audit.hiddenPrimary + release.audit.hiddenSecondary + release.audit.hiddenUnanimity;
  const itemsHidden = (release: Release) =>
    release.groups.reduce(
      (sum, group) =>
        "value" in group.n ? sum + group.items.filter((item) => "hidden" in item).length : sum,
      0,
    );
  const began = performance.now();
  rows.forEach((row, index) => {
    matrix.append(row);
    const arrived = index + 1;
    const last = servedAt[servedAt.length - 1];
    if (last !== undefined && arrived - last < input.k) return;
    figures.attempted++;
    const started = performance.now();
    const candidate = buildSequencedRelease(highs, matrix, input, shown, { truths, witnesses });
    figures.rebuildMs.push(performance.now() - started);
    if (shown.length > 0) figures.methods.push(candidate.method);
    progress(
      `arrival ${arrived}: ${candidate.passes ? "served" : "held back"} after ${candidate.rounds} rounds, ${(performance.now() - started).toFixed(0)} ms (${shown.length} shown before)`,
    );
    if (!candidate.passes) return;
    shown.push(candidate.release);
    truths.push(candidate.truth);
    servedAt.push(arrived);
    const alone = buildRelease(highs, matrix, input);
    figures.hiddenServed += hidden(candidate.release);
    figures.hiddenAlone += hidden(alone);
    figures.itemsHiddenServed += itemsHidden(candidate.release);
    figures.itemsHiddenAlone += itemsHidden(alone);
  });
  figures.buildMs = performance.now() - began;
  figures.served = servedAt.length;
  servedAt.forEach((at, i) => {
    if (i > 0) figures.gaps.push(at - (servedAt[i - 1] as number));
  });
  for (let arrival = 1; arrival <= rows.length; arrival++) {
    const servedWith = servedAt.find((at) => at >= arrival);
    if (servedWith !== undefined) figures.waits.push(servedWith - arrival);
  }
  return figures;
}
