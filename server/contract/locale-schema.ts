import { z } from "zod";
import { LOCALES } from "./locales";

export const localeSchema = z.enum(LOCALES);

/** A text in nl, fr and en. */
export const localizedSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() });
