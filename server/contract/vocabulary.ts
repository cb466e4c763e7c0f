/** Lifecycle of a campaign (README: "Campaigns"). */
export const CAMPAIGN_STATUSES = ["draft", "open", "closed", "archived"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** How respondents reach a campaign: a link where they pick their unit, or a code per person. */
export const ACCESS_MODES = ["open-link", "invitation-codes"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];
/** Roles a campaign may let see interim results while open (admins always may). */
export const INTERIM_RESULT_ROLES = ["coordinator", "evaluator"] as const;
/** A role besides admins that may see interim results (phased access when none). */
export type InterimRole = (typeof INTERIM_RESULT_ROLES)[number];

/** Staff roles (README: "Staff accounts"). */
export const ROLES = ["admin", "coordinator", "evaluator"] as const;
export type Role = (typeof ROLES)[number];

/** What a questionnaire is for: a diversity diagnosis or the evaluation of a campaign. */
export const QUESTIONNAIRE_KINDS = ["diagnosis", "campaign"] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];
