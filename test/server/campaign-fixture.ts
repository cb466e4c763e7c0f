import { randomUUID } from "node:crypto";
import type { Db, DbConnection } from "../../server/db/open-database";
import {
  type AccessMode,
  type CampaignStatus,
  campaigns,
  campaignUnits,
  organisations,
  questionnaires,
  questionnaireVersions,
  units,
} from "../../server/db/schema";
import { codeHash, generateCode } from "../../server/invitations/invitation-code";
import { inProcessBuilder } from "../../server/results/release-builders";
import { createReleaseScheduler } from "../../server/results/release-scheduler";

const localized = (en: string) => ({ en, nl: `${en} (nl)`, fr: `${en} (fr)` });

/** A small questionnaire exercising every validation rule the server applies. */
export const FIXTURE_QUESTIONNAIRE = {
  pages: [
    {
      name: "about",
      elements: [
        {
          type: "dropdown",
          name: "unit",
          unitPicker: true,
          isRequired: true,
          title: localized("Unit"),
        },
        {
          type: "radiogroup",
          name: "gender",
          breakdown: true,
          title: localized("Gender"),
          choices: ["woman", "man", "another", "prefer_not_to_say"],
        },
        {
          type: "radiogroup",
          name: "excluded",
          isRequired: true,
          title: localized("Excluded?"),
          choices: ["yes", "no"],
        },
        {
          type: "checkbox",
          name: "grounds",
          isRequired: true,
          visibleIf: "{excluded} = 'yes'",
          title: localized("Grounds"),
          choices: ["gender", "origin", "disability"],
        },
      ],
    },
    {
      name: "climate",
      elements: [
        {
          type: "rating",
          name: "satisfaction",
          title: localized("Satisfaction"),
          rateMin: 1,
          rateMax: 5,
        },
        {
          type: "matrix",
          name: "climate",
          title: localized("Climate"),
          rows: ["respected", "heard"],
          columns: [1, 2, 3, 4, 5],
        },
        { type: "boolean", name: "knows_trust_person", title: localized("Knows the trust person") },
        { type: "html", name: "note", html: localized("<p>Thank you</p>") },
        { type: "comment", name: "comment", title: localized("Comment"), maxLength: 50 },
      ],
    },
  ],
};

export interface FixtureCampaign {
  slug: string;
  campaignId: string;
  organisationId: string;
  questionnaireSlug: string;
  inScope: string[];
  outOfScope: string;
}

/** Inserts an organisation with three units (two in scope) and a campaign on the fixture. */
export function createFixtureCampaign(
  db: Db,
  {
    opensAt = "2000-01-01T00:00:00.000Z",
    closesAt = "2999-01-01T00:00:00.000Z",
    definition = FIXTURE_QUESTIONNAIRE as unknown,
    status = "open",
    accessMode = "open-link",
    interimResultRoles = "coordinator,evaluator",
  }: {
    opensAt?: string;
    closesAt?: string;
    definition?: unknown;
    status?: CampaignStatus;
    accessMode?: AccessMode;
    /**
     * Live interim results for these roles. The fixture opts in (most tests read results of an
     * open campaign); the product default is "" (phased: results at close), tested apart.
     */
    interimResultRoles?: string;
  } = {},
): FixtureCampaign {
  const organisationId = randomUUID();
  db.insert(organisations)
    .values({
      id: organisationId,
      slug: `org-${organisationId}`,
      nameNl: "Org",
      nameFr: "Org",
      nameEn: "Org",
    })
    .run();
  const unitIds = ["A", "B", "C"].map((code) => {
    const id = randomUUID();
    db.insert(units)
      .values({
        id,
        organisationId,
        parentId: null,
        kind: "entity",
        code,
        nameNl: `Eenheid ${code}`,
        nameFr: `Unité ${code}`,
        nameEn: `Unit ${code}`,
      })
      .run();
    return id;
  });
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
      definition: JSON.stringify(definition),
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
      opensAt,
      closesAt,
      status,
      accessMode,
      interimResultRoles,
    })
    .run();
  const inScope = unitIds.slice(0, 2);
  for (const unitId of inScope) db.insert(campaignUnits).values({ campaignId, unitId }).run();
  return {
    slug,
    campaignId,
    organisationId,
    questionnaireSlug: `q-${questionnaireId}`,
    inScope,
    outOfScope: unitIds[2] as string,
  };
}

/**
 * Closes a fixture campaign now, as its closing date passing would: a release built from then on
 * is the release at close, with the breakdowns (while open, releases show the organisation only).
 */
export function closeFixtureCampaign(db: DbConnection, campaignId: string, now = new Date()): void {
  db.$client
    .prepare("UPDATE campaigns SET status = 'closed', closes_at = ? WHERE id = ?")
    .run(now.toISOString(), campaignId);
}

/** Builds a campaign's release now, as the server's scheduler would after submissions. */
export async function buildReleaseNow(db: DbConnection, campaignId: string): Promise<void> {
  const scheduler = createReleaseScheduler({ db, builder: inProcessBuilder(db), debounceMs: 0 });
  await scheduler.rebuild(campaignId);
  await scheduler.close();
}

/**
 * An unused invitation code of `unitId`, stored as Peilpunt stores one (its keyed hash), for a
 * test respondent to answer with: open links publish the organisation as a whole only, so
 * tests of breakdowns answer with codes.
 */
export function issueFixtureCode(
  db: DbConnection,
  secretKey: Uint8Array,
  campaignId: string,
  unitId: string,
): string {
  const code = generateCode();
  db.$client
    .prepare("INSERT INTO invitation_codes (hash, campaign_id, unit_id, used) VALUES (?, ?, ?, 0)")
    .run(codeHash(secretKey, code), campaignId, unitId);
  return code;
}
