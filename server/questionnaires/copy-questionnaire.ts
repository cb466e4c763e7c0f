import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { sha256 } from "../../surveys/load-questionnaires";
import { mapElements } from "../../surveys/model/walk-questions";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import { questionnaireCopySchema } from "../contract/questionnaire-schemas";
import type { Db } from "../db/open-database";
import { questionnaires, questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { parseInput } from "../http/parse-input";
import { questionnaireForReader } from "./questionnaire-access";
import { ownerForNewQuestionnaire } from "./questionnaire-owner";
import {
  assertQuestionnaireSlugFree,
  insertDraft,
  type UploadedVersion,
} from "./upload-questionnaire";

/**
 * Starts an own questionnaire from another one (a bundled template such as
 * diversity-diagnosis): its newest published version becomes draft version 1 of a new
 * questionnaire. `previousName` marks are dropped: they named questions of the template's
 * previous version, which the copy does not have.
 */
export function copyQuestionnaire({
  db,
  actor,
  slug,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  input: unknown;
  now: Date;
}): UploadedVersion {
  const copy = parseInput(questionnaireCopySchema, input);
  if (actor.role === "evaluator")
    throw new ForbiddenError("Evaluators do not edit questionnaires.");
  const owner = ownerForNewQuestionnaire(db, actor, copy.organisationId);
  return withTransaction(
    db,
    (tx) => {
      const source = questionnaireForReader(tx, actor, slug);
      const version = tx
        .select()
        .from(questionnaireVersions)
        .where(
          and(
            eq(questionnaireVersions.questionnaireId, source.id),
            eq(questionnaireVersions.published, true),
          ),
        )
        .orderBy(desc(questionnaireVersions.number))
        .limit(1)
        .get();
      if (!version)
        throw new ConflictError(`"${slug}" has no published version to copy.`, "not-draft");
      assertQuestionnaireSlugFree(tx, copy.slug);
      const definition = mapElements(JSON.parse(version.definition), (element) => {
        const { previousName: _dropped, ...rest } = element;
        return rest;
      });
      const text = `${JSON.stringify(definition, null, 2)}\n`;
      const id = randomUUID();
      tx.insert(questionnaires)
        .values({ id, slug: copy.slug, kind: source.kind, organisationId: owner })
        .run();
      insertDraft(tx, { questionnaireId: id, number: 1, text, now });
      recordAudit(tx, {
        actor,
        action: "questionnaire.copy",
        target: copy.slug,
        organisationId: owner,
        detail: { from: slug, fromVersion: version.number, sha256: sha256(text) },
        at: now,
      });
      return { slug: copy.slug, number: 1 };
    },
    { behavior: "immediate" },
  );
}
