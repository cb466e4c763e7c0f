import { and, desc, eq, gt, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Release, ReleaseGroup } from "../../analysis/release-types";
import type { Db } from "../db/open-database";
import { builtWithItemLp } from "../db/release-audit-flags-sql";
import { campaigns, releases, responses } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { NotFoundError, ProblemError } from "../errors";
import { type ShownRelease, withEarlierTables } from "./earlier-tables";

export interface StoredRelease {
  campaign: { id: string; slug: string; k: number; organisationId: string };
  builtAt: string;
  release: Release;
}

/**
 * The release a reader gets now: the newest one that passed the sequence audit against every
 * release shown before it, or else the one shown last (held back until enough new answers have
 * arrived). Serving marks it shown, so every later release is audited against it as well.
 * A table it hides carries the figures an earlier served release showed (earlier-tables.ts).
 * A release not shown yet is served only if it was built with the item audit's LP stage, while
 * the raw responses still allow building one: a release stored by a version that built
 * without it (interim releases, before every release had it) would show an LP-derivable
 * release that nobody had seen, in the minutes until the catch-up at start rebuilds it.
 * 404 while there is nothing to serve.
 */
export function readRelease(db: Db, slug: string, now: Date = new Date()): StoredRelease {
  const campaign = db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      k: campaigns.minCellSize,
      organisationId: campaigns.organisationId,
    })
    .from(campaigns)
    .where(eq(campaigns.slug, slug))
    .get();
  if (!campaign) throw new NotFoundError("There is no such campaign.");
  const served = withTransaction(db, (tx) => {
    const lpCheckedOnly =
      tx
        .select({ id: responses.id })
        .from(responses)
        .where(eq(responses.campaignId, campaign.id))
        .limit(1)
        .get() !== undefined;
    const lastShown = tx
      .select({ id: releases.id })
      .from(releases)
      .where(and(eq(releases.campaignId, campaign.id), isNotNull(releases.firstServedAt)))
      .orderBy(desc(releases.id))
      .get();
    const shownId = lastShown?.id ?? 0;
    // Newer than what was shown, and audited against all of it (nothing shown since its audit).
    const next = tx
      .select({ id: releases.id })
      .from(releases)
      .where(
        and(
          eq(releases.campaignId, campaign.id),
          eq(releases.servable, true),
          gt(releases.id, shownId),
          gte(releases.auditedAfter, shownId),
          lpCheckedOnly ? builtWithItemLp : undefined,
        ),
      )
      .orderBy(desc(releases.id))
      .get();
    const id = next?.id ?? lastShown?.id;
    if (id === undefined) return undefined;
    tx.update(releases)
      .set({ firstServedAt: now.toISOString() })
      .where(and(eq(releases.id, id), isNull(releases.firstServedAt)))
      .run();
    const stamp = tx
      .select({ builtAt: releases.builtAt, length: sql<number>`length(${releases.release})` })
      .from(releases)
      .where(eq(releases.id, id))
      .get();
    if (!stamp) return undefined;
    // Row ids repeat across databases (tests open many in one process): the key adds the
    // campaign's random id, the build time and the stored text's length.
    const key = `${campaign.id}|${id}|${stamp.builtAt}|${stamp.length}`;
    const cached = PARSED.get(key);
    if (cached) return cached;
    const row = tx
      .select({ builtAt: releases.builtAt, release: releases.release })
      .from(releases)
      .where(eq(releases.id, id))
      .get();
    if (!row) return undefined;
    const release = JSON.parse(row.release) as Release;
    const parsed = {
      builtAt: row.builtAt,
      release: withEarlierTables(release, shownBefore(tx, campaign.id, id)),
    };
    remember(key, parsed);
    return parsed;
  });
  if (!served) {
    throw new ProblemError(
      404,
      "release-not-ready",
      "Results not ready",
      "The audited results of this campaign have not been computed yet; try again in a minute.",
    );
  }
  const { id, slug: campaignSlug, k, organisationId } = campaign;
  return {
    campaign: { id, slug: campaignSlug, k, organisationId },
    builtAt: served.builtAt,
    release: served.release,
  };
}

