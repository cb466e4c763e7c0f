// Types of the questionnaire answers, from the contract the server answers through.
export type { VersionDiffAnswer } from "../../../server/contract/questionnaire-schemas";
export type {
  Organisation,
  Questionnaire,
  QuestionnaireVersion,
  QuestionnaireVersionSummary,
} from "../../../server/contract/reference-schemas";

/** Who may upload and change questionnaires; evaluators only read published ones. */
export function canEditQuestionnaires(role: "admin" | "coordinator" | "evaluator"): boolean {
  return role === "admin" || role === "coordinator";
}

/** The admin path of a questionnaire version's page. */
export function versionPath(slug: string, number: number): string {
  return `/admin/questionnaires/${encodeURIComponent(slug)}/versions/${number}`;
}
