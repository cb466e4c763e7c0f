import { Hono } from "hono";
import { z } from "zod";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import type { Db } from "../../db/open-database";
import { ROLES, USER_LOCALES } from "../../db/schema";
import { readInput } from "../../http/parse-input";
import { createUser, deleteUser, listUsers, updateUser } from "../../users/manage-users";
import { newPasswordSchema } from "./session-routes";

const id = z.string().min(1).max(100);

const createSchema = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email()),
  role: z.enum(ROLES),
  organisationId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  password: newPasswordSchema,
  locale: z.enum(USER_LOCALES).optional(),
});

const updateSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  organisationId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  password: newPasswordSchema.optional(),
});

/** Accounts and roles: admins only. */
export function userRoutes({ db, now, auth }: { db: Db; now: () => Date; auth: AdminAuth }) {
  return new Hono<AdminEnv>()
    .use("*", auth.protect, requireRole("admin"))
    .get("/", (c) => c.json({ users: listUsers(db) }))
    .post("/", async (c) => {
      const input = await readInput(c, createSchema);
      const user = await createUser({ db, actor: c.get("session").user, input, now: now() });
      return c.json({ user }, 201);
    })
    .patch("/:id", async (c) => {
      const input = await readInput(c, updateSchema);
      const user = await updateUser({
        db,
        actor: c.get("session").user,
        userId: c.req.param("id"),
        input,
        now: now(),
      });
      return c.json({ user });
    })
    .delete("/:id", (c) => {
      deleteUser({ db, actor: c.get("session").user, userId: c.req.param("id"), now: now() });
      return c.body(null, 204);
    });
}
