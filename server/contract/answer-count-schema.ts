import { z } from "zod";

/**
 * GET /campaigns/<slug>/answer-count: an open campaign's answers so far, rounded down to a
 * multiple of k (server/campaigns/get-answer-count.ts). Strict: nothing else leaves with it.
 */
export const answerCountSchema = z.strictObject({
  /** The organisation's count rounded down to a multiple of `k`: at least this many answered. */
  atLeast: z.number().int().nonnegative(),
  k: z.number().int().positive(),
  /** Invitation codes issued for the campaign (invitation-codes mode only). */
  issued: z.number().int().nonnegative().optional(),
});
export type AnswerCount = z.infer<typeof answerCountSchema>;
