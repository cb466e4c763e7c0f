import { type Context, Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import {
  type OrganisationAnswer,
  organisationCreateSchema,
  type UnitImportAnswer,
} from "../../contract/organisation-schemas";
import type { Db } from "../../db/open-database";
import { ProblemError } from "../../errors";
import { TABLE_MEDIA_TYPES } from "../../files/read-table-file";
import { readInput } from "../../http/parse-input";
import { createOrganisation } from "../../organisations/create-organisation";
import { importUnits } from "../../organisations/import-units";

/**
 * Organisations (admins create them) and their unit trees (admins and the organisation's
 * coordinators import them: `…/units/preview` shows the change, `…/units/import` applies it).
 * A unit file is sent as the request body with Content-Type text/csv.
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
    .post("/:slug/units/preview", requireRole("admin", "coordinator"), unitFile(false))
    .post("/:slug/units/import", requireRole("admin", "coordinator"), unitFile(true));
}
