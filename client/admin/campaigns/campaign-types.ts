import type { Figure, HiddenReason } from "../../../analysis/release-types";
import type { UnitParticipationView } from "../../../server/campaigns/get-participation";
import type { CampaignView } from "../../../server/campaigns/manage-campaigns";
import type { AccessMode, CampaignStatus } from "../../../server/db/schema";
import type {
  getQuestionnaireVersion,
  listOrganisations,
  listQuestionnaires,
} from "../../../server/reference/list-reference-data";

// Types of the admin API's answers, taken from the server so that the two cannot drift apart.
export type {
  AccessMode,
  CampaignStatus,
  CampaignView,
  Figure,
  HiddenReason,
  UnitParticipationView,
};

export type Organisation = ReturnType<typeof listOrganisations>[number];
export type OrgUnit = Organisation["units"][number];
export type Questionnaire = ReturnType<typeof listQuestionnaires>[number];
export type QuestionnaireVersion = ReturnType<typeof getQuestionnaireVersion>;

export interface Participation {
  builtAt: string;
  units: UnitParticipationView[];
}

/** The smallest k the server accepts (MIN_K in server/campaigns/campaign-input.ts). */
export const MIN_K = 3;
/** Longest retention the server accepts, in days (MAX_RETENTION_DAYS there). */
export const MAX_RETENTION_DAYS = 3650;
/** Most codes the server generates in one call (MAX_CODES_PER_CALL there). */
export const MAX_CODES_PER_CALL = 5000;

/** Who may change campaigns; evaluators only read (the server answers 403 to their writes). */
export function canManage(role: "admin" | "coordinator" | "evaluator"): boolean {
  return role === "admin" || role === "coordinator";
}
