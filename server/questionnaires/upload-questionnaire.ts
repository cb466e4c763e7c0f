import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { sha256 } from "../../surveys/load-questionnaires";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import { questionnaireCreateSchema, versionUploadSchema } from "../contract/questionnaire-schemas";
import type { Db } from "../db/open-database";
import { questionnaires, questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError } from "../errors";
import { parseInput } from "../http/parse-input";
import { checkUploadedQuestionnaire } from "./check-upload";
import { latestVersion, questionnaireForEditor } from "./questionnaire-access";
import { ownerForNewQuestionnaire } from "./questionnaire-owner";

/** What an upload made: the questionnaire's slug and the draft's number. */
export interface UploadedVersion {
  slug: string;
  number: number;
}

/** 409 `slug-taken` when a questionnaire already has this address (of any organisation). */
export function assertQuestionnaireSlugFree(db: Db, slug: string): void {
  const taken = db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(eq(questionnaires.slug, slug))
    .get();
  if (taken) throw new ConflictError(`A questionnaire "${slug}" exists already.`, "slug-taken");
}

/**
 * A new questionnaire whose version 1 is the uploaded file, as a draft. The file is checked as
 * `npm run surveys:check` checks bundled ones (422 naming every problem; nothing stored).
 */
export function createQuestionnaire({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  input: unknown;
  now: Date;
}): UploadedVersion {
  const { slug, kind, organisationId, definition } = parseInput(questionnaireCreateSchema, input);
  const owner = ownerForNewQuestionnaire(db, actor, organisationId);
  checkUploadedQuestionnaire(definition, undefined);
  return withTransaction(
    db,
    (tx) => {
      assertQuestionnaireSlugFree(tx, slug);
      const id = randomUUID();
      tx.insert(questionnaires).values({ id, slug, kind, organisationId: owner }).run();
      insertDraft(tx, { questionnaireId: id, number: 1, text: definition, now });
      recordAudit(tx, {
        actor,
        action: "questionnaire.create",
        target: slug,
        organisationId: owner,
        detail: { version: 1, sha256: sha256(definition), shared: owner === null },
        at: now,
      });
      return { slug, number: 1 };
    },
    { behavior: "immediate" },
  );
}

/**
 * Uploads a file as the questionnaire's draft: a new version after the newest published one,
 * or the replacement of the draft when one is open (a draft may change until it is published).
 */
export function uploadVersion({
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
  const { definition } = parseInput(versionUploadSchema, input);
  return withTransaction(
    db,
    (tx) => {
      const questionnaire = questionnaireForEditor(tx, actor, slug);
      const latest = latestVersion(tx, questionnaire.id);
      const replacing = latest !== undefined && !latest.published;
      const number = replacing ? latest.number : (latest?.number ?? 0) + 1;
      const previous = tx
        .select({ definition: questionnaireVersions.definition })
        .from(questionnaireVersions)
        .where(
          and(
            eq(questionnaireVersions.questionnaireId, questionnaire.id),
            eq(questionnaireVersions.number, number - 1),
          ),
        )
        .get();
      checkUploadedQuestionnaire(
        definition,
        previous ? (JSON.parse(previous.definition) as unknown) : undefined,
      );
      if (replacing) {
        tx.update(questionnaireVersions)
          .set({ definition, sha256: sha256(definition), createdAt: now.toISOString() })
          .where(eq(questionnaireVersions.id, latest.id))
          .run();
      } else {
        insertDraft(tx, { questionnaireId: questionnaire.id, number, text: definition, now });
      }
      recordAudit(tx, {
        actor,
        action: replacing ? "questionnaire.draft-replace" : "questionnaire.version-upload",
        target: slug,
        organisationId: questionnaire.organisationId,
        detail: { version: number, sha256: sha256(definition) },
        at: now,
      });
      return { slug, number };
    },
    { behavior: "immediate" },
  );
}

/** Stores a checked file as a draft version. */
export function insertDraft(
  db: Db,
  draft: { questionnaireId: string; number: number; text: string; now: Date },
): void {
  db.insert(questionnaireVersions)
    .values({
      id: randomUUID(),
      questionnaireId: draft.questionnaireId,
      number: draft.number,
      definition: draft.text,
      sha256: sha256(draft.text),
      published: false,
      createdAt: draft.now.toISOString(),
    })
    .run();
}
