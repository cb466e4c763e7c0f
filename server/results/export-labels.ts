import { eq } from "drizzle-orm";
import { questionnaireLabels } from "../../surveys/model/questionnaire-labels";
import type { Db } from "../db/open-database";
import { campaigns, questionnaireVersions } from "../db/schema";
import { NotFoundError } from "../errors";
import { EXPORT_MESSAGES } from "./export-messages";
import type { ExportLabels } from "./labelled-rows";
import { type ExportLocale, unitLabels } from "./unit-labels";

/**
 * Everything an export for people names, in one language: the campaign's title, its
 * questionnaire's question and answer texts, and the organisation's unit names.
 */
export function exportLabels(
  db: Db,
  campaign: { id: string; organisationId: string; k: number },
  locale: ExportLocale,
): { title: string; labels: ExportLabels } {
  const row = db
    .select({
      titleNl: campaigns.titleNl,
      titleFr: campaigns.titleFr,
      titleEn: campaigns.titleEn,
      definition: questionnaireVersions.definition,
    })
    .from(campaigns)
    .innerJoin(
      questionnaireVersions,
      eq(questionnaireVersions.id, campaigns.questionnaireVersionId),
    )
    .where(eq(campaigns.id, campaign.id))
    .get();
  if (!row) throw new NotFoundError("There is no such campaign.");
  const title = { nl: row.titleNl, fr: row.titleFr, en: row.titleEn }[locale];
  return {
    title,
    labels: {
      messages: EXPORT_MESSAGES[locale],
      questions: questionnaireLabels(JSON.parse(row.definition), locale),
      unit: unitLabels(db, campaign, locale),
      k: campaign.k,
    },
  };
}
