import { z } from "zod";
import { slugSchema } from "./campaign-schemas";
import { localizedSchema } from "./locale-schema";

/** Most pairs one mapping may hold (a unit tree is at most a few thousand units). */
export const MAX_UNIT_MAPPING_PAIRS = 20_000;

/** An earlier campaign's unit taken over (wholly or in part) by a later campaign's unit. */
export const unitMappingPairSchema = z.strictObject({
  earlier: z.string().min(1).max(100),
  later: z.string().min(1).max(100),
});
export type UnitMappingPair = z.infer<typeof unitMappingPairSchema>;

/** PUT …/campaigns/<later>/unit-mappings: every pair from one earlier campaign (replaces). */
export const unitMappingsRequestSchema = z.strictObject({
  from: slugSchema,
  pairs: z.array(unitMappingPairSchema).max(MAX_UNIT_MAPPING_PAIRS),
});
export type UnitMappingsRequest = z.infer<typeof unitMappingsRequestSchema>;

const mappedUnitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: localizedSchema,
});
export type MappedUnit = z.infer<typeof mappedUnitSchema>;

export const UNIT_CHANGES = ["unchanged", "renamed", "merged", "split", "new"] as const;

/** GET/PUT …/campaigns/<later>/unit-mappings?from=<earlier>: both trees, the pairs, the outcome. */
export const unitMappingsAnswerSchema = z.object({
  campaign: z.string(),
  from: z.string(),
  earlierUnits: z.array(mappedUnitSchema),
  laterUnits: z.array(mappedUnitSchema),
  pairs: z.array(unitMappingPairSchema),
  /** Per unit of the later campaign: what it is compared with, and whether it is the same people. */
  outcome: z.array(
    z.object({
      later: z.string(),
      earlier: z.array(z.string()),
      change: z.enum(UNIT_CHANGES),
      same: z.boolean(),
    }),
  ),
});
export type UnitMappingsAnswer = z.infer<typeof unitMappingsAnswerSchema>;
