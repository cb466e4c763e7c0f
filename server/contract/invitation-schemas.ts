import { z } from "zod";
import { LOCALES } from "./locales";
import { MAX_CODES_PER_CALL } from "./staff-limits";

export const MAIL_KINDS = ["invitation", "reminder"] as const;

/** Formats of a campaign's code file. */
export const CODE_FILE_FORMATS = ["xlsx", "csv"] as const;

/**
 * Codes for every unit of a campaign at once: the same number per unit, or each unit topped up
 * to its headcount; answered with the file (once) in the reader's language.
 */
export const campaignCodesRequestSchema = z.strictObject({
  size: z.union([
    z.strictObject({ perUnit: z.number().int().min(1).max(MAX_CODES_PER_CALL) }),
    z.strictObject({ fromHeadcounts: z.literal(true) }),
  ]),
  format: z.enum(CODE_FILE_FORMATS),
  locale: z.enum(LOCALES),
});
export type CampaignCodesRequest = z.infer<typeof campaignCodesRequestSchema>;

/**
 * Upload of an address list and whether to invite or remind: a CSV file's text (`list`), or an
 * Excel workbook's bytes in base64 (`xlsx`).
 */
export const sendInvitationsRequestSchema = z.union([
  z.strictObject({
    kind: z.enum(MAIL_KINDS),
    // The admin body limit (1 MiB) bounds it first; this only keeps the type honest.
    list: z
      .string()
      .min(1)
      .max(1024 * 1024),
  }),
  z.strictObject({
    kind: z.enum(MAIL_KINDS),
    xlsx: z
      .base64()
      .min(1)
      .max(1024 * 1024),
  }),
]);
export type SendInvitationsRequest = z.infer<typeof sendInvitationsRequestSchema>;

/**
 * Progress of one sending, counts only. For reminders only the number of addresses read is
 * shown: how many were reminded would tell whoever uploads a list of one whether that person
 * answered.
 */
export const sendingViewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("invitation"),
    listed: z.number().int(),
    alreadyInvited: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    done: z.boolean(),
  }),
  z.object({ kind: z.literal("reminder"), listed: z.number().int(), done: z.boolean() }),
]);
export type SendingView = z.infer<typeof sendingViewSchema>;

/** The answer to an upload: the sending's counts as it starts (202). */
export const sendingStartedSchema = z.object({ sending: sendingViewSchema });
export type SendingStarted = z.infer<typeof sendingStartedSchema>;

/** What the invitations screen shows: whether mail works, the mail per language, the last sending. */
export const invitationsAnswerSchema = z.object({
  mailConfigured: z.boolean(),
  preview: z.array(
    z.object({
      locale: z.enum(LOCALES),
      invitation: z.object({ subject: z.string(), text: z.string() }),
      reminder: z.object({ subject: z.string(), text: z.string() }),
    }),
  ),
  sending: sendingViewSchema.nullable(),
});
export type InvitationsAnswer = z.infer<typeof invitationsAnswerSchema>;
