import { eq } from "drizzle-orm";
import type { Db } from "../db/open-database";
import {
  campaigns,
  campaignUnits,
  questionnaires,
  questionnaireVersions,
  units,
} from "../db/schema";
import { CampaignClosedError, CampaignNotOpenError, NotFoundError } from "../errors";
import {
  compileResponseValidator,
  type ResponseValidator,
} from "../responses/compile-response-validator";

export type Locale = "nl" | "fr" | "en";
export type Localized = Record<Locale, string>;

export interface CampaignForRespondent {
  id: string;
  slug: string;
  title: Localized;
  locales: Locale[];
  minCellSize: number;
  opensAt: string;
  closesAt: string;
  questionnaire: { slug: string; version: number; sha256: string; definition: unknown };
  validator: ResponseValidator;
  units: { id: string; parentId: string | null; name: Localized }[];
}

interface CompiledVersion {
  definition: unknown;
  validator: ResponseValidator;
}

// Published questionnaire versions never change, so their parsed JSON and compiled validator
// are kept for the life of the process.
const compiledVersions = new Map<string, CompiledVersion>();

function compiledVersion(id: string, definitionJson: string): CompiledVersion {
  let compiled = compiledVersions.get(id);
  if (!compiled) {
    const definition = JSON.parse(definitionJson) as unknown;
    compiled = { definition, validator: compileResponseValidator(definition) };
    compiledVersions.set(id, compiled);
  }
  return compiled;
}

/** Loads a campaign by slug with its questionnaire version and units in scope, or throws 404. */
export function loadCampaign(db: Db, slug: string): CampaignForRespondent {
  const row = db
    .select({
      campaign: campaigns,
      version: questionnaireVersions,
      questionnaireSlug: questionnaires.slug,
    })
    .from(campaigns)
    .innerJoin(
      questionnaireVersions,
      eq(questionnaireVersions.id, campaigns.questionnaireVersionId),
    )
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(eq(campaigns.slug, slug))
    .get();
  if (!row) throw new NotFoundError(`There is no survey with the address "${slug}".`);
  const { campaign, version } = row;
  const compiled = compiledVersion(version.id, version.definition);
  const scope = db
    .select({
      id: units.id,
      parentId: units.parentId,
      nameNl: units.nameNl,
      nameFr: units.nameFr,
      nameEn: units.nameEn,
    })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(eq(campaignUnits.campaignId, campaign.id))
    .all();
  return {
    id: campaign.id,
    slug: campaign.slug,
    title: { nl: campaign.titleNl, fr: campaign.titleFr, en: campaign.titleEn },
    locales: campaign.locales.split(",") as Locale[],
    minCellSize: campaign.minCellSize,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    questionnaire: {
      slug: row.questionnaireSlug,
      version: version.number,
      sha256: version.sha256,
      definition: compiled.definition,
    },
    validator: compiled.validator,
    units: scope.map((u) => ({
      id: u.id,
      parentId: u.parentId,
      name: { nl: u.nameNl, fr: u.nameFr, en: u.nameEn },
    })),
  };
}

/** Throws 403 before the campaign opens and 410 once it has closed. */
export function assertCampaignOpen(campaign: CampaignForRespondent, now: Date): void {
  if (now < new Date(campaign.opensAt)) throw new CampaignNotOpenError(campaign.opensAt);
  if (now >= new Date(campaign.closesAt)) throw new CampaignClosedError(campaign.closesAt);
}
