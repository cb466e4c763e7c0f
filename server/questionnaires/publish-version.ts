import { eq } from "drizzle-orm";
import { identifyingQuestions } from "../../surveys/identifying-questions";
import { recordAudit } from "../auth/audit";
import { publishSchema } from "../contract/questionnaire-schemas";
import { questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ProblemError } from "../errors";
import { parseInput } from "../http/parse-input";
import { type DraftEdit, draftForEditor } from "./questionnaire-access";

/**
 * Publishes a draft: from now on its JSON and hash never change and campaigns may use it. A
 * version with questions that could single a respondent out is published only when the
 * request acknowledges them (409 `warnings-not-acknowledged` names them otherwise); the
 * acknowledged warnings go to the audit log.
 */
export function publishVersion({ db, actor, slug, number, input, now }: DraftEdit): void {
  const { acknowledgeWarnings } = parseInput(publishSchema, input);
  withTransaction(
    db,
    (tx) => {
      const { questionnaire, version } = draftForEditor(tx, actor, slug, number);
      const warnings = identifyingQuestions(JSON.parse(version.definition));
      if (warnings.length > 0 && acknowledgeWarnings !== true) {
        throw new ProblemError(
          409,
          "warnings-not-acknowledged",
          "Questions could single a respondent out",
          "Some questions could single a respondent out: acknowledge them (acknowledgeWarnings) to publish.",
          { errors: warnings },
        );
      }
      tx.update(questionnaireVersions)
        .set({ published: true, publishedAt: now.toISOString() })
        .where(eq(questionnaireVersions.id, version.id))
        .run();
      recordAudit(tx, {
        actor,
        action: "questionnaire.publish",
        target: slug,
        organisationId: questionnaire.organisationId,
        detail: { version: number, sha256: version.sha256, acknowledgedWarnings: warnings },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}
