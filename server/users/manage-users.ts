import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import { admitPasswordCheck, settleCorrectPassword, throttleKeys } from "../auth/login-throttle";
import { hashPassword, verifyPassword } from "../auth/password";
import { refuseLockedAttempt } from "../auth/refuse-locked-attempt";
import {
  createSession,
  deleteUserSessions,
  type SessionUser,
  toSessionUser,
} from "../auth/sessions";
import type { Locale } from "../contract/locales";
import type { StaffUser } from "../contract/staff-schemas";
import type { Db } from "../db/open-database";
import { organisations, type Role, units, users } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { campaignSlugLimitOf, setCampaignLimit } from "./evaluator-campaigns";

export interface UserScopeInput {
  role: Role;
  organisationId: string | null;
  unitId: string | null;
}

/**
 * Checks that a role and its scope fit together: an admin has none, a coordinator an
 * organisation, an evaluator an organisation and optionally one of its units.
 */
export function checkUserScope(db: Db, scope: UserScopeInput): void {
  const fail = (question: string, message: string): never => {
    throw new InvalidInputError("The role and its scope do not fit together.", [
      { question, message },
    ]);
  };
  if (scope.role === "admin") {
    if (scope.organisationId !== null) fail("organisationId", "an admin has no organisation");
    if (scope.unitId !== null) fail("unitId", "an admin has no unit");
    return;
  }
  const organisationId = scope.organisationId ?? fail("organisationId", "required for this role");
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  if (!organisation) fail("organisationId", "unknown organisation");
  if (scope.unitId === null) return;
  if (scope.role === "coordinator") fail("unitId", "a coordinator covers a whole organisation");
  const unit = db
    .select({ organisationId: units.organisationId })
    .from(units)
    .where(eq(units.id, scope.unitId))
    .get();
  if (unit?.organisationId !== scope.organisationId)
    fail("unitId", "not a unit of the organisation");
}

export function listUsers(db: Db): StaffUser[] {
  return db
    .select()
    .from(users)
    .orderBy(users.email)
    .all()
    .map((row) => ({ ...toSessionUser(row), campaigns: campaignSlugLimitOf(db, row.id) }));
}

/** Creates an account; only an argon2id hash of the password is stored. */
export async function createUser({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser | null;
  input: UserScopeInput & {
    email: string;
    password: string;
    locale?: Locale;
    campaigns?: string[];
  };
  now: Date;
}): Promise<StaffUser> {
  const email = input.email.trim().toLowerCase();
  checkUserScope(db, input);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(db, (tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (taken) throw new ConflictError(`There is already an account for ${email}.`, "email-taken");
    const row = {
      id: randomUUID(),
      email,
      passwordHash,
      role: input.role,
      organisationId: input.organisationId,
      unitId: input.unitId,
      locale: input.locale ?? "nl",
    };
    tx.insert(users).values(row).run();
    setCampaignLimit(tx, row, input.campaigns ?? []);
    const campaigns = campaignSlugLimitOf(tx, row.id);
    recordAudit(tx, {
      actor,
      action: "user.create",
      target: email,
      detail: {
        role: row.role,
        organisationId: row.organisationId,
        unitId: row.unitId,
        campaigns,
      },
      organisationId: row.organisationId,
      at: now,
    });
    return { ...toSessionUser(row), campaigns };
  });
}

function adminsOtherThan(db: Db, userId: string): number {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), ne(users.id, userId)))
    .all().length;
}

