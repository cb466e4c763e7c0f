import { eq, sql } from "drizzle-orm";
import { effectiveStatus } from "../campaigns/campaign-status";
import type { Locale } from "../contract/locales";
import type { Db } from "../db/open-database";
import { perDatabase } from "../db/per-database";
import {
  type AccessMode,
  type CampaignStatus,
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

export type { Locale };
export type Localized = Record<Locale, string>;

export interface CampaignForRespondent {
  id: string;
  slug: string;
  title: Localized;
  locales: Locale[];
  minCellSize: number;
  opensAt: string;
  closesAt: string;
  status: CampaignStatus;
  accessMode: AccessMode;
  /** The coordinator's thank-you text per language; "" is the standard text. */
  thanksText: Localized;
  questionnaire: { slug: string; version: number; sha256: string; definition: unknown };
  validator: ResponseValidator;
}

export interface UnitInScope {
  id: string;
  parentId: string | null;
  name: Localized;
}

interface CompiledVersion {
  definition: unknown;
  validator: ResponseValidator;
}

// A version's JSON is fixed for a given hash, so its parsed form and compiled validator are
// kept for the life of the process, keyed by the hash.
const compiledVersions = new Map<string, CompiledVersion>();

function compiledVersion(db: Db, versionId: string, sha256: string): CompiledVersion {
  let compiled = compiledVersions.get(sha256);
  if (!compiled) {
    const row = queriesFor(db).definition.get({ versionId });
    if (!row) throw new Error(`Questionnaire version ${versionId} vanished`);
    const definition = JSON.parse(row.definition) as unknown;
    compiled = { definition, validator: compileResponseValidator(definition) };
    compiledVersions.set(sha256, compiled);
  }
  return compiled;
}

function prepareQueries(db: Db) {
  return {
    // The definition is left out here: it is large and only read once per version (above).
    campaign: db
      .select({
        campaign: campaigns,
        versionId: questionnaireVersions.id,
        versionNumber: questionnaireVersions.number,
        sha256: questionnaireVersions.sha256,
        questionnaireSlug: questionnaires.slug,
      })
      .from(campaigns)
      .innerJoin(
        questionnaireVersions,
        eq(questionnaireVersions.id, campaigns.questionnaireVersionId),
      )
      .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
      .where(eq(campaigns.slug, sql.placeholder("slug")))
      .prepare(),
    definition: db
      .select({ definition: questionnaireVersions.definition })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.id, sql.placeholder("versionId")))
      .prepare(),
    scope: db
      .select({
        id: units.id,
        parentId: units.parentId,
        nameNl: units.nameNl,
        nameFr: units.nameFr,
        nameEn: units.nameEn,
      })
      .from(campaignUnits)
      .innerJoin(units, eq(units.id, campaignUnits.unitId))
      .where(eq(campaignUnits.campaignId, sql.placeholder("campaignId")))
      .prepare(),
    scopeIds: db
      .select({ id: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, sql.placeholder("campaignId")))
      .prepare(),
  };
}

const queriesFor = perDatabase(prepareQueries);

/** Loads a campaign by slug with its questionnaire version and validator, or throws 404. */
export function loadCampaign(db: Db, slug: string): CampaignForRespondent {
  const queries = queriesFor(db);
  const row = queries.campaign.get({ slug });
  if (!row) throw new NotFoundError(`There is no survey with the address "${slug}".`);
  const { campaign } = row;
  const compiled = compiledVersion(db, row.versionId, row.sha256);
  return {
    id: campaign.id,
    slug: campaign.slug,
    title: { nl: campaign.titleNl, fr: campaign.titleFr, en: campaign.titleEn },
    locales: campaign.locales.split(",") as Locale[],
    minCellSize: campaign.minCellSize,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    status: campaign.status,
    accessMode: campaign.accessMode,
    thanksText: { nl: campaign.thanksNl, fr: campaign.thanksFr, en: campaign.thanksEn },
    questionnaire: {
      slug: row.questionnaireSlug,
      version: row.versionNumber,
      sha256: row.sha256,
      definition: compiled.definition,
    },
    validator: compiled.validator,
  };
}

/** The units a campaign covers, with their names. */
export function unitsInScope(db: Db, campaignId: string): UnitInScope[] {
  return queriesFor(db)
    .scope.all({ campaignId })
    .map((u) => ({
      id: u.id,
      parentId: u.parentId,
      name: { nl: u.nameNl, fr: u.nameFr, en: u.nameEn },
    }));
}

/** The ids of the units a campaign covers: all a submission needs to check its unit. */
export function unitIdsInScope(db: Db, campaignId: string): Set<string> {
  return new Set(
    queriesFor(db)
      .scopeIds.all({ campaignId })
      .map((u) => u.id),
  );
}

/**
 * Throws 404 for a draft (not public yet), 403 before an open campaign's opening date, and 410
 * once it is closed by button or by its closing date (see effectiveStatus) or archived.
 */
export function assertCampaignOpen(campaign: CampaignForRespondent, now: Date): void {
  const status = effectiveStatus(campaign, now);
  if (status === "draft") {
    throw new NotFoundError(`There is no survey with the address "${campaign.slug}".`);
  }
  if (status !== "open") throw new CampaignClosedError(campaign.closesAt);
  if (now < new Date(campaign.opensAt)) throw new CampaignNotOpenError(campaign.opensAt);
}
