import { Hono, type MiddlewareHandler } from "hono";
import type { Db } from "../../db/open-database";
import { readRelease, releaseTables, tableGroups } from "../../results/read-release";
import { releaseTableCsv } from "../../results/release-csv";
import {
  resultsCommentsSchema,
  resultsSummarySchema,
  resultsTableSchema,
} from "../../results/release-schema";

/**
 * Results for evaluators: only ever the stored, audited release of a campaign, one table at a
 * time, serialised through the output schema. No route here reads responses.
 */
export function resultsRoutes({ db, access }: { db: Db; access: MiddlewareHandler }) {
  return new Hono()
    .use("*", access)
    .use("*", async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .get("/:slug/results", (c) => {
      const { campaign, builtAt, release } = readRelease(db, c.req.param("slug"));
      return c.json(
        resultsSummarySchema.parse({
          campaign,
          builtAt,
          audit: release.audit,
          units: release.units,
          dimensions: release.dimensions,
          tables: releaseTables(release),
        }),
      );
    })
    .get("/:slug/results/tables/:table", (c) => {
      const { campaign, builtAt, release } = readRelease(db, c.req.param("slug"));
      const { table, groups } = tableGroups(release, c.req.param("table"));
      return c.json(resultsTableSchema.parse({ campaign, builtAt, table, groups }));
    })
    .get("/:slug/results/comments", (c) => {
      const { campaign, builtAt, release } = readRelease(db, c.req.param("slug"));
      return c.json(resultsCommentsSchema.parse({ campaign, builtAt, comments: release.comments }));
    })
    .get("/:slug/results/tables/:table/export.csv", (c) => {
      const { campaign, release } = readRelease(db, c.req.param("slug"));
      const { table, groups } = tableGroups(release, c.req.param("table"));
      const parsed = resultsTableSchema.shape.groups.parse(groups);
      const name = `${campaign.slug}-${table.id.replaceAll(":", "-")}.csv`;
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${name}"`);
      return c.body(releaseTableCsv(parsed, table.dimensions));
    });
}
