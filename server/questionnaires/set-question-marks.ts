import { and, eq } from "drizzle-orm";
import { sha256 } from "../../surveys/load-questionnaires";
import { mapElements, walkQuestions } from "../../surveys/model/walk-questions";
import { recordAudit } from "../auth/audit";
import { questionMarksSchema } from "../contract/questionnaire-schemas";
import { questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { InvalidInputError } from "../errors";
import { parseInput } from "../http/parse-input";
import { checkUploadedQuestionnaire } from "./check-upload";
import { type DraftEdit, draftForEditor } from "./questionnaire-access";

/**
 * Marks questions of a draft as breakdown dimensions or sensitive, on screen rather than in the
 * JSON. The changed draft passes the same checks as an upload (a breakdown question still needs
 * "prefer not to say"); a published version answers 409.
 */
export function setQuestionMarks({ db, actor, slug, number, input, now }: DraftEdit): void {
  const { marks } = parseInput(questionMarksSchema, input);
  withTransaction(
    db,
    (tx) => {
      const { questionnaire, version } = draftForEditor(tx, actor, slug, number);
      const current = JSON.parse(version.definition) as unknown;
      const names = new Set(walkQuestions(current).map((q) => q.name));
      const unknown = Object.keys(marks).filter((name) => !names.has(name));
      if (unknown.length > 0)
        throw new InvalidInputError(
          "Some questions do not exist in this version.",
          unknown.map((question) => ({ question, message: "no such question" })),
        );
      const changed = mapElements(current, (element) => {
        const mark = typeof element.name === "string" ? marks[element.name] : undefined;
        if (!mark || typeof element.type !== "string" || element.type === "panel") return element;
        const next = { ...element };
        for (const key of ["breakdown", "sensitive"] as const) {
          if (mark[key] === true) next[key] = true;
          else if (mark[key] === false) delete next[key];
        }
        return next;
      });
      const text = `${JSON.stringify(changed, null, 2)}\n`;
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
      checkUploadedQuestionnaire(text, previous ? JSON.parse(previous.definition) : undefined);
      tx.update(questionnaireVersions)
        .set({ definition: text, sha256: sha256(text) })
        .where(eq(questionnaireVersions.id, version.id))
        .run();
      recordAudit(tx, {
        actor,
        action: "questionnaire.marks",
        target: slug,
        organisationId: questionnaire.organisationId,
        detail: { version: number, marks },
        at: now,
      });
    },
    { behavior: "immediate" },
  );
}
