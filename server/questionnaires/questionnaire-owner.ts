import { eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions";
import type { Db } from "../db/open-database";
import { organisations } from "../db/schema";
import { ForbiddenError, InvalidInputError } from "../errors";

/**
 * The organisation a new questionnaire belongs to: a coordinator's own (they cannot make shared
 * templates or another's), an admin's choice or null (a shared template). Evaluators get 403.
 */
export function ownerForNewQuestionnaire(
  db: Db,
  user: SessionUser,
  requested: string | null | undefined,
): string | null {
  if (user.role === "evaluator") throw new ForbiddenError("Evaluators do not edit questionnaires.");
  if (user.role === "coordinator") {
    if (requested !== undefined && requested !== user.organisationId)
      throw new ForbiddenError("Coordinators make questionnaires for their own organisation.");
    return user.organisationId;
  }
  if (requested === undefined || requested === null) return null;
  const found = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, requested))
    .get();
  if (!found)
    throw new InvalidInputError("The organisation does not exist.", [
      { question: "organisationId", message: "unknown organisation" },
    ]);
  return requested;
}
