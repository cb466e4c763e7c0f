import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { LOCALES } from "../contract/locales";
import { UNIT_KIND_NAMES } from "../contract/organisation-schemas";
import {
  ACCESS_MODES,
  CAMPAIGN_STATUSES,
  QUESTIONNAIRE_KINDS,
  ROLES,
} from "../contract/vocabulary";

export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  nameNl: text("name_nl").notNull(),
  nameFr: text("name_fr").notNull(),
  nameEn: text("name_en").notNull(),
});

export const UNIT_KINDS = UNIT_KIND_NAMES;
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
    /** Staff headcount from the organisation's own records (unit import), if given. */
    headcount: integer("headcount"),
    /**
     * When an import left the unit out. A unit is never deleted (campaigns and codes refer to
     * it); a retired one is offered to no new campaign.
     */
    retiredAt: text("retired_at"),
  },
  (t) => [
    uniqueIndex("units_organisation_code").on(t.organisationId, t.code),
    index("units_parent").on(t.parentId),
  ],
);

export { QUESTIONNAIRE_KINDS } from "../contract/vocabulary";

export const questionnaires = sqliteTable("questionnaires", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: QUESTIONNAIRE_KINDS }).notNull(),
  /**
   * The organisation that owns an uploaded questionnaire; null for a shared one (bundled in
   * surveys/, or an admin's template), which every organisation may use.
   */
  organisationId: text("organisation_id").references(() => organisations.id),
  /** Shipped in surveys/ and synced at start: a template to copy, never changed through the API. */
  bundled: integer("bundled", { mode: "boolean" }).notNull().default(false),
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
    /** When the version was uploaded (null for bundled versions stored before this column). */
    createdAt: text("created_at"),
    /** When it was published; from then on definition and sha256 never change. */
    publishedAt: text("published_at"),
  },
  (t) => [uniqueIndex("questionnaire_versions_number").on(t.questionnaireId, t.number)],
);

/**
 * Lifecycle of a campaign. The column is the truth; an open campaign whose closing date has
 * passed counts as closed (see server/campaigns/campaign-status.ts) until the maintenance job
 * writes it.
 */
export type { AccessMode, CampaignStatus, Role } from "../contract/vocabulary";

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
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    accessMode: text("access_mode", { enum: ACCESS_MODES }).notNull().default("open-link"),
    /** Days after closing until the raw responses are deleted (the release stays). */
    retentionDays: integer("retention_days").notNull().default(365),
    /** Set when results were first viewed; from then on k may only go up. */
    resultsViewedAt: text("results_viewed_at"),
    /**
     * The k the organisation's answer count was first shown rounded down to a multiple of while
     * open (server/campaigns/get-answer-count.ts); from then on k is fixed.
     */
    answerCountK: integer("answer_count_k"),
    /**
     * Roles besides admins that see interim results while the campaign is open, comma-separated
     * ("coordinator", "evaluator"); empty is phased access: results open at close.
     */
    interimResultRoles: text("interim_result_roles").notNull().default(""),
    /**
     * The thank-you page's word on when and how results are shared, per language, as the
     * coordinator wrote it (plain text); empty is the standard text built from k and the dates.
     */
    thanksNl: text("thanks_nl").notNull().default(""),
    thanksFr: text("thanks_fr").notNull().default(""),
    thanksEn: text("thanks_en").notNull().default(""),
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
 * The unit tree a campaign was opened with: its units in scope and their ancestors, with codes,
 * kinds and names as they were at opening. Results and exports of a campaign past draft read
 * this copy, so renaming or moving units later never rewrites what was already released.
 */
