import { z } from "zod";
import { localeSchema } from "./locale-schema";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./staff-limits";
import { ROLES } from "./vocabulary";

/** A staff account as the admin API shows it (never its password hash). */
export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  unitId: z.string().nullable(),
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** POST and GET /session: who is signed in, and the CSRF token of the session. */
export const sessionAnswerSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

/**
 * An account as the users screen shows it: with the campaigns (slugs) an evaluator is limited
 * to (empty: every campaign of their organisation, within their unit).
 */
export const staffUserSchema = sessionUserSchema.extend({ campaigns: z.array(z.string()) });
export type StaffUser = z.infer<typeof staffUserSchema>;

/** GET /users. */
export const usersAnswerSchema = z.object({ users: z.array(staffUserSchema) });
export type UsersAnswer = z.infer<typeof usersAnswerSchema>;
/** POST and PATCH /users. */
export const userAnswerSchema = z.object({ user: staffUserSchema });
export type UserAnswer = z.infer<typeof userAnswerSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** GET /audit-log: newest first. */
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema) });
export type AuditPage = z.infer<typeof auditPageSchema>;

const email = z.string().trim().max(254).pipe(z.email());
const id = z.string().min(1).max(100);

export const signInSchema = z.strictObject({
  email,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: newPasswordSchema,
});

export const userCreateSchema = z.strictObject({
  email,
  role: z.enum(ROLES),
  organisationId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  /** Evaluators only: limited to these campaigns (slugs) of their organisation; empty for all. */
  campaigns: z.array(id).max(1000).default([]),
  password: newPasswordSchema,
  locale: localeSchema.optional(),
});

export const userUpdateSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  organisationId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  campaigns: z.array(id).max(1000).optional(),
  password: newPasswordSchema.optional(),
});
