import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../contract/staff-schemas";
import type { Db } from "../db/open-database";
import { sessions, users } from "../db/schema";

/** A session ends after this long without a request (a staff member left their desk). */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** and in any case this long after signing in. */
export const SESSION_ABSOLUTE_MS = 24 * 3_600_000;
/** last_seen_at is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export type { SessionUser };

export interface LoadedSession {
  tokenHash: string;
  csrfToken: string;
  user: SessionUser;
}

/** What the database stores for a session token: its SHA-256, so a copy of the database cannot sign in. */
export function sessionTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session: returns the cookie token (never stored) and the CSRF token. */
export function createSession(db: Db, userId: string, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  db.insert(sessions)
    .values({
      tokenHash: sessionTokenHash(token),
      userId,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
    })
    .run();
  return { token, csrfToken };
}

/** The session of a cookie token and its user, or undefined (and deleted) once expired. */
export function loadSession(db: Db, token: string, now: Date): LoadedSession | undefined {
  const tokenHash = sessionTokenHash(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  if (!row) return undefined;
  const created = new Date(row.session.createdAt).getTime();
  const lastSeen = new Date(row.session.lastSeenAt).getTime();
  const time = now.getTime();
  if (time - created >= SESSION_ABSOLUTE_MS || time - lastSeen >= SESSION_IDLE_MS) {
    db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    return undefined;
  }
  if (time - lastSeen >= TOUCH_INTERVAL_MS) {
    db.update(sessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(eq(sessions.tokenHash, tokenHash))
      .run();
  }
  return { tokenHash, csrfToken: row.session.csrfToken, user: toSessionUser(row.user) };
}

export function toSessionUser(user: typeof users.$inferSelect): SessionUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    unitId: user.unitId,
    locale: user.locale,
  };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

/** Ends every session of a user (password changed, account deleted). */
export function deleteUserSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Compares two tokens in constant time. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
