// `npm run user:create -- --email x@example.org --role admin` (coordinators and evaluators also
// take --organisation <slug>, evaluators optionally --unit <code>): creates a staff account and
// prints its generated password once. Only its argon2id hash is stored.
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { generatePassword } from "./auth/password";
import { readConfig } from "./config";
import { ROLES, type Role } from "./contract/vocabulary";
import { closeDatabase, openDatabase } from "./db/open-database";
import { organisations, units } from "./db/schema";
import { ProblemError } from "./errors";
import { createFilesOwnerOnly } from "./owner-only-files";
import { createUser } from "./users/manage-users";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    organisation: { type: "string" },
    unit: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const role = values.role as Role | undefined;
if (!values.email || !role || !ROLES.includes(role)) {
  fail(
    "Usage: npm run user:create -- --email <address> --role admin|coordinator|evaluator [--organisation <slug>] [--unit <code>]",
  );
}
createFilesOwnerOnly();
const db = openDatabase(readConfig().databasePath);
let organisationId: string | null = null;
let unitId: string | null = null;
if (values.organisation) {
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, values.organisation))
    .get();
  organisationId = organisation?.id ?? fail(`No organisation "${values.organisation}".`);
}
if (values.unit) {
  const unit = db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId ?? ""), eq(units.code, values.unit)))
    .get();
  unitId = unit?.id ?? fail(`No unit "${values.unit}" in that organisation.`);
}
const password = generatePassword();
try {
  const user = await createUser({
    db,
    actor: null,
    input: { email: values.email, role, organisationId, unitId, password },
    now: new Date(),
  });
  console.log(`Created ${user.role} ${user.email}. Password (shown once): ${password}`);
} catch (error) {
  if (error instanceof ProblemError) {
    const errors = (error.extensions.errors as { question: string; message: string }[]) ?? [];
    fail([error.detail, ...errors.map((e) => `  ${e.question}: ${e.message}`)].join("\n"));
  }
  throw error;
} finally {
  closeDatabase(db);
}
