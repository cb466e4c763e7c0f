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

export { MAX_CODES_PER_CALL, MAX_RETENTION_DAYS, MIN_K } from "../../../server/staff-limits";

/** Who may change campaigns; evaluators only read (the server answers 403 to their writes). */
export function canManage(role: "admin" | "coordinator" | "evaluator"): boolean {
  return role === "admin" || role === "coordinator";
}
