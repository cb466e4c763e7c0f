import { type Context, Hono } from "hono";
import type { AdminAuth, AdminEnv } from "../../auth/admin-auth";
import { LoginLockedError } from "../../auth/refuse-locked-attempt";
import { signIn } from "../../auth/sign-in";
import { signOut } from "../../auth/sign-out";
import {
  passwordChangeSchema,
  type SessionAnswer,
  signInSchema,
} from "../../contract/staff-schemas";
import type { Db } from "../../db/open-database";
import { ForbiddenError, problemBody } from "../../errors";
import { readInput } from "../../http/parse-input";
import { problemResponse } from "../../http/problem-response";
import { changeOwnPassword } from "../../users/manage-users";

/** Sign in, who am I, sign out, change my password. */
export function sessionRoutes({
  db,
  now,
  auth,
  secretKey,
  clientAddress,
}: {
  db: Db;
  now: () => Date;
  auth: AdminAuth;
  secretKey: Uint8Array;
  clientAddress: (c: Context) => string | undefined;
}) {
  return new Hono<AdminEnv>()
    .post("/session", async (c) => {
      // No session yet, so no CSRF token: the origin check is what stops login CSRF.
      if (!auth.fromOwnOrigin(c)) {
        throw new ForbiddenError("Requests from other sites are refused.", "cross-origin");
      }
      const input = await readInput(c, signInSchema);
      try {
        const { user, token, csrfToken } = await signIn({
          db,
          email: input.email,
          password: input.password,
          address: clientAddress(c),
          secretKey,
          now,
        });
        auth.setSessionCookie(c, token);
        return c.json({ user, csrfToken } satisfies SessionAnswer);
      } catch (error) {
        return lockedAnswer(c, error);
      }
    })
    .get("/session", auth.protect, (c) => {
      const { user, csrfToken } = c.get("session");
      return c.json({ user, csrfToken } satisfies SessionAnswer);
    })
    .delete("/session", auth.protect, (c) => {
      const { user, tokenHash } = c.get("session");
      signOut({ db, user, tokenHash, now: now() });
      auth.clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post("/password", auth.protect, async (c) => {
      const input = await readInput(c, passwordChangeSchema);
      const { user } = c.get("session");
      try {
        const { token, csrfToken } = await changeOwnPassword({
          db,
          user,
          currentPassword: input.currentPassword,
          newPassword: input.newPassword,
          address: clientAddress(c),
          secretKey,
          now: now(),
        });
        // Every earlier token ended with the change, this request's too: here is its successor.
        auth.setSessionCookie(c, token);
        return c.json({ user, csrfToken } satisfies SessionAnswer);
      } catch (error) {
        return lockedAnswer(c, error);
      }
    });
}

/** A 429 with Retry-After for a locked account or network; any other error goes on to onError. */
function lockedAnswer(c: Context, error: unknown) {
  if (!(error instanceof LoginLockedError)) throw error;
  c.header("Retry-After", String(error.retryAfterSeconds));
  return problemResponse(c, 429, problemBody(error));
}
