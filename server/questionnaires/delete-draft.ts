import { eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { campaigns, questionnaires, questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError } from "../errors";
import { draftForEditor } from "./questionnaire-access";

/**
 * Deletes a draft version (a published one answers 409: it is kept for good). Deleting the
 * only version of a questionnaire deletes the questionnaire, so its address is free again.
 */
export function deleteDraft({
  db,
  actor,
  slug,
  number,
  now,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  number: number;
  now: Date;
}): { questionnaireDeleted: boolean } {
  return withTransaction(
    db,
    (tx) => {
      const { questionnaire, version } = draftForEditor(tx, actor, slug, number);
      // Campaigns only take published versions; this holds even if that rule ever loosens.
      const used = tx
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(eq(campaigns.questionnaireVersionId, version.id))
        .get();
      if (used) throw new ConflictError("A campaign uses this version.", "conflict");
      tx.delete(questionnaireVersions).where(eq(questionnaireVersions.id, version.id)).run();
      const left = tx
        .select({ id: questionnaireVersions.id })
        .from(questionnaireVersions)
        .where(eq(questionnaireVersions.questionnaireId, questionnaire.id))
        .get();
      if (!left) tx.delete(questionnaires).where(eq(questionnaires.id, questionnaire.id)).run();
      recordAudit(tx, {
        actor,
        action: "questionnaire.draft-delete",
        target: slug,
        organisationId: questionnaire.organisationId,
        detail: { version: number, sha256: version.sha256, questionnaireDeleted: !left },
        at: now,
      });
      return { questionnaireDeleted: !left };
    },
    { behavior: "immediate" },
  );
}
