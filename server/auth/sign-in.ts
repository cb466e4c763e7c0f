import { eq } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { users } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { UnauthorizedError } from "../errors";
import { recordAudit } from "./audit";
import { admitPasswordCheck, settleCorrectPassword, throttleKeys } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { refuseLockedAttempt } from "./refuse-locked-attempt";
import { createSession, type SessionUser, toSessionUser } from "./sessions";

// Verified against when the e-mail is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password. The attempt is counted before the password is checked, and a
 * locked account or client network is refused without checking it, so parallel guesses cannot
 * outrun the lock and a lock holds for its whole window.
 */
export async function signIn({
  db,
  email,
  password,
  address,
  secretKey,
  now,
}: {
  db: Db;
  email: string;
  password: string;
  /** The client's address, when known (absent in app.request tests). */
  address: string | undefined;
  secretKey: Uint8Array;
  now: () => Date;
}): Promise<{ user: SessionUser; token: string; csrfToken: string }> {
  const normalised = email.trim().toLowerCase();
  const keys = throttleKeys(secretKey, normalised, address);
  const user = db.select().from(users).where(eq(users.email, normalised)).get();
  const audit = (tx: Db, action: string, detail: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      actor: user ? { id: user.id, email: user.email, organisationId: user.organisationId } : null,
      action,
      target: normalised,
      detail,
      at: now(),
    });
  const locks = admitPasswordCheck(db, keys, now());
  if (locks.length > 0) {
    refuseLockedAttempt(db, { locks, email: normalised, user: user ?? null, at: now() });
  }
  decoyHash ??= hashPassword("decoy password, never valid");
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) {
    // Already counted by admitPasswordCheck.
    audit(db, "login.failure", { reason: user ? "wrong-password" : "unknown-account" });
    throw new UnauthorizedError("The e-mail address or the password is wrong.");
  }
  const session = withTransaction(db, (tx) => {
    settleCorrectPassword(tx, keys);
    const created = createSession(tx, user.id, now());
    audit(tx, "login.success");
    return created;
  });
  return { user: toSessionUser(user), ...session };
}
