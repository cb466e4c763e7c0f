import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { questionnaires, questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";

export interface BundledVersion {
  slug: string;
  kind: "diagnosis" | "campaign";
  version: number;
  /** The file's exact text; its sha256 is what the manifest records. */
  text: string;
  sha256: string;
  published: boolean;
}

/**
 * Makes the database hold every bundled questionnaire version. A version already stored with
 * another hash is refused: published versions are immutable, a change must be a new version.
 */
export function syncBundledQuestionnaires(db: Db, bundled: BundledVersion[]): void {
  withTransaction(db, (tx) => {
    for (const file of bundled) {
      let questionnaire = tx
        .select()
        .from(questionnaires)
        .where(eq(questionnaires.slug, file.slug))
        .get();
      if (!questionnaire) {
        questionnaire = {
          id: randomUUID(),
          slug: file.slug,
          kind: file.kind,
          organisationId: null,
          bundled: true,
        };
        tx.insert(questionnaires).values(questionnaire).run();
      } else if (!questionnaire.bundled) {
        if (questionnaire.organisationId !== null) {
          throw new Error(
            `The bundled questionnaire "${file.slug}" has the address of an organisation's own questionnaire; rename one of them.`,
          );
        }
        tx.update(questionnaires)
          .set({ bundled: true })
          .where(eq(questionnaires.id, questionnaire.id))
          .run();
      }
      const stored = tx
        .select()
        .from(questionnaireVersions)
        .where(
          and(
            eq(questionnaireVersions.questionnaireId, questionnaire.id),
            eq(questionnaireVersions.number, file.version),
          ),
        )
        .get();
      if (!stored) {
        tx.insert(questionnaireVersions)
          .values({
            id: randomUUID(),
            questionnaireId: questionnaire.id,
            number: file.version,
            definition: file.text,
            sha256: file.sha256,
            published: file.published,
          })
          .run();
      } else if (stored.sha256 !== file.sha256) {
        if (stored.published) {
          throw new Error(
            `${file.slug} v${file.version} was published with sha256 ${stored.sha256} but the file now hashes to ${file.sha256}: published versions are immutable, add v${file.version + 1} instead.`,
          );
        }
        tx.update(questionnaireVersions)
          .set({ definition: file.text, sha256: file.sha256, published: file.published })
          .where(eq(questionnaireVersions.id, stored.id))
          .run();
      } else if (file.published && !stored.published) {
        tx.update(questionnaireVersions)
          .set({ published: true })
          .where(eq(questionnaireVersions.id, stored.id))
          .run();
      }
    }
  });
}
