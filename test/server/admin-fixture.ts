import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { z } from "zod";
import type { createApp } from "../../server/app";
import { hashPasswordSync } from "../../server/auth/password";
import type { Db } from "../../server/db/open-database";
import { type Role, users } from "../../server/db/schema";

type App = ReturnType<typeof createApp>;

export const PASSWORD = "correct horse battery staple";

export const problemSchema = z.looseObject({
  type: z.string().startsWith("urn:peilpunt:problem:"),
  title: z.string().min(1),
  status: z.number().int(),
  detail: z.string().min(1),
  errors: z.array(z.object({ question: z.string(), message: z.string() })).optional(),
});

export const userSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: z.enum(["admin", "coordinator", "evaluator"]),
  organisationId: z.string().nullable(),
  unitId: z.string().nullable(),
  locale: z.enum(["nl", "fr", "en"]),
});

/** An account as the users API answers it: with the campaigns an evaluator is limited to. */
export const staffUserSchema = userSchema.extend({ campaigns: z.array(z.string()) });

/** Inserts an account with PASSWORD; returns its e-mail. */
export function insertUser(
  db: Db,
  role: Role,
  scope: { organisationId?: string | null; unitId?: string | null } = {},
): string {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
  db.insert(users)
    .values({
      id: randomUUID(),
      email,
      passwordHash: hashPasswordSync(PASSWORD),
      role,
      organisationId: scope.organisationId ?? null,
      unitId: scope.unitId ?? null,
    })
    .run();
  return email;
}

/** A signed-in client: sends the session cookie and, unless told otherwise, the CSRF token. */
export interface Agent {
  csrfToken: string;
  cookie: string;
  request(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      /** Sent as is (a file upload), with the Content-Type given in `headers`. */
      rawBody?: string | Uint8Array<ArrayBuffer>;
      csrf?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
}

export async function signIn(app: App, email: string, password = PASSWORD): Promise<Agent> {
  const response = await app.request("/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    csrfToken,
    cookie,
    request: async (method, path, options = {}) => {
      const csrf = options.csrf === undefined ? csrfToken : options.csrf;
      return app.request(path, {
        method,
        headers: {
          Cookie: cookie,
          ...(options.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...(csrf !== null ? { "X-CSRF-Token": csrf } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.rawBody !== undefined ? { body: options.rawBody } : {}),
      });
    },
  };
}

export async function expectProblem(response: Response, status: number, type?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = problemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  if (type) expect(body.type).toBe(`urn:peilpunt:problem:${type}`);
  return body;
}

/** A valid new campaign for the fixture organisation (see campaign-fixture.ts). */
export function campaignInput(fixture: {
  organisationId: string;
  questionnaireSlug: string;
  inScope: string[];
}) {
  return {
    slug: `new-${randomUUID().slice(0, 8)}`,
    organisationId: fixture.organisationId,
    title: { nl: "Peiling", fr: "Enquête", en: "Survey" },
    questionnaire: { slug: fixture.questionnaireSlug, version: 1 },
    unitIds: fixture.inScope,
    locales: ["nl", "fr"],
    k: 5,
    opensAt: "2030-01-01T00:00:00.000Z",
    closesAt: "2030-02-01T00:00:00.000Z",
    accessMode: "open-link",
    retentionDays: 30,
  };
}
