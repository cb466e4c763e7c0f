import { createHmac, randomBytes } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { problemResponse, statusProblem } from "./problem-response";

export interface RateLimitOptions {
  /** Requests allowed per client address in one window. */
  limit: number;
  windowMs: number;
  /** At most this many addresses are tracked; past it new addresses are not limited. */
  maxClients?: number;
  /**
   * How to tell clients apart; the default is the socket's remote address. A request for which
   * it returns undefined is not limited (app.request in tests has no socket).
   */
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
 * The client's address as a reverse proxy in front of Peilpunt forwards it: the last entry of
 * X-Forwarded-For (the one our proxy appended; earlier ones are the client's to forge) or
 * X-Real-IP. Only for a server that nobody can reach but through that proxy.
 */
export function forwardedAddress(
  header: "x-forwarded-for" | "x-real-ip",
): (c: Context) => string | undefined {
  return (c) => {
    const value = c.req.header(header);
    const last = value?.split(",").at(-1)?.trim();
    return last ? last : socketAddress(c);
  };
}

/**
 * The network a client address is counted under: an IPv4 address as is (also when written as
 * IPv4-mapped IPv6), an IPv6 address by its /64 prefix, since one subscriber holds a whole /64
 * and could otherwise take a fresh address per request. Other keys pass unchanged.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  const bare = address.replace(/%.*$/, "");
  if (!isIPv6(bare)) return address;
  // A dotted IPv4 tail (a:b::1.2.3.4) fills the last two groups.
  const hex = bare.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(":"),
  );
  const [head = "", tail = ""] = hex.split("::");
  const left = head ? head.split(":") : [];
  const right = hex.includes("::") && tail ? tail.split(":") : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  const prefix = [...left, ...zeros, ...right]
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
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
    const client = createHmac("sha256", key).update(clientNetwork(address)).digest("base64url");
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
