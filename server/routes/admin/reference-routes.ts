import { Hono } from "hono";
import { z } from "zod";
import type { AdminAuth, AdminEnv } from "../../auth/admin-auth";
import type {
  OrganisationsAnswer,
  QuestionnairesAnswer,
  QuestionnaireVersion,
} from "../../contract/reference-schemas";
import type { Db } from "../../db/open-database";
import { NotFoundError } from "../../errors";
import {
  getQuestionnaireVersion,
  listOrganisations,
  listQuestionnaires,
} from "../../reference/list-reference-data";

const versionNumber = z.coerce.number().int().min(1).max(100_000);

/** Organisations with units, questionnaires and their versions: what campaign forms pick from. */
export function referenceRoutes({ db, auth }: { db: Db; auth: AdminAuth }) {
  return new Hono<AdminEnv>()
    .get("/organisations", auth.protect, (c) =>
      c.json({
        organisations: listOrganisations(db, c.get("session").user),
      } satisfies OrganisationsAnswer),
    )
    .get("/questionnaires", auth.protect, (c) =>
      c.json({ questionnaires: listQuestionnaires(db) } satisfies QuestionnairesAnswer),
    )
    .get("/questionnaires/:slug/versions/:number", auth.protect, (c) => {
      const number = versionNumber.safeParse(c.req.param("number"));
      if (!number.success) throw new NotFoundError("There is no such version.");
      return c.json(
        getQuestionnaireVersion(
          db,
          c.req.param("slug"),
          number.data,
        ) satisfies QuestionnaireVersion,
      );
    });
}
