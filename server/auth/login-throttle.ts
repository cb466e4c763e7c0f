import { createHmac } from "node:crypto";
import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { loginThrottle } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { clientNetwork } from "../http/rate-limit";

/** Failed logins counted within this window… */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** …lock an account (guessing one person's password) after this many… */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
/** …or a client network (trying many accounts) after this many… */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
/** …for this long, even for the right password. */
export const LOGIN_LOCK_MS = 15 * 60_000;

export interface ThrottleKeys {
  account: string;
  address?: string;
}

/**
 * The throttle's keys: keyed hashes of the e-mail as typed and of the client network, so the
 * table holds no address or e-mail in clear.
 */
export function throttleKeys(
  secretKey: Uint8Array,
  email: string,
  address: string | undefined,
): ThrottleKeys {
  const key = createHmac("sha256", secretKey).update("login-throttle").digest();
  const mac = (value: string) => createHmac("sha256", key).update(value).digest("hex");
  return {
    account: mac(`account:${email}`),
    ...(address !== undefined ? { address: mac(`address:${clientNetwork(address)}`) } : {}),
  };
}

/** Milliseconds until the later lock ends, or 0 when neither key is locked. */
export function lockRemainingMs(db: Db, keys: ThrottleKeys, now: Date): number {
  let remaining = 0;
  for (const key of [keys.account, keys.address]) {
    if (key === undefined) continue;
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    if (row?.lockedUntil) {
      remaining = Math.max(remaining, new Date(row.lockedUntil).getTime() - now.getTime());
    }
  }
  return remaining;
}

/** Counts a failed login under both keys and locks a key that reaches its limit. */
export function recordLoginFailure(db: Db, keys: ThrottleKeys, now: Date): void {
  withTransaction(db, (tx) => {
    const count = (key: string, max: number) => {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const fresh = !row || new Date(row.windowEndsAt) <= now;
      const failures = fresh ? 1 : row.failures + 1;
      const windowEndsAt = fresh
        ? new Date(now.getTime() + LOGIN_WINDOW_MS).toISOString()
        : row.windowEndsAt;
      const lockedUntil =
        failures >= max ? new Date(now.getTime() + LOGIN_LOCK_MS).toISOString() : null;
      tx.insert(loginThrottle)
        .values({ key, failures, windowEndsAt, lockedUntil })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: { failures, windowEndsAt, lockedUntil },
        })
        .run();
    };
    count(keys.account, LOGIN_MAX_FAILURES_PER_ACCOUNT);
    if (keys.address !== undefined) count(keys.address, LOGIN_MAX_FAILURES_PER_ADDRESS);
  });
}

/** A successful login clears its account's failures (not the address's: one good account must not unlock a guesser). */
export function clearAccountFailures(db: Db, keys: ThrottleKeys): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, keys.account)).run();
}

/** Drops entries whose window and lock have both ended. */
export function sweepLoginThrottle(db: Db, now: Date): void {
  const time = now.toISOString();
  db.delete(loginThrottle)
    .where(
      and(
        lte(loginThrottle.windowEndsAt, time),
        or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, time)),
      ),
    )
    .run();
}
