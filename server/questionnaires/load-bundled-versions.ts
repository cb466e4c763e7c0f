import { loadQuestionnaires } from "../../surveys/load-questionnaires";
import type { BundledVersion } from "./sync-bundled-questionnaires";

/** The questionnaire versions shipped in surveys/, with whether the manifest publishes them. */
export function loadBundledVersions(): BundledVersion[] {
  return loadQuestionnaires();
}
