import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import {
  type OrganisationAnswer,
  type OrganisationCreateInput,
  organisationCreateSchema,
} from "../contract/organisation-schemas";
import type { Db } from "../db/open-database";
import { organisations } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, ForbiddenError } from "../errors";
import { parseInput } from "../http/parse-input";

/** Creates an organisation (admins only), audit-logged; its units come from an import. */
export function createOrganisation({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: SessionUser;
  input: OrganisationCreateInput;
  now: Date;
}): OrganisationAnswer["organisation"] {
  if (actor.role !== "admin") throw new ForbiddenError("Only admins create organisations.");
  const { slug, name } = parseInput(organisationCreateSchema, input);
  return withTransaction(db, (tx) => {
    const taken = tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, slug))
      .get();
    if (taken) throw new ConflictError(`An organisation "${slug}" exists already.`, "slug-taken");
    const id = randomUUID();
    tx.insert(organisations)
      .values({ id, slug, nameNl: name.nl, nameFr: name.fr, nameEn: name.en })
      .run();
    recordAudit(tx, {
      actor,
      action: "organisation.create",
      target: slug,
      organisationId: id,
      at: now,
    });
    return { id, slug, name };
  });
}
