import { randomUUID } from "node:crypto";
import { SurveyModel } from "survey-core";
import { beforeEach, describe, expect, it } from "vitest";
import { previewDefinition } from "../../client/admin/campaigns/preview-definition";
import { createApp } from "../../server/app";
import { campaignAnswerSchema } from "../../server/contract/campaign-schemas";
import { LOCALES, type Locale } from "../../server/contract/locales";
import {
  organisationsAnswerSchema,
  questionnaireVersionSchema,
} from "../../server/contract/reference-schemas";
import { campaignFormSchema } from "../../server/contract/respondent-schemas";
import type { AccessMode } from "../../server/contract/vocabulary";
import { type Db, openDatabase } from "../../server/db/open-database";
import { campaignUnits, units } from "../../server/db/schema";
import { registerPeilpuntProperties } from "../../surveys/custom-properties";
import { insertUser, signIn } from "../server/admin-fixture";
import { createFixtureCampaign } from "../server/campaign-fixture";

registerPeilpuntProperties();

let db: Db;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  db = openDatabase(":memory:");
  app = createApp({ db });
});

/**
 * Adds a faculty with a department to the campaign. Their codes sort before the fixture's units
 * (A, B) but their Dutch names after them, and the department shares a name with nothing: the
 * order and the "Faculty › Department" labels respondents see must show in the preview too.
 */
function addNestedUnits(organisationId: string, campaignId: string): void {
  const faculty = randomUUID();
  const department = randomUUID();
  const rows = [
    {
      id: faculty,
      parentId: null,
      code: "0-FAC",
      nl: "Zeta-faculteit",
      fr: "Faculté Zêta",
      en: "Zeta Faculty",
    },
    {
      id: department,
      parentId: faculty,
      code: "0-DEP",
      nl: "Alfa-vakgroep",
      fr: "Département Alpha",
      en: "Alpha Department",
    },
  ];
  for (const row of rows) {
    db.insert(units)
      .values({
        id: row.id,
        organisationId,
        parentId: row.parentId,
        kind: "entity",
        code: row.code,
        nameNl: row.nl,
        nameFr: row.fr,
        nameEn: row.en,
      })
      .run();
    db.insert(campaignUnits).values({ campaignId, unitId: row.id }).run();
  }
}

/** Everything a person reads in a rendered form, per question, in one language. */
function whatRespondentsRead(definition: unknown, locale: Locale) {
  const survey = new SurveyModel(definition);
  survey.locale = locale;
  return survey.getAllQuestions().map((question) => ({
    name: question.name,
    title: question.title,
    visible: question.isVisible,
    readOnly: question.isReadOnly,
    choices:
      "visibleChoices" in question
        ? (question.visibleChoices as { value: unknown; text: string }[]).map((choice) => [
            choice.value,
            choice.text,
          ])
        : [],
  }));
}

async function json(response: Response): Promise<unknown> {
  expect(response.status).toBe(200);
  return response.json();
}

async function previewAndForm(accessMode: AccessMode) {
  const fixture = createFixtureCampaign(db, { accessMode });
  addNestedUnits(fixture.organisationId, fixture.campaignId);
  const coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: fixture.organisationId }),
  );
  const admin = (path: string) => coordinator.request("GET", `/api/admin${path}`).then(json);

  // What the admin screen loads for its preview, and what it makes of it.
  const { campaign } = campaignAnswerSchema.parse(await admin(`/campaigns/${fixture.slug}`));
  const { organisations } = organisationsAnswerSchema.parse(await admin("/organisations"));
  const version = questionnaireVersionSchema.parse(
    await admin(`/questionnaires/${campaign.questionnaire.slug}/versions/1`),
  );
  const organisation = organisations.find((o) => o.id === campaign.organisationId);
  const preview = previewDefinition(version.definition, campaign, organisation);

  // What a respondent's browser gets.
  const form = campaignFormSchema.parse(
    await json(await app.request(`/api/campaigns/${fixture.slug}/form`)),
  );
  return { preview, respondent: form.questionnaire.definition };
}

describe("the admin preview shows what respondents see", () => {
  it("open link: the same questions and unit choices, in the same order and words, per language", async () => {
    const { preview, respondent } = await previewAndForm("open-link");
    expect(preview).toEqual(respondent);
    for (const locale of LOCALES) {
      const seen = whatRespondentsRead(respondent, locale);
      expect(whatRespondentsRead(preview, locale)).toEqual(seen);
      // The comparison is not vacuous: four units, the department under its faculty's name.
      const unitChoices = seen.find((question) => question.name === "unit")?.choices ?? [];
      expect(unitChoices).toHaveLength(4);
    }
    const dutch = whatRespondentsRead(preview, "nl").find((q) => q.name === "unit")?.choices;
    expect(dutch?.map(([, text]) => text)).toEqual([
      "Eenheid A",
      "Eenheid B",
      "Zeta-faculteit",
      "Zeta-faculteit › Alfa-vakgroep",
    ]);
  });

  it("invitation codes: both leave the unit question out", async () => {
    const { preview, respondent } = await previewAndForm("invitation-codes");
    expect(preview).toEqual(respondent);
    for (const locale of LOCALES) {
      const seen = whatRespondentsRead(respondent, locale);
      expect(whatRespondentsRead(preview, locale)).toEqual(seen);
      expect(seen.map((question) => question.name)).not.toContain("unit");
      expect(seen.length).toBeGreaterThan(5);
    }
  });
});