export const campaignUnitTree = sqliteTable(
  "campaign_unit_tree",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    /** The parent at opening (null for a top unit). */
    parentId: text("parent_id"),
    code: text("code").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    nameNl: text("name_nl").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

/**
 * An anonymous response: campaign, unit and answers, nothing else. The primary key is random
 * and the table is WITHOUT ROWID (server/db/without-rowid.ts), so neither ids nor storage order
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

/**
 * The latest audited release of a campaign: suppressed aggregates only, safe to publish. It
 * outlives the raw responses (deleted after the retention period) so later waves can compare.
 */
/**
 * Every release built for a campaign, append-only: what readers were shown stays, so each new
 * release can be audited against all of them (analysis/audit-release-sequence.ts). Raw
 * responses may be deleted after retention; releases never are.
 */
export const releases = sqliteTable(
  "releases",
  {
    /** Build order within the database; releases are staff-side aggregates, not responses. */
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    /** ISO time the release was built; only releases carry a time, never responses. */
    builtAt: text("built_at").notNull(),
    /** Respondents counted in the release (may lag the live count by the debounce delay). */
    respondents: integer("respondents").notNull(),
    /** The Release object (analysis/release-types.ts) as JSON. */
    release: text("release").notNull(),
    /** Passed the sequence audit against every release shown up to `auditedAfter`. */
    servable: integer("servable", { mode: "boolean" }).notNull(),
    /** Id of the newest release already shown when this one was audited; 0 when none was. */
    auditedAfter: integer("audited_after").notNull().default(0),
    /** When a reader first got this release; null while it was never shown. */
    firstServedAt: text("first_served_at"),
  },
  (t) => [index("releases_campaign_id").on(t.campaignId, t.id)],
);

/**
 * Single-use invitation codes, stored only as HMAC-SHA256(secret key, normalised code). No time,
 * counter or response id: redemption flips `used` and nothing else. WITHOUT ROWID
 * (server/db/without-rowid.ts), so storage order follows the hash, not the order of generation
 * or redemption.
 */
export const invitationCodes = sqliteTable(
  "invitation_codes",
  {
    hash: text("hash").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    used: integer("used").notNull().default(0),
  },
  (t) => [
    index("invitation_codes_campaign_unit").on(t.campaignId, t.unitId),
    check("invitation_codes_used_flag", sql`${t.used} in (0, 1)`),
  ],
);

/** Staff accounts. Passwords only as argon2id hashes. */
/**
 * Staff who generated or sent invitation codes for a campaign. Separation of duties: they may
 * not read that campaign's results, since with unused codes (or their own addresses slipped into
 * a list) they could pad a small group with made-up responses and subtract them again. The audit
 * log keeps who did it and when; this table only answers "may this person read these results".
 */
export const codeDistributors = sqliteTable(
  "code_distributors",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] })],
);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** Lower-cased. */
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** Null for admins; the organisation a coordinator or evaluator works for. */
  organisationId: text("organisation_id").references(() => organisations.id),
  /** Set only for an evaluator limited to one unit subtree. */
  unitId: text("unit_id").references(() => units.id),
  locale: text("locale", { enum: LOCALES }).notNull().default("nl"),
});

/**
 * The campaigns an evaluator is limited to. An evaluator without rows here reads every campaign
 * of their organisation (within their unit, if they have one); with rows, only these.
 */
export const evaluatorCampaigns = sqliteTable(
  "evaluator_campaigns",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.campaignId] })],
);

/** Staff sessions: only the SHA-256 of the cookie token is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * Failed staff logins per account and per client network (both as keyed hashes), kept in the
 * database so that a lock survives a restart.
 */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowEndsAt: text("window_ends_at").notNull(),
  lockedUntil: text("locked_until"),
});

/** Administrative actions (never respondent activity): who, what, on what, when. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    /** Null for the server's own jobs (retention, closing by date) and unknown accounts. */
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    /** The organisation concerned, so a coordinator sees the entries of their organisation. */
    organisationId: text("organisation_id"),
    action: text("action").notNull(),
    target: text("target"),
    /** JSON object. */
    detail: text("detail").notNull().default("{}"),
  },
  (t) => [
    index("audit_log_organisation").on(t.organisationId, t.id),
    // The open tally of refused attempts under one key is the newest row of its action and target.
    index("audit_log_action_target").on(t.action, t.target, t.id),
  ],
);

/**
 * A reference date of an organisation's staff headcounts (e.g. 31 December). Re-importing a
 * date replaces its counts. Aggregates only: no table here ever holds a person.
 */
