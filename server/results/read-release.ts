import { eq } from "drizzle-orm";
import type { Release, ReleaseGroup } from "../../analysis/release-types";
import type { Db } from "../db/open-database";
import { campaigns, releases } from "../db/schema";
import { NotFoundError, ProblemError } from "../errors";

export interface StoredRelease {
  campaign: { id: string; slug: string; k: number; organisationId: string };
  builtAt: string;
  release: Release;
}

/** A table of the release: the unit hierarchy, one per dimension, one per declared cross. */
export interface ReleaseTable {
  id: string;
  dimensions: string[];
}

/** The latest audited release of a campaign; 404 while none has been built yet. */
export function readRelease(db: Db, slug: string): StoredRelease {
  const row = db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      k: campaigns.minCellSize,
      organisationId: campaigns.organisationId,
      builtAt: releases.builtAt,
      release: releases.release,
    })
    .from(campaigns)
    .leftJoin(releases, eq(releases.campaignId, campaigns.id))
    .where(eq(campaigns.slug, slug))
    .get();
  if (!row) throw new NotFoundError("There is no such campaign.");
  if (!row.release || !row.builtAt) {
    throw new ProblemError(
      404,
      "release-not-ready",
      "Results not ready",
      "The audited results of this campaign have not been computed yet; try again in a minute.",
    );
  }
  return {
    campaign: { id: row.id, slug: row.slug, k: row.k, organisationId: row.organisationId },
    builtAt: row.builtAt,
    release: JSON.parse(row.release) as Release,
  };
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
