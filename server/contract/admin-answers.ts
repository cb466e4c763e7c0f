import type { z } from "zod";
import { answerCountSchema } from "./answer-count-schema";
import {
  campaignAnswerSchema,
  campaignListAnswerSchema,
  codesAnswerSchema,
} from "./campaign-schemas";
import { comparisonAnswerSchema } from "./comparison-schema";
import { headcountReleaseSchema } from "./headcount-schemas";
import {
  headcountImportAnswerSchema,
  headcountIndicatorsAnswerSchema,
  headcountTargetsAnswerSchema,
} from "./headcount-view-schemas";
import { invitationsAnswerSchema, sendingStartedSchema } from "./invitation-schemas";
import {
  organisationAnswerSchema,
  unitImportAnswerSchema,
  unitTreeAnswerSchema,
} from "./organisation-schemas";
import { participationSchema } from "./participation-schema";
import { uploadedVersionSchema, versionDiffAnswerSchema } from "./questionnaire-schemas";
import {
  organisationsAnswerSchema,
  questionnairesAnswerSchema,
  questionnaireVersionSchema,
} from "./reference-schemas";
import { resultsCommentsSchema, resultsSummarySchema, resultsTableSchema } from "./release-schema";
import { staffCompositionSchema } from "./staff-composition-schema";
import {
  auditPageSchema,
  sessionAnswerSchema,
  userAnswerSchema,
  usersAnswerSchema,
} from "./staff-schemas";
import { unitMappingsAnswerSchema } from "./unit-mapping-schemas";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const SEGMENT = "[^/?]+";

/** The JSON answers of /api/admin (README: "Admin screens and API"): method, path, schema. */
const ADMIN_ANSWERS: readonly [Method[], RegExp, z.ZodType][] = [
  [["GET", "POST"], /^\/session$/, sessionAnswerSchema],
  // A password change ends every session, its own too, and answers with its successor.
  [["POST"], /^\/password$/, sessionAnswerSchema],
  [["GET"], /^\/organisations$/, organisationsAnswerSchema],
  [["POST"], /^\/organisations$/, organisationAnswerSchema],
  [["GET"], new RegExp(`^/organisations/${SEGMENT}/units$`), unitTreeAnswerSchema],
  [
    ["POST"],
    new RegExp(`^/organisations/${SEGMENT}/units(/preview|/import)?$`),
    unitImportAnswerSchema,
  ],
  [["PATCH"], new RegExp(`^/organisations/${SEGMENT}/units/${SEGMENT}$`), unitImportAnswerSchema],
  [["GET"], new RegExp(`^/organisations/${SEGMENT}/headcounts$`), headcountReleaseSchema],
  [
    ["GET"],
    new RegExp(`^/organisations/${SEGMENT}/headcounts/indicators$`),
    headcountIndicatorsAnswerSchema,
  ],
  [
    ["GET", "PUT"],
    new RegExp(`^/organisations/${SEGMENT}/headcounts/targets$`),
    headcountTargetsAnswerSchema,
  ],
  [
    ["POST"],
    new RegExp(`^/organisations/${SEGMENT}/headcounts/\\d{4}-\\d{2}-\\d{2}$`),
    headcountImportAnswerSchema,
  ],
  [["GET"], /^\/questionnaires$/, questionnairesAnswerSchema],
  [
    ["GET", "PATCH"],
    new RegExp(`^/questionnaires/${SEGMENT}/versions/\\d+$`),
    questionnaireVersionSchema,
  ],
  [
    ["POST"],
    new RegExp(`^/questionnaires/${SEGMENT}/versions/\\d+/publish$`),
    questionnaireVersionSchema,
  ],
  [["GET"], new RegExp(`^/questionnaires/${SEGMENT}/versions/\\d+/diff$`), versionDiffAnswerSchema],
  [["POST"], new RegExp(`^/questionnaires(/${SEGMENT}/(copy|versions))?$`), uploadedVersionSchema],
  [["GET"], /^\/campaigns$/, campaignListAnswerSchema],
  [["POST"], /^\/campaigns$/, campaignAnswerSchema],
  [["GET", "PATCH"], new RegExp(`^/campaigns/${SEGMENT}$`), campaignAnswerSchema],
  [["POST"], new RegExp(`^/campaigns/${SEGMENT}/(open|close|archive)$`), campaignAnswerSchema],
  [["POST"], new RegExp(`^/campaigns/${SEGMENT}/codes$`), codesAnswerSchema],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/invitations$`), invitationsAnswerSchema],
  [["POST"], new RegExp(`^/campaigns/${SEGMENT}/invitations$`), sendingStartedSchema],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/participation$`), participationSchema],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/answer-count$`), answerCountSchema],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/results$`), resultsSummarySchema],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/results/tables/${SEGMENT}$`), resultsTableSchema],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/results/comments$`), resultsCommentsSchema],
  [
    ["GET"],
    new RegExp(`^/campaigns/${SEGMENT}/results/staff-composition$`),
    staffCompositionSchema,
  ],
  [["GET"], new RegExp(`^/campaigns/${SEGMENT}/results/comparison$`), comparisonAnswerSchema],
  [["GET", "PUT"], new RegExp(`^/campaigns/${SEGMENT}/unit-mappings$`), unitMappingsAnswerSchema],
  [["GET"], /^\/users$/, usersAnswerSchema],
  [["POST"], /^\/users$/, userAnswerSchema],
  [["PATCH"], new RegExp(`^/users/${SEGMENT}$`), userAnswerSchema],
  [["GET"], /^\/audit-log$/, auditPageSchema],
];

/** The schema of the answer to `method` on an /api/admin `path` (query ignored), if it has one. */
export function adminAnswerSchema(method: Method, path: string): z.ZodType | undefined {
  const route = path.split("?")[0] ?? "";
  return ADMIN_ANSWERS.find(
    ([methods, pattern]) => methods.includes(method) && pattern.test(route),
  )?.[2];
}
