import type { Db } from "../db/open-database";
import { ProblemError } from "../errors";
import { tallyRefusedAttempt } from "./audit";
import type { KeyLock } from "./login-throttle";

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

/**
 * Refuses a sign-in or password check whose account or network is locked: tallies it on the
 * lock's one audit row (no row per request, so a flood cannot grow the log) and throws
 * LoginLockedError. The account's lock is named by its e-mail (at most 254 characters, checked
 * by the schema); a network's by a short prefix of its keyed hash, never its address.
 */
export function refuseLockedAttempt(
  db: Db,
  {
    locks,
    email,
    user,
    at,
  }: {
    locks: KeyLock[];
    email: string;
    user: { id: string; email: string; organisationId: string | null } | null;
    at: Date;
  },
): never {
  const [lock] = locks;
  if (lock) {
    const account = lock.scope === "account";
    tallyRefusedAttempt(db, {
      actor: account && user ? user : null,
      organisationId: account ? (user?.organisationId ?? null) : null,
      action: "login.refused",
      target: account ? email : `network ${lock.key.slice(0, 12)}`,
      scope: lock.scope,
      lockedUntil: lock.lockedUntil,
      at,
    });
  }
  const remainingMs = Math.max(0, ...locks.map((l) => l.remainingMs));
  throw new LoginLockedError(Math.ceil(remainingMs / 1000));
}
