import { Hono } from "hono";
import { z } from "zod";
import { type AdminAuth, type AdminEnv, requireRole } from "../../auth/admin-auth";
import { listAudit } from "../../auth/audit";
import type { AuditPage } from "../../contract/staff-schemas";
import type { Db } from "../../db/open-database";
import { parseInput } from "../../http/parse-input";

const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

/** The audit log: admins see everything, coordinators their organisation's entries. */
export function auditLogRoutes({ db, auth }: { db: Db; auth: AdminAuth }) {
  return new Hono<AdminEnv>().get("/", auth.protect, requireRole("admin", "coordinator"), (c) => {
    const query = parseInput(querySchema, c.req.query());
    const { user } = c.get("session");
    const entries = listAudit(db, {
      ...query,
      ...(user.role === "admin" ? {} : { organisationId: user.organisationId ?? "" }),
    });
    return c.json({ entries } satisfies AuditPage);
  });
}
