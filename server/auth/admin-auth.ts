import type { Context, MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Db } from "../db/open-database";
import type { Role } from "../db/schema";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { type LoadedSession, loadSession, SESSION_ABSOLUTE_MS, tokensEqual } from "./sessions";

export const SESSION_COOKIE = "peilpunt_session";
export const CSRF_HEADER = "X-CSRF-Token";

/** Hono environment of authenticated admin routes: the session and its user. */
export interface AdminEnv {
  Variables: { session: LoadedSession };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Host names a local (loopback-only) Peilpunt is reached by. */
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether a request comes from a page of this server: Sec-Fetch-Site, when the browser sends
 * it, must be same-origin (or none: typed by the user), and an Origin header must be the
 * configured public origin. Without one (local use) it must name the Host of the request and
 * that host must be a loopback name: the Host header is the caller's to choose, so a site that
 * points its own name at 127.0.0.1 (DNS rebinding) would otherwise pass as "same origin".
 */
export function isSameOrigin(c: Context, publicOrigin?: string): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  if (publicOrigin !== undefined) return origin === publicOrigin;
  const host = c.req.header("host") ?? new URL(c.req.url).host;
  try {
    const url = new URL(origin);
    return url.host === host && LOOPBACK_NAMES.has(url.hostname);
  } catch {
    // "null" (sandboxed frames, privacy-sensitive redirects) or garbage.
    return false;
  }
}

/**
 * The guards of /api/admin, shared with every admin route (results included):
 * - `sameOrigin`: refuses requests from other origins with 403;
 * - `requireSession`: loads the session from its cookie or answers 401;
 * - `requireCsrf`: on state-changing methods, the X-CSRF-Token header must be the session's;
 * - `protect`: the three in order, for any route that needs a signed-in user.
 */
export function adminAuth({
  db,
  now,
  secureCookies,
  publicOrigin,
}: {
  db: Db;
  now: () => Date;
  secureCookies: boolean;
  /** The one origin admin requests may come from (server/config.ts). */
  publicOrigin?: string;
}) {
  const fromOwnOrigin = (c: Context) => isSameOrigin(c, publicOrigin);
  const sameOrigin: MiddlewareHandler = async (c, next) => {
    if (!fromOwnOrigin(c)) {
      throw new ForbiddenError("Requests from other sites are refused.", "cross-origin");
    }
    await next();
    c.header("Cache-Control", "no-store");
  };
  const requireSession: MiddlewareHandler<AdminEnv> = async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? loadSession(db, token, now()) : undefined;
    if (!session) throw new UnauthorizedError();
    c.set("session", session);
    await next();
  };
  const requireCsrf: MiddlewareHandler<AdminEnv> = async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const given = c.req.header(CSRF_HEADER);
      if (!given || !tokensEqual(given, c.get("session").csrfToken)) {
        throw new ForbiddenError("The request lacks a valid CSRF token.", "csrf");
      }
    }
    await next();
  };
  return {
    fromOwnOrigin,
    sameOrigin,
    requireSession,
    requireCsrf,
    protect: every(sameOrigin, requireSession, requireCsrf) as MiddlewareHandler<AdminEnv>,
    /** Sets the session cookie (HttpOnly, SameSite=Strict, Secure when configured). */
    setSessionCookie(c: Context, token: string) {
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        secure: secureCookies,
        path: "/",
        maxAge: SESSION_ABSOLUTE_MS / 1000,
      });
    },
    clearSessionCookie(c: Context) {
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secureCookies });
    },
  };
}

export type AdminAuth = ReturnType<typeof adminAuth>;

/** Refuses (403) users whose role is not among `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get("session").user.role)) {
      throw new ForbiddenError("Your role does not allow this.");
    }
    await next();
  };
}
