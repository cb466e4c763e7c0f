import { eq } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { users } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ProblemError, UnauthorizedError } from "../errors";
import { recordAudit } from "./audit";
import {
  clearAccountFailures,
  lockRemainingMs,
  recordLoginFailure,
  throttleKeys,
} from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { createSession, type SessionUser, toSessionUser } from "./sessions";

export class LoginLockedError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "login-locked",
      "Too many failed sign-ins",
      `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfter: retryAfterSeconds },
    );
  }
}

// Verified against when the e-mail is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password. A locked account or client network is refused before the
 * password is even checked, so a lock holds for its whole window.
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
  const locked = lockRemainingMs(db, keys, now());
  if (locked > 0) {
    audit(db, "login.failure", { reason: "locked" });
    throw new LoginLockedError(Math.ceil(locked / 1000));
  }
  decoyHash ??= hashPassword("decoy password, never valid");
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) {
    withTransaction(db, (tx) => {
      recordLoginFailure(tx, keys, now());
      audit(tx, "login.failure", { reason: user ? "wrong-password" : "unknown-account" });
    });
    throw new UnauthorizedError("The e-mail address or the password is wrong.");
  }
  const session = withTransaction(db, (tx) => {
    clearAccountFailures(tx, keys);
    const created = createSession(tx, user.id, now());
    audit(tx, "login.success");
    return created;
  });
  return { user: toSessionUser(user), ...session };
}
