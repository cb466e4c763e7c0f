import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { problemResponse, statusProblem } from "./problem-response";

/**
 * Results access by one admin token (Authorization: Bearer …) until accounts replace it.
 * Without a configured token nobody gets in.
 */
export function requireAdminToken(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const given = /^Bearer (.+)$/.exec(header)?.[1];
    if (!expected || !given || !timingSafeEqual(digest(given), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="peilpunt"');
      return problemResponse(c, 401, statusProblem(401, "Sign in to read results."));
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
