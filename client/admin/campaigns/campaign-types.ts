// Types of the admin API's answers, from the contract the server answers through.
export type { CampaignView } from "../../../server/contract/campaign-schemas";
export type {
  Participation,
  UnitParticipation,
} from "../../../server/contract/participation-schema";
export type {
  Organisation,
  OrgUnit,
  Questionnaire,
  QuestionnaireVersion,
} from "../../../server/contract/reference-schemas";
export type { Figure, HiddenReason } from "../../../server/contract/release-schema";
export {
  MAX_CODES_PER_CALL,
  MAX_RETENTION_DAYS,
  MIN_K,
} from "../../../server/contract/staff-limits";
export type {
  AccessMode,
  CampaignStatus,
  InterimRole,
} from "../../../server/contract/vocabulary";

/** Who may change campaigns; evaluators only read (the server answers 403 to their writes). */
export function canManage(role: "admin" | "coordinator" | "evaluator"): boolean {
  return role === "admin" || role === "coordinator";
}