export const headcountDates = sqliteTable(
  "headcount_dates",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** YYYY-MM-DD. */
    referenceDate: text("reference_date").notNull(),
    importedAt: text("imported_at").notNull(),
  },
  (t) => [uniqueIndex("headcount_dates_organisation_date").on(t.organisationId, t.referenceDate)],
);

/**
 * Staff of one unit at one job level at a date, one row of the imported file: its total and its
 * split per category value as JSON, `{"<dimension>": {"<value>": count}}` (gender, foreign
 * origin, disability, organisation-added), dimensions and values in alphabetical order. Every
 * row of a date carries the same dimensions and values (one file). A row, not a row per count:
 * a date at 1,000 units is 5,000 rows instead of 50,000, each with its key in one index.
 */
export const headcountRows = sqliteTable(
  "headcount_rows",
  {
    dateId: text("date_id")
      .notNull()
      .references(() => headcountDates.id, { onDelete: "cascade" }),
    unitId: text("unit_id")
      .notNull()
      .references(() => units.id),
    jobLevel: text("job_level").notNull(),
    total: integer("total").notNull(),
    counts: text("counts").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dateId, t.unitId, t.jobLevel] }),
    check("headcount_rows_total", sql`${t.total} >= 0`),
  ],
);

/**
 * The audited headcount release of an organisation, rebuilt at every import: its JSON with
 * `"dates":[]`, each date's tables in `headcount_release_dates`.
 */
export const headcountReleases = sqliteTable("headcount_releases", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  builtAt: text("built_at").notNull(),
  body: text("body").notNull(),
});

/**
 * One reference date of an organisation's stored headcount release (its JSON, about 2.4 MB at
 * 1,000 units). A row per date: a build writes the dates it protected and leaves the dates kept
 * as shown, so importing next year's file writes that year, not every year again.
 */
export const headcountReleaseDates = sqliteTable(
  "headcount_release_dates",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** YYYY-MM-DD. */
    referenceDate: text("reference_date").notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.referenceDate] })],
);

/**
 * Progress of a campaign's latest invitation or reminder sending, counts only (never an
 * address or a code), so the coordinator's counts survive a restart. Reminders keep only how
 * many addresses were read, as their view shows (how many were reminded would tell who answered).
 */
export const sendingProgress = sqliteTable("sending_progress", {
  campaignId: text("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  kind: text("kind", { enum: ["invitation", "reminder"] }).notNull(),
  listed: integer("listed").notNull(),
  alreadyInvited: integer("already_invited"),
  sent: integer("sent"),
  failed: integer("failed"),
  done: integer("done").notNull().default(0),
});

/**
 * Units of an earlier campaign that a later campaign's units take over (renamed, merged or
 * split between the waves), stored with the later campaign, so a comparison of the two waves
 * follows them. Units not named here match by their code. Ids are those of the campaigns' unit
 * trees (campaign_unit_tree); a merge compares the sum of its earlier units' published figures.
 */
export const campaignUnitMappings = sqliteTable(
  "campaign_unit_mappings",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    earlierCampaignId: text("earlier_campaign_id")
      .notNull()
      .references(() => campaigns.id),
    earlierUnitId: text("earlier_unit_id")
      .notNull()
      .references(() => units.id),
    laterUnitId: text("later_unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [
    primaryKey({
      columns: [t.campaignId, t.earlierCampaignId, t.earlierUnitId, t.laterUnitId],
    }),
  ],
);

/**
 * An organisation's headcount targets (README "Headcounts"), one row per indicator: the share
 * of a category value, at one job level or all (null), to reach. Without rows the Flemish 2020
 * targets apply. Set by admins and the organisation's coordinators, audit-logged.
 */
export const headcountTargets = sqliteTable(
  "headcount_targets",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    indicatorKey: text("indicator_key").notNull(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    jobLevel: text("job_level"),
    /** Target share 0..1; null: the indicator is followed without a target. */
    target: real("target"),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.indicatorKey] }),
    check(
      "headcount_targets_share",
      sql`${t.target} IS NULL OR (${t.target} >= 0 AND ${t.target} <= 1)`,
    ),
  ],
);
