import { Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import {
  resultsCommentsSchema,
  resultsSummarySchema,
  resultsTableSchema,
} from "../../contract/release-schema";
import type { Db } from "../../db/open-database";
import { releaseTables } from "../../results/read-release";
import { releaseTableCsv } from "../../results/release-csv";
import { releaseWorkbook } from "../../results/release-xlsx";
import { EXPORT_LOCALES, type ExportLocale, unitLabels } from "../../results/unit-labels";
import { type ResultsPart, type ViewedTable, viewResults } from "../../results/view-results";

/** The language of unit names in exports: `?lang=nl|fr|en`, English otherwise. */
function exportLocale(asked: string | undefined): ExportLocale {
  return EXPORT_LOCALES.find((locale) => locale === asked) ?? "en";
}

/**
 * Results for evaluators, coordinators and admins of the campaign's scope: only ever the
 * stored, audited release, one table at a time, serialised through the output schema. An
 * evaluator of a unit sees only the groups of that unit and the units below it. Every view
 * and export is written to the audit log. No route here reads responses.
 */
export function resultsRoutes({ db, now, auth }: { db: Db; now: () => Date; auth: AdminAuth }) {
  const readers = requireRole("admin", "coordinator", "evaluator");

  const open = (
    c: { get(key: "session"): AdminEnv["Variables"]["session"] },
    slug: string,
    action: "results.view" | "results.export",
    part: ResultsPart,
  ) => viewResults({ db, user: c.get("session").user, slug, action, part, now: now() });

  return new Hono<AdminEnv>()
    .use("*", auth.protect, readers)
    .use("*", async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .get("/:slug/results", (c) => {
      const { campaign, builtAt, release, visible } = open(
        c,
        c.req.param("slug"),
        "results.view",
        "summary",
      );
      return c.json(
        resultsSummarySchema.parse({
          campaign,
          builtAt,
          audit: release.audit,
          units: visible ? release.units.filter((unit) => visible.has(unit.id)) : release.units,
          dimensions: release.dimensions,
          tables: releaseTables(release),
        }),
      );
    })
    .get("/:slug/results/tables/:table", (c) => {
      const { campaign, builtAt, viewedTable } = open(c, c.req.param("slug"), "results.view", {
        table: c.req.param("table"),
      });
      return c.json(resultsTableSchema.parse({ campaign, builtAt, ...viewedTable }));
    })
    .get("/:slug/results/comments", (c) => {
      const { campaign, builtAt, release, visible } = open(
        c,
        c.req.param("slug"),
        "results.view",
        "comments",
      );
      const comments = visible
        ? release.comments.filter((entry) => visible.has(entry.unitId))
        : release.comments;
      return c.json(resultsCommentsSchema.parse({ campaign, builtAt, comments }));
    })
    .get("/:slug/results/export.xlsx", async (c) => {
      const { campaign, builtAt, release, visible } = open(
        c,
        c.req.param("slug"),
        "results.export",
        "xlsx",
      );
      const checked = {
        ...release,
        groups: resultsTableSchema.shape.groups.parse(release.groups),
        comments: resultsCommentsSchema.shape.comments.parse(release.comments),
      };
      const body = await releaseWorkbook(checked, {
        slug: campaign.slug,
        builtAt,
        unitLabel: unitLabels(db, campaign.organisationId, exportLocale(c.req.query("lang"))),
        visibleUnits: visible,
      });
      c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      c.header("Content-Disposition", `attachment; filename="${campaign.slug}-results.xlsx"`);
      return c.body(body);
    })
    .get("/:slug/results/tables/:table/export.csv", (c) => {
      const { campaign, viewedTable } = open(c, c.req.param("slug"), "results.export", {
        table: c.req.param("table"),
      });
      const { table: found, groups } = viewedTable as ViewedTable;
      const parsed = resultsTableSchema.shape.groups.parse(groups);
      const name = `${campaign.slug}-${found.id.replaceAll(":", "-")}.csv`;
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${name}"`);
      const unitLabel = unitLabels(db, campaign.organisationId, exportLocale(c.req.query("lang")));
      return c.body(releaseTableCsv(parsed, found.dimensions, unitLabel));
    });
}
