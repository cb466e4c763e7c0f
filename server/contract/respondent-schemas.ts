import { z } from "zod";
import { localeSchema, localizedSchema } from "./locale-schema";
import { ACCESS_MODES } from "./vocabulary";

/** GET /api/campaigns/<slug>/form: the campaign and the questionnaire as its respondents get it. */
export const campaignFormSchema = z.object({
  campaign: z.object({
    slug: z.string(),
    title: localizedSchema,
    locales: z.array(localeSchema),
    minCellSize: z.number().int(),
    opensAt: z.string(),
    closesAt: z.string(),
    /** With invitation codes the respondent enters a code first; its unit is the response's. */
    accessMode: z.enum(ACCESS_MODES),
    /** The coordinator's thank-you text per language (plain text); "" is the standard text. */
    thanksText: localizedSchema,
  }),
  questionnaire: z.object({
    slug: z.string(),
    version: z.number().int(),
    sha256: z.string(),
    /** SurveyJS JSON (surveys/respondent-definition.ts made it from the version). */
    definition: z.unknown(),
  }),
});
export type CampaignForm = z.infer<typeof campaignFormSchema>;

// A plain check rather than z.record: the answers reach the validator untouched, so keys such
// as "__proto__" are reported as unknown questions instead of silently dropped.
const answersObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  { message: "answers must be an object" },
);

/** POST /api/campaigns/<slug>/responses. */
export const submissionSchema = z.strictObject({
  answers: answersObject,
  /** Invitation code, in invitation-codes mode; ignored (never stored) in open-link mode. */
  code: z.string().max(64).optional(),
});

/** POST /api/campaigns/<slug>/code-check. */
export const codeCheckSchema = z.strictObject({ code: z.string().max(64) });
