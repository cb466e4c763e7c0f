import { Hono } from "hono";
import type { AdminAuth, AdminEnv } from "../../auth/admin-auth";
import type { OrganisationsAnswer } from "../../contract/reference-schemas";
import type { Db } from "../../db/open-database";
import { listOrganisations } from "../../reference/list-reference-data";

/** Organisations with units: what campaign forms pick from (questionnaires: questionnaire-routes). */
export function referenceRoutes({ db, auth }: { db: Db; auth: AdminAuth }) {
  return new Hono<AdminEnv>().get("/organisations", auth.protect, (c) =>
    c.json({
      organisations: listOrganisations(db, c.get("session").user),
    } satisfies OrganisationsAnswer),
  );
}
