import { z } from "zod";
import { ACCESS_MODES } from "../db/schema";

import { MAX_CODES_PER_CALL, MAX_RETENTION_DAYS, MIN_K } from "../staff-limits";

export { MAX_CODES_PER_CALL, MAX_RETENTION_DAYS, MIN_K };

const LOCALES = ["nl", "fr", "en"] as const;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "lower-case letters, digits and hyphens");

const isoDate = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

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
});

export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** PATCH: any subset of the fields above. */
export const campaignPatchSchema = campaignInputSchema.partial();
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;

export const codesRequestSchema = z.strictObject({
  unitId: z.string().min(1).max(100),
  count: z.number().int().min(1).max(MAX_CODES_PER_CALL),
});