/** The releases of a campaign readers were served before release `id`, newest first, read lazily. */
function* shownBefore(tx: Db, campaignId: string, id: number): Generator<ShownRelease> {
  const ids = tx
    .select({ id: releases.id })
    .from(releases)
    .where(
      and(
        eq(releases.campaignId, campaignId),
        isNotNull(releases.firstServedAt),
        lt(releases.id, id),
      ),
    )
    .orderBy(desc(releases.id))
    .all();
  for (const { id: earlier } of ids) {
    const row = tx
      .select({ builtAt: releases.builtAt, release: releases.release })
      .from(releases)
      .where(eq(releases.id, earlier))
      .get();
    if (row) yield { builtAt: row.builtAt, release: JSON.parse(row.release) as Release };
  }
}

/**
 * Parsed releases by row id, with their earlier tables. A stored release never changes (the
 * table is append-only), nor do the releases served before it (a release older than one served
 * is never served), so a parse can be reused: reading and parsing a diagnosis release of 1,256
 * groups costs tens of milliseconds, which the overview and a comparison would otherwise pay on
 * every request. Small on purpose (one entry is several MB); callers must not mutate what they
 * get.
 */
const PARSED = new Map<string, { builtAt: string; release: Release }>();
const PARSED_LIMIT = 6;

function remember(key: string, parsed: { builtAt: string; release: Release }): void {
  PARSED.delete(key);
  PARSED.set(key, parsed);
  while (PARSED.size > PARSED_LIMIT) PARSED.delete(PARSED.keys().next().value as string);
}

/** A table of the release: the unit hierarchy, one per dimension, one per declared cross. */
export interface ReleaseTable {
  id: string;
  dimensions: string[];
}

export function releaseTables(release: Release): ReleaseTable[] {
  return [
    { id: "units", dimensions: [] },
    ...release.dimensions.map((dimension) => ({
      id: `dimension:${dimension.key}`,
      dimensions: [dimension.key],
    })),
    ...release.crosses.map(([a, b]) => ({ id: `cross:${a}:${b}`, dimensions: [a, b] })),
  ];
}

/** The groups of one table, optionally limited to the units a reader may see. */
export function tableGroups(
  release: Release,
  tableId: string,
  visibleUnits?: ReadonlySet<string>,
): { table: ReleaseTable; groups: ReleaseGroup[] } {
  const table = releaseTables(release).find((candidate) => candidate.id === tableId);
  if (!table) throw new NotFoundError("There is no such table in this release.");
  const groups = release.groups.filter(
    (group) =>
      group.filters.length === table.dimensions.length &&
      group.filters.every((filter, index) => filter.dimension === table.dimensions[index]) &&
      (!visibleUnits || visibleUnits.has(group.unitId)),
  );
  return { table, groups };
}

/**
 * The audit summary a reader may see: the number of groups and of each hidden mark among the
 * groups served to them (a unit-scoped evaluator counts only their subtree). Every figure is
 * a count of marks they can see themselves; nothing counted elsewhere is shown.
 */
export function visibleAudit(release: Release, visibleUnits?: ReadonlySet<string>) {
  const groups = visibleUnits
    ? release.groups.filter((group) => visibleUnits.has(group.unitId))
    : release.groups;
  const marked = (reason: string) =>
    groups.filter((group) => "hidden" in group.n && group.n.hidden === reason).length;
  // Recounted from the served groups, never copied from the release's own audit figures (those
  // count the whole organisation, and itemRounds is a solver figure).
  let itemCells = 0;
  let itemsHidden = 0;
  let answersHidden = 0;
  for (const group of groups) {
    if (!("value" in group.n)) continue;
    itemCells += group.items.length;
    for (const item of group.items) {
      if (!("hidden" in item)) continue;
      itemsHidden++;
      answersHidden += group.n.value;
    }
  }
  return {
    cells: groups.length,
    organisationOnly: release.audit.organisationOnly,
    openLink: release.audit.openLink === true,
    whileOpen: release.audit.whileOpen === true,
    hiddenPrimary: marked("primary"),
    hiddenSecondary: marked("secondary"),
    hiddenUnanimity: marked("unanimity"),
    itemCells,
    itemsHidden,
    answersHidden,
  };
}
