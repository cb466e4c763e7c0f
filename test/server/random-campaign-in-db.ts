import { randomUUID } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type { ItemSpec } from "../../analysis/types";
import type { DbConnection } from "../../server/db/open-database";
import {
  type CampaignStatus,
  campaigns,
  campaignUnits,
  organisations,
  questionnaires,
  questionnaireVersions,
  responses,
  units,
} from "../../server/db/schema";
import type { RandomCampaign } from "../analysis/random-campaign";

const named = (text: string) => ({ en: text, nl: text, fr: text });

/**
 * A SurveyJS definition whose questions describeQuestionnaire reads back as `items` (single
 * choice as radio groups, multiple choice as checkboxes, text as comments), with a unit picker.
 */
function definitionOf(items: ItemSpec[]) {
  return {
    pages: [
      {
        name: "all",
        elements: [
          { type: "dropdown", name: "unit", unitPicker: true, isRequired: true, title: "Unit" },
          ...items.map((item) => ({
            name: item.key,
            title: named(item.key),
            ...(item.kind === "text"
              ? { type: "comment" }
              : {
                  type: item.kind === "multi" ? "checkbox" : "radiogroup",
                  choices: item.options,
                  ...(item.breakdown ? { breakdown: true } : {}),
                  ...(item.sensitive ? { sensitive: true } : {}),
                }),
          })),
        ],
      },
    ],
  };
}

/**
 * Stores a random campaign of the analysis tests (test/analysis/random-campaign.ts) as the
 * server would hold it: its organisation and unit tree, its questions as a questionnaire, a
 * campaign with invitation codes (so breakdowns are published) and its responses. Known
 * headcounts are not stored (the release reads them from published headcount tables).
 */
export function storeRandomCampaign(
  db: DbConnection,
  { input, rows }: RandomCampaign,
  {
    status = "open",
    interimResultRoles = "",
  }: { status?: CampaignStatus; interimResultRoles?: string } = {},
): { campaignId: string; slug: string; organisationId: string } {
  const organisationId = randomUUID();
  db.insert(organisations)
    .values({ id: organisationId, slug: `org-${organisationId}`, ...names("Org") })
    .run();
  const unitIds = new Map(input.units.map((unit) => [unit.id, randomUUID()]));
  for (const unit of input.units) {
    db.insert(units)
      .values({
        id: unitIds.get(unit.id) as string,
        organisationId,
        parentId: unit.parentId === null ? null : (unitIds.get(unit.parentId) as string),
        kind: "entity",
        code: unit.id,
        ...names(`Unit ${unit.id}`),
      })
      .run();
  }
  const questionnaireId = randomUUID();
  db.insert(questionnaires)
    .values({ id: questionnaireId, slug: `q-${questionnaireId}`, kind: "diagnosis" })
    .run();
  const versionId = randomUUID();
  db.insert(questionnaireVersions)
    .values({
      id: versionId,
      questionnaireId,
      number: 1,
      definition: JSON.stringify(definitionOf(input.items)),
      sha256: "x",
      published: true,
    })
    .run();
  const campaignId = randomUUID();
  const slug = `c-${campaignId.slice(0, 8)}`;
  db.insert(campaigns)
    .values({
      id: campaignId,
      slug,
      organisationId,
      questionnaireVersionId: versionId,
      titleNl: "Diagnose",
      titleFr: "Diagnostic",
      titleEn: "Diagnosis",
      opensAt: "2000-01-01T00:00:00.000Z",
      closesAt: "2999-01-01T00:00:00.000Z",
      minCellSize: input.k,
      status,
      accessMode: "invitation-codes",
      interimResultRoles,
    })
    .run();
  for (const unitId of unitIds.values())
    db.insert(campaignUnits).values({ campaignId, unitId }).run();
  for (const row of rows) {
    db.insert(responses)
      .values({
        id: randomUUID(),
        campaignId,
        unitId: unitIds.get(row.unitId) as string,
        answers: JSON.stringify(row.answers),
      })
      .run();
  }
  return { campaignId, slug, organisationId };
}

/**
 * Takes `count` stored answers of a campaign out (the last by their answers' JSON, not their
 * random ids, so the same ones every run) and returns them, to be stored again later: answers
 * that arrive after a release was shown.
 */
export function holdApartAnswers(db: DbConnection, campaignId: string, count: number) {
  const late = db
    .select()
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .orderBy(desc(responses.answers))
    .limit(count)
    .all();
  db.delete(responses)
    .where(
      inArray(
        responses.id,
        late.map((row) => row.id),
      ),
    )
    .run();
  return late;
}

function names(text: string) {
  return { nameNl: text, nameFr: text, nameEn: text };
}
