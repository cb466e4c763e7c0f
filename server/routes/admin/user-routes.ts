import { Hono } from "hono";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import {
  type UserAnswer,
  type UsersAnswer,
  userCreateSchema,
  userUpdateSchema,
} from "../../contract/staff-schemas";
import type { Db } from "../../db/open-database";
import { readInput } from "../../http/parse-input";
import { createUser, deleteUser, listUsers, updateUser } from "../../users/manage-users";

/** Accounts and roles: admins only. */
export function userRoutes({ db, now, auth }: { db: Db; now: () => Date; auth: AdminAuth }) {
  return new Hono<AdminEnv>()
    .use("*", auth.protect, requireRole("admin"))
    .get("/", (c) => c.json({ users: listUsers(db) } satisfies UsersAnswer))
    .post("/", async (c) => {
      const input = await readInput(c, userCreateSchema);
      const user = await createUser({ db, actor: c.get("session").user, input, now: now() });
      return c.json({ user } satisfies UserAnswer, 201);
    })
    .patch("/:id", async (c) => {
      const input = await readInput(c, userUpdateSchema);
      const user = await updateUser({
        db,
        actor: c.get("session").user,
        userId: c.req.param("id"),
        input,
        now: now(),
      });
      return c.json({ user } satisfies UserAnswer);
    })
    .delete("/:id", (c) => {
      deleteUser({ db, actor: c.get("session").user, userId: c.req.param("id"), now: now() });
      return c.body(null, 204);
    });
}
