import { z } from "zod";
import { localizedSchema } from "./locale-schema";
import { LOCALES } from "./locales";
import { SLUG_PATTERN } from "./slug-pattern";
import {
  MAX_CODES_PER_CALL,
  MAX_RETENTION_DAYS,
  MAX_THANKS_TEXT_LENGTH,
  MIN_K,
} from "./staff-limits";
import { ACCESS_MODES, CAMPAIGN_STATUSES, INTERIM_RESULT_ROLES } from "./vocabulary";

/** A campaign's address (`/s/<slug>`), for the admin API and the respondent API alike. */
export const slugSchema = z.string().regex(SLUG_PATTERN, "lower-case letters, digits and hyphens");

const isoDate = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

// Any control character but the line feed; carriage returns are turned into line feeds first.
const CONTROL_CHARACTERS = /(?!\n)\p{Cc}/u;

/**
 * Plain text a coordinator writes for respondents: line breaks kept (the page shows them),
 * other control characters refused, NFC, trimmed; empty means "the standard text". The page
 * renders it as text, never as HTML, so markup shows as typed.
 */
const thanksTextSchema = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, "\n").normalize("NFC").trim())
  .pipe(
    z
      .string()
      .max(MAX_THANKS_TEXT_LENGTH)
      .refine((text) => !CONTROL_CHARACTERS.test(text), "control characters are not allowed"),
  );

/** A new campaign, as POST /api/admin/campaigns takes it. */
export const campaignInputSchema = z.strictObject({
  slug: slugSchema,
  organisationId: z.string().min(1).max(100),
  title: z.strictObject({
    nl: z.string().trim().min(1).max(200),
    fr: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  }),
  questionnaire: z.strictObject({
    slug: z.string().min(1).max(100),
    version: z.number().int().min(1),
  }),
  unitIds: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(10_000)
    .refine((ids) => new Set(ids).size === ids.length, "duplicate units"),
  locales: z
    .array(z.enum(LOCALES))
    .min(1)
    .refine((list) => new Set(list).size === list.length, "duplicate locales"),
  k: z.number().int().min(MIN_K).max(1000),
  opensAt: isoDate,
  closesAt: isoDate,
  accessMode: z.enum(ACCESS_MODES),
  retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
  /**
   * Roles besides admins that see interim results while the campaign is open ("live"); none
   * (the default) is phased access: results open at close. Interim releases obey the sequence
   * audit either way.
   */
  interimResultRoles: z
    .array(z.enum(INTERIM_RESULT_ROLES))
    .refine((list) => new Set(list).size === list.length, "duplicate roles")
    .optional(),
  /**
   * What the thank-you page says about when and how results are shared, per language; an empty
   * text (the default) shows the standard one, built from the closing date and k.
   */
  thanksText: z
    .strictObject({ nl: thanksTextSchema, fr: thanksTextSchema, en: thanksTextSchema })
    .optional(),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** PATCH: any subset of the fields above. */
export const campaignPatchSchema = campaignInputSchema.partial();
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;

export const codesRequestSchema = z.strictObject({
  unitId: z.string().min(1).max(100),
  count: z.number().int().min(1).max(MAX_CODES_PER_CALL),
});

/** A campaign as the admin API shows it (README: "Admin screens and API"). */
export const campaignViewSchema = z.object({
  slug: z.string(),
  organisationId: z.string(),
  /** For links into the organisation's pages (its diagnosis per unit). */
  organisationSlug: z.string(),
  title: localizedSchema,
  status: z.enum(CAMPAIGN_STATUSES),
  questionnaire: z.object({ slug: z.string(), version: z.number().int() }),
  unitIds: z.array(z.string()),
  locales: z.array(z.enum(LOCALES)),
  k: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  accessMode: z.enum(ACCESS_MODES),
  retentionDays: z.number().int(),
  /** Roles besides admins that see interim results while open; [] is phased access. */
  interimResultRoles: z.array(z.enum(INTERIM_RESULT_ROLES)),
  /** The thank-you text per language; "" is the standard text. */
  thanksText: localizedSchema,
  responsesDeleteAt: z.string().nullable(),
  resultsViewed: z.boolean(),
  /** The answer count was shown rounded to multiples of k while open: k is fixed. */
  answerCountShown: z.boolean(),
  respondentUrl: z.string(),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

/** GET /campaigns. */
export const campaignListAnswerSchema = z.object({ campaigns: z.array(campaignViewSchema) });
export type CampaignListAnswer = z.infer<typeof campaignListAnswerSchema>;
/** GET, POST and PATCH of one campaign, and its lifecycle steps. */
export const campaignAnswerSchema = z.object({ campaign: campaignViewSchema });
export type CampaignAnswer = z.infer<typeof campaignAnswerSchema>;
/** POST /campaigns/<slug>/codes: the codes, shown once. */
export const codesAnswerSchema = z.object({ unitId: z.string(), codes: z.array(z.string()) });
export type CodesAnswer = z.infer<typeof codesAnswerSchema>;
