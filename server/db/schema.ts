import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  nameNl: text("name_nl").notNull(),
  nameFr: text("name_fr").notNull(),
  nameEn: text("name_en").notNull(),
});

export const UNIT_KINDS = ["faculty", "service", "entity", "department"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const units = sqliteTable(
  "units",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    parentId: text("parent_id"),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    code: text("code").notNull(),
    nameNl: text("name_nl").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (t) => [
    uniqueIndex("units_organisation_code").on(t.organisationId, t.code),
    index("units_parent").on(t.parentId),
  ],
);

export const QUESTIONNAIRE_KINDS = ["diagnosis", "campaign"] as const;

export const questionnaires = sqliteTable("questionnaires", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: QUESTIONNAIRE_KINDS }).notNull(),
});

/** A published version is immutable: its JSON and hash never change (see surveys/manifest.json). */
export const questionnaireVersions = sqliteTable(
  "questionnaire_versions",
  {
    id: text("id").primaryKey(),
    questionnaireId: text("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id),
    number: integer("number").notNull(),
    definition: text("definition").notNull(),
    sha256: text("sha256").notNull(),
    published: integer("published", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("questionnaire_versions_number").on(t.questionnaireId, t.number)],
);

export const campaigns = sqliteTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    questionnaireVersionId: text("questionnaire_version_id")
      .notNull()
      .references(() => questionnaireVersions.id),
    titleNl: text("title_nl").notNull(),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    opensAt: text("opens_at").notNull(),
    closesAt: text("closes_at").notNull(),
    minCellSize: integer("min_cell_size").notNull().default(5),
    /** Comma-separated subset of nl,fr,en in display order. */
    locales: text("locales").notNull().default("nl,fr,en"),
  },
  (t) => [check("campaigns_min_cell_size_floor", sql`${t.minCellSize} >= 3`)],
);

export const campaignUnits = sqliteTable(
  "campaign_units",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

/**
 * An anonymous response: campaign, unit and answers, nothing else. The primary key is random
 * and the table is WITHOUT ROWID (set in the migration), so neither ids nor storage order
 * reveal when or in which order responses arrived.
 */
export const responses = sqliteTable(
  "responses",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    /** SurveyJS data object as JSON, validated against the campaign's questionnaire version. */
    answers: text("answers").notNull(),
  },
  (t) => [index("responses_campaign").on(t.campaignId)],
);

/** Participation per campaign and day; never linked to a response. */
export const participationDaily = sqliteTable(
  "participation_daily",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    day: text("day").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.day] })],
);

/**
 * The latest audited release of a campaign: suppressed aggregates only, safe to publish. It
 * outlives the raw responses (deleted after the retention period) so later waves can compare.
 */
export const releases = sqliteTable("releases", {
  campaignId: text("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  /** ISO time the release was built; only releases carry a time, never responses. */
  builtAt: text("built_at").notNull(),
  /** Respondents counted in the release (may lag the live count by the debounce delay). */
  respondents: integer("respondents").notNull(),
  /** The Release object (analysis/release-types.ts) as JSON. */
  release: text("release").notNull(),
});
