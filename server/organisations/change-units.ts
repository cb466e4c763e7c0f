import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import {
  type UnitImportAnswer,
  type UnitImportPlan,
  unitAddSchema,
  unitChangeSchema,
} from "../contract/organisation-schemas";
import type { Db } from "../db/open-database";
import { withTransaction } from "../db/with-transaction";
import { InvalidInputError, NotFoundError } from "../errors";
import { parseInput } from "../http/parse-input";
import { planUnitChange, type UnitChange } from "./plan-unit-change";
import { isEmptyPlan, planUnitImport } from "./plan-unit-import";
import {
  manageableOrganisation,
  planCounts,
  refuseMovesUnderUsedUnits,
  storedUnits,
  writeUnitPlan,
} from "./unit-tree-store";

/**
 * Adds, renames, moves, retires or reinstates one unit (admins and the organisation's
 * coordinators), in one transaction with its audit entry. The change is planned as the whole
 * tree after it and goes through the import's plan and rules (server/organisations/), so a
 * screen can do nothing an import could not.
 */
export function changeUnits({
  db,
  actor,
  organisationSlug,
  change,
  now,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  /** Unchecked input: the body of the request. */
  change: { kind: "add"; unit: unknown } | { kind: "change"; code: string; change: unknown };
  now: Date;
}): UnitImportAnswer {
  const organisation = manageableOrganisation(db, actor, organisationSlug);
  const checked: UnitChange =
    change.kind === "add"
      ? { kind: "add", unit: parseInput(unitAddSchema, change.unit) }
      : { kind: "change", code: change.code, change: parseInput(unitChangeSchema, change.change) };
  return withTransaction(
    db,
    (tx) => {
      const existing = storedUnits(tx, organisation.id);
      const planned = planUnitChange(existing, checked);
      if (!planned.ok) {
        if (planned.status === 404) {
          throw new NotFoundError(
            `There is no unit "${checked.kind === "change" ? checked.code : ""}".`,
          );
        }
        throw new InvalidInputError("Nothing was changed.", planned.errors);
      }
      const plan = planUnitImport(existing, planned.tree);
      if (isEmptyPlan(plan)) return { plan, applied: false };
      refuseMovesUnderUsedUnits(tx, organisation.id, existing, plan.moved);
      writeUnitPlan(tx, {
        organisationId: organisation.id,
        existing,
        tree: planned.tree,
        plan,
        now,
      });
      const code = checked.kind === "add" ? checked.unit.code : checked.code;
      recordAudit(tx, {
        actor,
        action: `unit.${auditVerb(plan)}`,
        target: `${organisationSlug}/${code}`,
        organisationId: organisation.id,
        detail: planCounts(plan),
        at: now,
      });
      return { plan, applied: true };
    },
    { behavior: "immediate" },
  );
}

/** The main thing a one-unit change did, for the audit log's action. */
function auditVerb(plan: UnitImportPlan): string {
  if (plan.added.length > 0) return "add";
  if (plan.retired.length > 0) return "retire";
  if (plan.reinstated.length > 0) return "reinstate";
  if (plan.moved.length > 0) return "move";
  if (plan.renamed.length > 0) return "rename";
  return "edit";
}
