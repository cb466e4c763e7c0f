import type { Highs } from "highs";
import { buildRelease, createResponseMatrix } from "../../../analysis/build-release";
import type { Release } from "../../../analysis/release-types";
import { campaignUnitsWithAncestors } from "../../../server/db/campaign-unit-tree";
import { openDatabase } from "../../../server/db/open-database";
import { campaigns, releases } from "../../../server/db/schema";
import { seedDemo } from "../../../server/demo/seed-demo";
import { loadBundledVersions } from "../../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../../server/questionnaires/sync-bundled-questionnaires";
import { loadReleaseInput } from "../../../server/results/load-release-input";
import { readRelease } from "../../../server/results/read-release";
import { readStoredResponses } from "../../../server/results/read-stored-responses";
import { inProcessBuilder } from "../../../server/results/release-builders";
import { createReleaseScheduler } from "../../../server/results/release-scheduler";

/** The demo's three diagnoses, in the order they close: two closed waves and the open one. */
export const DEMO_DIAGNOSES = ["diagnose-2020", "diagnose-2021", "diagnose-2026"] as const;

export interface DemoRelease {
  slug: string;
  release: Release;
  /** The questions under the unanimity rule. */
  sensitive: Set<string>;
  /** Unit names (English) by id, to say which group a finding is about. */
  unitNames: Map<string, string>;
  /** CPU time of the build, ms. */
  buildCpuMs: number;
}

/**
 * Seeds the demo (at the fixed moment the demo audit test uses) and builds the diagnoses' releases
 * as the server does for a campaign nobody was shown yet: `buildRelease` with its default
 * options (or the item audit's LP stage on), each wave after the release of the one before is
 * stored, so it prefers to hide what that one hid. `asInvited` reads every campaign as if its
 * respondents had invitation codes: the open 2026 wave takes an open link, so as seeded it
 * publishes the organisation as a whole only.
 */
const SEEDED_AT = new Date("2026-11-25T10:00:00Z");

export function buildDemoReleases(
  highs: Highs,
  options: { itemLp: boolean; slugs?: readonly string[]; asInvited?: boolean },
): DemoRelease[] {
  const db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  seedDemo(db, { now: SEEDED_AT });
  const rows = db.select().from(campaigns).all();
  const built: DemoRelease[] = [];
  for (const slug of options.slugs ?? DEMO_DIAGNOSES) {
    const campaign = rows.find((row) => row.slug === slug);
    if (!campaign) throw new Error(`no demo campaign ${slug}`);
    const loaded = loadReleaseInput(db, campaign.id).input;
    const input = options.asInvited ? { ...loaded, openLink: false } : loaded;
    const responses = [...readStoredResponses(db, campaign.id)].map((stored) => stored.row);
    const cpu = process.cpuUsage();
    const release = buildRelease(
      highs,
      createResponseMatrix(input, responses),
      input,
      options.itemLp ? { itemLp: true } : {},
    );
    const used = process.cpuUsage(cpu);
    db.insert(releases)
      .values({
        campaignId: campaign.id,
        builtAt: SEEDED_AT.toISOString(),
        respondents: responses.length,
        release: JSON.stringify(release),
        servable: true,
        auditedAfter: 0,
      })
      .run();
    built.push({
      slug,
      release,
      sensitive: new Set(input.items.filter((item) => item.sensitive).map((item) => item.key)),
      unitNames: new Map(
        campaignUnitsWithAncestors(db, campaign.id).map((unit) => [unit.id, unit.name.en]),
      ),
      buildCpuMs: (used.user + used.system) / 1000,
    });
  }
  return built;
}

/**
 * Seeds the demo (at the same moment) and has the server's own scheduler and builder build and
 * store each diagnosis's release in turn, as a first start does; returns the release a reader is
 * then served, built with the item audit's LP stage (the server builds every release with it).
 * `asInvited` stores every campaign as taking invitation codes first (see buildDemoReleases).
 */
export async function servedDemoReleases(
  options: { slugs?: readonly string[]; asInvited?: boolean } = {},
): Promise<DemoRelease[]> {
  const db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  seedDemo(db, { now: SEEDED_AT });
  if (options.asInvited) db.update(campaigns).set({ accessMode: "invitation-codes" }).run();
  const scheduler = createReleaseScheduler({
    db,
    builder: inProcessBuilder(db),
    debounceMs: 0,
    now: () => SEEDED_AT,
  });
  const rows = db.select().from(campaigns).all();
  const served: DemoRelease[] = [];
  for (const slug of options.slugs ?? DEMO_DIAGNOSES) {
    const campaign = rows.find((row) => row.slug === slug);
    if (!campaign) throw new Error(`no demo campaign ${slug}`);
    const cpu = process.cpuUsage();
    await scheduler.rebuild(campaign.id);
    const used = process.cpuUsage(cpu);
    const { input } = loadReleaseInput(db, campaign.id);
    served.push({
      slug,
      release: readRelease(db, slug, SEEDED_AT).release,
      sensitive: new Set(input.items.filter((item) => item.sensitive).map((item) => item.key)),
      unitNames: new Map(
        campaignUnitsWithAncestors(db, campaign.id).map((unit) => [unit.id, unit.name.en]),
      ),
      buildCpuMs: (used.user + used.system) / 1000,
    });
  }
  await scheduler.close();
  return served;
}
