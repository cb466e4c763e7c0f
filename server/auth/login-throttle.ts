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
  return Math.max(0, ...lockedKeys(db, keys, now).map((lock) => lock.remainingMs));
}

export interface KeyLock {
  key: string;
  scope: "account" | "network";
  /** When the lock ends (ISO), which also names the lock's window. */
  lockedUntil: string;
  remainingMs: number;
}

/** The keys that are locked now, the account's first. */
export function lockedKeys(db: Db, keys: ThrottleKeys, now: Date): KeyLock[] {
  const locks: KeyLock[] = [];
  for (const [scope, key] of [
    ["account", keys.account],
    ["network", keys.address],
  ] as const) {
    if (key === undefined) continue;
    const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
    if (!row?.lockedUntil) continue;
    const remainingMs = new Date(row.lockedUntil).getTime() - now.getTime();
    if (remainingMs > 0) locks.push({ key, scope, lockedUntil: row.lockedUntil, remainingMs });
  }
  return locks;
}

/**
 * Admits one password check, counting it as a failure under both keys *before* the password is
 * verified, in one synchronous transaction: argon2 is asynchronous, so checking first and
 * counting after the verification let 30 parallel guesses all pass the check. Returns the locks
 * that refuse the attempt (nothing counted then), or an empty list once it is admitted and
 * counted; an admitted attempt that reaches a limit sets the lock for every later one. A
 * correct password then takes its count back (`settleCorrectPassword`).
 */
export function admitPasswordCheck(db: Db, keys: ThrottleKeys, now: Date): KeyLock[] {
  return withTransaction(
    db,
    (tx) => {
      const locks = lockedKeys(tx, keys, now);
      if (locks.length > 0) return locks;
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
      return [];
    },
    { behavior: "immediate" },
  );
}

/**
 * A correct password: clears its account's failures, and takes back the one count it added to
 * its network (not the network's other failures: one good account must not unlock a guesser),
 * lifting the network's lock if that count alone had set it.
 */
export function settleCorrectPassword(db: Db, keys: ThrottleKeys): void {
  withTransaction(db, (tx) => {
    tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.account)).run();
    if (keys.address === undefined) return;
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, keys.address)).get();
    if (!row || row.failures === 0) return;
    const failures = row.failures - 1;
    tx.update(loginThrottle)
      .set({
        failures,
        lockedUntil: failures < LOGIN_MAX_FAILURES_PER_ADDRESS ? null : row.lockedUntil,
      })
      .where(eq(loginThrottle.key, keys.address))
      .run();
  });
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
