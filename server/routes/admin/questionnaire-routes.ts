import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AdminAuth, AdminEnv } from "../../auth/admin-auth";
import type { VersionDiffAnswer } from "../../contract/questionnaire-schemas";
import type { QuestionnairesAnswer, QuestionnaireVersion } from "../../contract/reference-schemas";
import type { Db } from "../../db/open-database";
import { NotFoundError } from "../../errors";
import { readJsonBody } from "../../http/read-json-body";
import { copyQuestionnaire } from "../../questionnaires/copy-questionnaire";
import { deleteDraft } from "../../questionnaires/delete-draft";
import { publishVersion } from "../../questionnaires/publish-version";
import {
  diffQuestionnaireVersion,
  getQuestionnaireVersion,
  listQuestionnaires,
} from "../../questionnaires/read-questionnaires";
import { setQuestionMarks } from "../../questionnaires/set-question-marks";
import { createQuestionnaire, uploadVersion } from "../../questionnaires/upload-questionnaire";

const versionNumber = z.coerce.number().int().min(1).max(100_000);

function numberParam(c: Context): number {
  const number = versionNumber.safeParse(c.req.param("number"));
  if (!number.success) throw new NotFoundError("There is no such version.");
  return number.data;
}

/**
 * Questionnaires and their versions (README: "Own questionnaires"). Every signed-in user reads
 * the shared ones and their organisation's; admins and coordinators upload drafts, mark
 * questions, publish and delete drafts. Scope and roles are checked in the services.
 */
export function questionnaireRoutes({
  db,
  now,
  auth,
}: {
  db: Db;
  now: () => Date;
  auth: AdminAuth;
}) {
  return new Hono<AdminEnv>()
    .use("*", auth.protect)
    .get("/", (c) =>
      c.json({
        questionnaires: listQuestionnaires(db, c.get("session").user),
      } satisfies QuestionnairesAnswer),
    )
    .post("/", async (c) => {
      const created = createQuestionnaire({
        db,
        actor: c.get("session").user,
        input: await readJsonBody(c),
        now: now(),
      });
      return c.json(created, 201);
    })
    .post("/:slug/copy", async (c) => {
      const created = copyQuestionnaire({
        db,
        actor: c.get("session").user,
        slug: c.req.param("slug"),
        input: await readJsonBody(c),
        now: now(),
      });
      return c.json(created, 201);
    })
    .post("/:slug/versions", async (c) => {
      const uploaded = uploadVersion({
        db,
        actor: c.get("session").user,
        slug: c.req.param("slug"),
        input: await readJsonBody(c),
        now: now(),
      });
      return c.json(uploaded, 201);
    })
    .get("/:slug/versions/:number", (c) =>
      c.json(
        getQuestionnaireVersion(
          db,
          c.get("session").user,
          c.req.param("slug"),
          numberParam(c),
        ) satisfies QuestionnaireVersion,
      ),
    )
    .get("/:slug/versions/:number/diff", (c) =>
      c.json(
        diffQuestionnaireVersion(
          db,
          c.get("session").user,
          c.req.param("slug"),
          numberParam(c),
        ) satisfies VersionDiffAnswer,
      ),
    )
    .patch("/:slug/versions/:number", async (c) => {
      const number = numberParam(c);
      const input = await readJsonBody(c);
      const user = c.get("session").user;
      const slug = c.req.param("slug");
      setQuestionMarks({ db, actor: user, slug, number, input, now: now() });
      return c.json(getQuestionnaireVersion(db, user, slug, number) satisfies QuestionnaireVersion);
    })
    .post("/:slug/versions/:number/publish", async (c) => {
      const number = numberParam(c);
      const input = await readJsonBody(c);
      const user = c.get("session").user;
      const slug = c.req.param("slug");
      publishVersion({ db, actor: user, slug, number, input, now: now() });
      return c.json(getQuestionnaireVersion(db, user, slug, number) satisfies QuestionnaireVersion);
    })
    .delete("/:slug/versions/:number", (c) => {
      const answer = deleteDraft({
        db,
        actor: c.get("session").user,
        slug: c.req.param("slug"),
        number: numberParam(c),
        now: now(),
      });
      return c.json(answer);
    });
}
