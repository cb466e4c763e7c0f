import { type Context, Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import {
  resultsCommentsSchema,
  resultsSummarySchema,
  resultsTableSchema,
} from "../../contract/release-schema";
import { staffCompositionSchema } from "../../contract/staff-composition-schema";
import { unitMappingsRequestSchema } from "../../contract/unit-mapping-schemas";
import type { Db } from "../../db/open-database";
import { readInput } from "../../http/parse-input";
import { type ComparisonRequest, compareCampaigns } from "../../results/compare-campaigns";
import { readUnitMappings } from "../../results/compare-unit-mappings";
import { saveUnitMappings } from "../../results/compare-unit-mappings-save";
import {
  comparisonCsvForAnalysis,
  comparisonCsvForExcel,
  comparisonWorkbook,
} from "../../results/comparison-exports";
import { releaseTables, visibleAudit } from "../../results/read-release";
import {
  campaignWorkbook,
  type ExportFile,
  tableCsvForAnalysis,
  tableCsvForExcel,
  tableJson,
} from "../../results/release-exports";
import {
  staffCompositionCsvForAnalysis,
  staffCompositionCsvForExcel,
} from "../../results/staff-composition-export";
import { EXPORT_LOCALES, type ExportLocale, unitNames } from "../../results/unit-labels";
import { type ComparisonFormat, type ResultsPart, viewResults } from "../../results/view-results";
import { viewStaffComposition } from "../../results/view-staff-composition";

/** The language of unit names in exports: `?lang=nl|fr|en`, English otherwise. */
function exportLocale(asked: string | undefined): ExportLocale {
  return EXPORT_LOCALES.find((locale) => locale === asked) ?? "en";
}

/**
 * What a comparison request names: the campaign of the path and those of `?with=a,b`, one
 * table (`?table=`, the unit table by default), optionally one unit (`?unit=`, `?part=`).
 */
function comparisonRequest(c: Context): ComparisonRequest {
  const unit = c.req.query("unit");
  return {
    slugs: [
      c.req.param("slug") ?? "",
      ...(c.req.query("with") ?? "").split(",").filter((slug) => slug !== ""),
    ],
    table: c.req.query("table") || "units",
    ...(unit ? { unit } : {}),
    part: c.req.query("part") === "direct" ? "direct" : "all",
  };
}

/** A download, with its type and file name. */
function send(c: Context, file: ExportFile) {
  c.header("Content-Type", file.contentType);
  c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
  return c.body(file.body);
}

/**
 * Results for evaluators, coordinators and admins of the campaign's scope: only ever the
 * stored, audited release, one table at a time, serialised through the output schema. An
 * evaluator of a unit sees only the groups of that unit and the units below it. Every view
 * and export is written to the audit log. No route here reads responses. The units mapped
 * between two waves (`/unit-mappings?from=`) are read and replaced by the later campaign's
 * managers only (403 for evaluators).
 */
export function resultsRoutes({ db, now, auth }: { db: Db; now: () => Date; auth: AdminAuth }) {
  const readers = requireRole("admin", "coordinator", "evaluator");

  const open = (
    c: { get(key: "session"): AdminEnv["Variables"]["session"] },
    slug: string,
    action: "results.view" | "results.export",
    part: ResultsPart,
  ) => viewResults({ db, user: c.get("session").user, slug, action, part, now: now() });
  const exportSource = (opened: ReturnType<typeof open>, lang: string | undefined) => ({
    db,
    stored: opened,
    visible: opened.visible,
    locale: exportLocale(lang),
  });
  /** Opens one table for export: 404 (and nothing logged) unless the release has it. */
  const openTable = (
    c: { get(key: "session"): AdminEnv["Variables"]["session"] },
    slug: string,
    table: string,
    format?: "csv-for-excel" | "json",
  ) => {
    const opened = open(c, slug, "results.export", format ? { table, format } : { table });
    return { opened, table: opened.viewedTable?.table.id ?? table };
  };

  /** The respondents against the staff as the reader may see them, through the output schema. */
  const compositionOf = (opened: ReturnType<typeof open>) =>
    staffCompositionSchema.parse(viewStaffComposition(db, opened));

  const compare = (c: Context<AdminEnv>, format?: Exclude<ComparisonFormat, "comparison">) =>
    compareCampaigns({
      db,
      user: c.get("session").user,
      request: comparisonRequest(c),
      ...(format ? { format } : {}),
      now: now(),
    });

  return new Hono<AdminEnv>()
    .use("*", auth.protect, readers)
    .use("*", async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .get("/:slug/results", (c) => {
      const { campaign, builtAt, release, visible, interim, finalRelease } = open(
        c,
        c.req.param("slug"),
        "results.view",
        "summary",
      );
      const names = unitNames(db, campaign);
      const shown = visible ? release.units.filter((unit) => visible.has(unit.id)) : release.units;
      return c.json(
        resultsSummarySchema.parse({
          campaign,
          builtAt,
          interim,
          ...(finalRelease ? { finalRelease } : {}),
          audit: visibleAudit(release, visible),
          units: shown.map((unit) => ({
            id: unit.id,
            parentId: unit.parentId,
            name: names.get(unit.id) ?? { nl: "", fr: "", en: "" },
          })),
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
    .get("/:slug/results/staff-composition", (c) => {
      const opened = open(c, c.req.param("slug"), "results.view", "staff-composition");
      return c.json(compositionOf(opened));
    })
    .get("/:slug/results/staff-composition/export-for-excel.csv", (c) => {
      const opened = open(
        c,
        c.req.param("slug"),
        "results.export",
        "staff-composition-csv-for-excel",
      );
      return send(
        c,
        staffCompositionCsvForExcel({
          db,
          campaign: opened.campaign,
          composition: compositionOf(opened),
          locale: exportLocale(c.req.query("lang")),
        }),
      );
    })
    .get("/:slug/results/staff-composition/export.csv", (c) => {
      const opened = open(c, c.req.param("slug"), "results.export", "staff-composition-csv");
      return send(
        c,
        staffCompositionCsvForAnalysis({
          db,
          campaign: opened.campaign,
          composition: compositionOf(opened),
          locale: exportLocale(c.req.query("lang")),
        }),
      );
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
    .get("/:slug/results/comparison", (c) => c.json(compare(c).answer))
    .get("/:slug/results/comparison/export.csv", (c) =>
      send(
        c,
        comparisonCsvForAnalysis(
          db,
          compare(c, "comparison-csv"),
          exportLocale(c.req.query("lang")),
        ),
      ),
    )
    .get("/:slug/results/comparison/export-for-excel.csv", (c) =>
      send(
        c,
        comparisonCsvForExcel(
          db,
          compare(c, "comparison-csv-for-excel"),
          exportLocale(c.req.query("lang")),
        ),
      ),
    )
    .get("/:slug/results/comparison/export.xlsx", (c) =>
      send(
        c,
        comparisonWorkbook(db, compare(c, "comparison-xlsx"), exportLocale(c.req.query("lang"))),
      ),
    )
    .get("/:slug/unit-mappings", (c) =>
      c.json(
        readUnitMappings({
          db,
          user: c.get("session").user,
          slug: c.req.param("slug"),
          from: c.req.query("from") ?? "",
        }),
      ),
    )
    .put("/:slug/unit-mappings", async (c) => {
      const input = await readInput(c, unitMappingsRequestSchema);
      return c.json(
        saveUnitMappings({
          db,
          user: c.get("session").user,
          slug: c.req.param("slug"),
          input,
          now: now(),
        }),
      );
    })
    .get("/:slug/results/export.xlsx", (c) => {
      const opened = open(c, c.req.param("slug"), "results.export", "xlsx");
      return send(
        c,
        campaignWorkbook(exportSource(opened, c.req.query("lang")), compositionOf(opened)),
      );
    })
    .get("/:slug/results/tables/:table/export.csv", (c) => {
      const { opened, table } = openTable(c, c.req.param("slug"), c.req.param("table"));
      return send(c, tableCsvForAnalysis(exportSource(opened, c.req.query("lang")), table));
    })
    .get("/:slug/results/tables/:table/export-for-excel.csv", (c) => {
      const { opened, table } = openTable(
        c,
        c.req.param("slug"),
        c.req.param("table"),
        "csv-for-excel",
      );
      return send(c, tableCsvForExcel(exportSource(opened, c.req.query("lang")), table));
    })
    .get("/:slug/results/tables/:table/export.json", (c) => {
      const { opened, table } = openTable(c, c.req.param("slug"), c.req.param("table"), "json");
      return send(c, tableJson(exportSource(opened, c.req.query("lang")), table));
    });
}
