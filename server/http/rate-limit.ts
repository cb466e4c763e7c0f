import { createHmac, randomBytes } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { problemResponse, statusProblem } from "./problem-response";

export interface RateLimitOptions {
  /** Requests allowed per client address in one window. */
  limit: number;
  windowMs: number;
  /** At most this many addresses are tracked; past it new addresses are not limited. */
  maxClients?: number;
  /** How to tell clients apart; the default is the socket's remote address. */
  clientAddress?: (c: Context) => string | undefined;
  /** Clock in milliseconds, injectable for tests. */
  clock?: () => number;
}

/** The socket's remote address, or undefined where there is no socket (app.request in tests). */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * Fixed-window rate limiting per client address, in memory only. Addresses are kept as keyed
 * hashes under a random per-process key (never raw, never on disk, never logged), and every
 * entry is dropped when its window ends.
 */
export function rateLimit({
  limit,
  windowMs,
  maxClients = 100_000,
  clientAddress = socketAddress,
  clock = Date.now,
}: RateLimitOptions): MiddlewareHandler & { trackedClients: () => number } {
  const key = randomBytes(32);
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = 0;

  const sweep = (now: number) => {
    if (now < nextSweep) return;
    for (const [client, window] of windows) if (window.endsAt <= now) windows.delete(client);
    nextSweep = now + windowMs;
  };

  const middleware: MiddlewareHandler & { trackedClients: () => number } = async (c, next) => {
    const address = clientAddress(c);
    if (address === undefined) return next();
    const now = clock();
    sweep(now);
    const client = createHmac("sha256", key).update(address).digest("base64url");
    let window = windows.get(client);
    if (!window || window.endsAt <= now) {
      // Fail open when full: refusing unknown clients would let one attacker with many
      // addresses lock out everyone else.
      if (!window && windows.size >= maxClients) return next();
      window = { count: 0, endsAt: now + windowMs };
      windows.set(client, window);
    }
    window.count += 1;
    if (window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
      c.header("Retry-After", String(retryAfter));
      return problemResponse(
        c,
        429,
        statusProblem(
          429,
          `Too many requests from this address. Try again in ${retryAfter} seconds.`,
        ),
      );
    }
    return next();
  };
  middleware.trackedClients = () => windows.size;
  return middleware;
}
