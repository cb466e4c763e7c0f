import { type Context, Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import {
  type OrganisationAnswer,
  organisationCreateSchema,
  type UnitImportAnswer,
  type UnitTreeAnswer,
} from "../../contract/organisation-schemas";
import type { Db } from "../../db/open-database";
import { ProblemError } from "../../errors";
import { TABLE_MEDIA_TYPES } from "../../files/read-table-file";
import { readInput } from "../../http/parse-input";
import { readJsonBody } from "../../http/read-json-body";
import { changeUnits } from "../../organisations/change-units";
import { createOrganisation } from "../../organisations/create-organisation";
import { getUnitTree } from "../../organisations/get-unit-tree";
import { importUnits } from "../../organisations/import-units";

/**
 * Organisations (admins create them) and their unit trees (admins and the organisation's
 * coordinators): `…/units` lists the tree and adds a unit, `…/units/<code>` changes one,
 * `…/units/preview` shows what a file would change, `…/units/import` applies it. A unit file is
 * sent as the request body, CSV (text/csv) or XLSX.
 */
export function organisationRoutes({
  db,
  now,
  auth,
}: {
  db: Db;
  now: () => Date;
  auth: AdminAuth;
}) {
  const unitFile =
    (apply: boolean) =>
    async (c: Context<AdminEnv, "/:slug/units/preview" | "/:slug/units/import">) => {
      const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
      if (!TABLE_MEDIA_TYPES.some((known) => known === type)) {
        throw new ProblemError(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          `Send the unit file as ${TABLE_MEDIA_TYPES.join(" or ")}.`,
        );
      }
      const file = new Uint8Array(await c.req.arrayBuffer());
      const answer = await importUnits({
        db,
        actor: c.get("session").user,
        organisationSlug: c.req.param("slug") ?? "",
        file,
        apply,
        now: now(),
      });
      return c.json(answer satisfies UnitImportAnswer);
    };
  return new Hono<AdminEnv>()
    .use("*", auth.protect)
    .post("/", requireRole("admin"), async (c) => {
      const input = await readInput(c, organisationCreateSchema);
      const organisation = createOrganisation({
        db,
        actor: c.get("session").user,
        input,
        now: now(),
      });
      return c.json({ organisation } satisfies OrganisationAnswer, 201);
    })
    .get("/:slug/units", requireRole("admin", "coordinator"), (c) =>
      c.json(getUnitTree(db, c.get("session").user, c.req.param("slug")) satisfies UnitTreeAnswer),
    )
    .post("/:slug/units", requireRole("admin", "coordinator"), async (c) => {
      const answer = changeUnits({
        db,
        actor: c.get("session").user,
        organisationSlug: c.req.param("slug"),
        change: { kind: "add", unit: await readJsonBody(c) },
        now: now(),
      });
      return c.json(answer satisfies UnitImportAnswer, 201);
    })
    .patch("/:slug/units/:code", requireRole("admin", "coordinator"), async (c) => {
      const answer = changeUnits({
        db,
        actor: c.get("session").user,
        organisationSlug: c.req.param("slug"),
        change: { kind: "change", code: c.req.param("code"), change: await readJsonBody(c) },
        now: now(),
      });
      return c.json(answer satisfies UnitImportAnswer);
    })
    .post("/:slug/units/preview", requireRole("admin", "coordinator"), unitFile(false))
    .post("/:slug/units/import", requireRole("admin", "coordinator"), unitFile(true));
}