/** Changes an account's role, scope or password; a new password ends its sessions. */
export async function updateUser({
  db,
  actor,
  userId,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  userId: string;
  input: Partial<UserScopeInput> & { password?: string; campaigns?: string[] };
  now: Date;
}): Promise<StaffUser> {
  const current = db.select().from(users).where(eq(users.id, userId)).get();
  if (!current) throw new NotFoundError("There is no such account.");
  const role = input.role ?? current.role;
  // Changing the role resets the scope fields that were not given.
  const roleChanged = role !== current.role;
  const scope: UserScopeInput = {
    role,
    organisationId:
      input.organisationId !== undefined
        ? input.organisationId
        : roleChanged && role === "admin"
          ? null
          : current.organisationId,
    unitId:
      input.unitId !== undefined
        ? input.unitId
        : roleChanged && role !== "evaluator"
          ? null
          : current.unitId,
  };
  checkUserScope(db, scope);
  if (current.role === "admin" && role !== "admin" && adminsOtherThan(db, userId) === 0) {
    throw new ConflictError("The last admin cannot lose the admin role.", "last-admin");
  }
  const passwordHash =
    input.password !== undefined ? await hashPassword(input.password) : current.passwordHash;
  return withTransaction(db, (tx) => {
    tx.update(users)
      .set({ ...scope, passwordHash })
      .where(eq(users.id, userId))
      .run();
    if (input.password !== undefined) deleteUserSessions(tx, userId);
    // A limit holds for one evaluator in one organisation: another role or organisation drops it.
    const keepsLimit =
      scope.role === "evaluator" && scope.organisationId === current.organisationId;
    setCampaignLimit(
      tx,
      { id: userId, ...scope },
      input.campaigns ?? (keepsLimit ? campaignSlugLimitOf(tx, userId) : []),
    );
    const campaigns = campaignSlugLimitOf(tx, userId);
    recordAudit(tx, {
      actor,
      action: "user.update",
      target: current.email,
      detail: { ...scope, campaigns, passwordChanged: input.password !== undefined },
      organisationId: scope.organisationId ?? current.organisationId,
      at: now,
    });
    return { ...toSessionUser({ ...current, ...scope, passwordHash }), campaigns };
  });
}

/** Deletes an account and its sessions. The audit log keeps its e-mail. */
export function deleteUser({
  db,
  actor,
  userId,
  now,
}: {
  db: Db;
  actor: SessionUser;
  userId: string;
  now: Date;
}): void {
  const current = db.select().from(users).where(eq(users.id, userId)).get();
  if (!current) throw new NotFoundError("There is no such account.");
  if (current.id === actor.id) {
    throw new ConflictError("You cannot delete your own account.", "own-account");
  }
  if (current.role === "admin" && adminsOtherThan(db, userId) === 0) {
    throw new ConflictError("The last admin cannot be deleted.", "last-admin");
  }
  withTransaction(db, (tx) => {
    deleteUserSessions(tx, userId);
    setCampaignLimit(tx, { ...current, role: current.role }, []);
    tx.delete(users).where(eq(users.id, userId)).run();
    recordAudit(tx, {
      actor,
      action: "user.delete",
      target: current.email,
      organisationId: current.organisationId,
      at: now,
    });
  });
}

/**
 * A user changes their own password, proving the current one under the same throttle as
 * sign-in (counted before it is checked; a locked account or network is refused). Every
 * session of the user ends, the one making the change included: it gets a new token, so a
 * token stolen before the change is worthless after it.
 */
export async function changeOwnPassword({
  db,
  user,
  currentPassword,
  newPassword,
  address,
  secretKey,
  now,
}: {
  db: Db;
  user: SessionUser;
  currentPassword: string;
  newPassword: string;
  /** The client's address, when known, for the per-network limit. */
  address: string | undefined;
  secretKey: Uint8Array;
  now: Date;
}): Promise<{ token: string; csrfToken: string }> {
  const keys = throttleKeys(secretKey, user.email, address);
  const locks = admitPasswordCheck(db, keys, now);
  if (locks.length > 0) refuseLockedAttempt(db, { locks, email: user.email, user, at: now });
  const row = db.select().from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    recordAudit(db, { actor: user, action: "password.change-failure", at: now });
    throw new ForbiddenError("The current password is wrong.", "wrong-password");
  }
  const passwordHash = await hashPassword(newPassword);
  return withTransaction(db, (tx) => {
    settleCorrectPassword(tx, keys);
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    deleteUserSessions(tx, user.id);
    const session = createSession(tx, user.id, now);
    recordAudit(tx, { actor: user, action: "password.change", at: now });
    return session;
  });
}
