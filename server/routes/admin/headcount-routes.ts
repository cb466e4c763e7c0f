import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import { canManageOrganisation } from "../../auth/scope";
import type {
  HeadcountImportAnswer,
  HeadcountReleaseAnswer,
} from "../../contract/headcount-schemas";
import type { HeadcountTargetsAnswer } from "../../contract/headcount-view-schemas";
import { LOCALES, type Locale } from "../../contract/locales";
import type { Db } from "../../db/open-database";
import { organisations, units } from "../../db/schema";
import { InvalidInputError, NotFoundError, ProblemError } from "../../errors";
import { TABLE_MEDIA_TYPES } from "../../files/read-table-file";
import {
  exportHeadcounts,
  HEADCOUNT_EXPORT_FORMATS,
  HEADCOUNT_EXPORT_TABLES,
} from "../../headcounts/headcount-exports";
import type { HeadcountReleaseQueue } from "../../headcounts/headcount-release-queue";
import { getHeadcountTargets, setHeadcountTargets } from "../../headcounts/headcount-targets";
import { headcountTemplate } from "../../headcounts/headcount-template";
import { importHeadcounts } from "../../headcounts/import-headcounts";
import { nameHeadcountFaults } from "../../headcounts/name-headcount-faults";
import { viewHeadcountIndicators } from "../../headcounts/view-headcount-indicators";
import { viewHeadcounts } from "../../headcounts/view-headcounts";
import { readJsonBody } from "../../http/read-json-body";

/** The roles that import headcounts. */
const IMPORTERS = ["admin", "coordinator"] as const;

/**
 * Headcounts of an organisation (README "Headcounts"): `GET …/headcounts` the audited tables
 * (every role, in scope), `GET …/headcounts/template.csv?lang=` a file to fill in and
 * `POST …/headcounts/<YYYY-MM-DD>` an import with the file as body (admins, coordinators).
 */
export function headcountRoutes({
  db,
  now,
  auth,
  headcountReleases,
}: {
  db: Db;
  now: () => Date;
  auth: AdminAuth;
  headcountReleases: HeadcountReleaseQueue;
}) {
  return new Hono<AdminEnv>()
    .use("*", auth.protect)
    .get("/:slug/headcounts", (c) => {
      // Those who can import may be about to: the next build should not start cold.
      if ((IMPORTERS as readonly string[]).includes(c.get("session").user.role))
        headcountReleases.prepare();
      const answer = viewHeadcounts({
        db,
        actor: c.get("session").user,
        organisationSlug: c.req.param("slug"),
        now: now(),
        buildFailure: (organisationId) => headcountReleases.failure(organisationId),
      });
      return c.json(answer satisfies HeadcountReleaseAnswer);
    })
    .get("/:slug/headcounts/indicators", (c) =>
      c.json(
        viewHeadcountIndicators({
          db,
          actor: c.get("session").user,
          organisationSlug: c.req.param("slug"),
          unitId: c.req.query("unit"),
          targets: targetSetOf(c.req.query("targets")),
          now: now(),
        }),
      ),
    )
    .get("/:slug/headcounts/targets", (c) =>
      c.json(
        getHeadcountTargets({
          db,
          actor: c.get("session").user,
          organisationSlug: c.req.param("slug"),
        }) satisfies HeadcountTargetsAnswer,
      ),
    )
    .put("/:slug/headcounts/targets", requireRole("admin", "coordinator"), async (c) =>
      c.json(
        setHeadcountTargets({
          db,
          actor: c.get("session").user,
          organisationSlug: c.req.param("slug"),
          input: await readJsonBody(c),
          now: now(),
        }) satisfies HeadcountTargetsAnswer,
      ),
    )
    .get("/:slug/headcounts/export", (c) => {
      const format = HEADCOUNT_EXPORT_FORMATS.find((known) => known === c.req.query("format"));
      const table =
        HEADCOUNT_EXPORT_TABLES.find((known) => known === c.req.query("table")) ?? "tables";
      if (!format) {
        throw new InvalidInputError(`Choose a format: ${HEADCOUNT_EXPORT_FORMATS.join(", ")}.`, [
          { question: "format", message: "Unknown export format." },
        ]);
      }
      const lang = c.req.query("lang");
      const file = exportHeadcounts({
        db,
        actor: c.get("session").user,
        organisationSlug: c.req.param("slug"),
        format,
        table,
        locale: LOCALES.find((known) => known === lang) ?? "en",
        now: now(),
      });
      c.header("Content-Type", file.contentType);
      c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
      c.header("Cache-Control", "no-store");
      return c.body(file.body);
    })
    .get("/:slug/headcounts/template.csv", requireRole(...IMPORTERS), (c) => {
      headcountReleases.prepare();
      const actor = c.get("session").user;
      const organisation = db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, c.req.param("slug")))
        .get();
      if (!organisation || !canManageOrganisation(actor, organisation.id)) {
        throw new NotFoundError(`There is no organisation "${c.req.param("slug")}".`);
      }
      const codes = db
        .select({ code: units.code, retiredAt: units.retiredAt })
        .from(units)
        .where(eq(units.organisationId, organisation.id))
        .all()
        .filter((unit) => unit.retiredAt === null)
        .map((unit) => unit.code)
        .sort();
      const lang = c.req.query("lang");
      const locale: Locale = LOCALES.find((known) => known === lang) ?? "en";
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="headcounts-${locale}.csv"`);
      return c.body(headcountTemplate(codes, locale));
    })
    .post("/:slug/headcounts/:date", requireRole(...IMPORTERS), async (c) => {
      const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
      if (!TABLE_MEDIA_TYPES.some((known) => known === type)) {
        throw new ProblemError(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          `Send the headcount file as ${TABLE_MEDIA_TYPES.join(" or ")}.`,
        );
      }
      const file = new Uint8Array(await c.req.arrayBuffer());
      try {
        const answer = await importHeadcounts({
          db,
          actor: c.get("session").user,
          organisationSlug: c.req.param("slug"),
          referenceDate: c.req.param("date"),
          file,
          now: now(),
          afterImport: (organisationId) => headcountReleases.rebuild(organisationId),
        });
        return c.json(answer satisfies HeadcountImportAnswer, 201);
      } catch (error) {
        if (error instanceof ProblemError && error.problem === "invalid-headcount-file") {
          throw await nameHeadcountFaults(error, file);
        }
        throw error;
      }
    });
}

/** `?targets=`: a default set by name, else the organisation's own targets. */
function targetSetOf(query: string | undefined): "flanders-2020" | "brussels" | "organisation" {
  return query === "brussels" || query === "flanders-2020" ? query : "organisation";
}
