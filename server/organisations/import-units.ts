import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import type { UnitFileError, UnitImportAnswer } from "../contract/organisation-schemas";
import type { Db } from "../db/open-database";
import { withTransaction } from "../db/with-transaction";
import { ProblemError } from "../errors";
import { parseUnitFile } from "./parse-unit-file";
import { isEmptyPlan, planUnitImport } from "./plan-unit-import";
import {
  manageableOrganisation,
  planCounts,
  refuseMovesUnderUsedUnits,
  storedUnits,
  writeUnitPlan,
} from "./unit-tree-store";

/**
 * Compares a unit tree file with an organisation's units and, when `apply` is set, writes the
 * whole change in one transaction with its audit entry. A faulty file (422, every row and field
 * named) or a refused move (409) changes nothing. Admins, and coordinators of the organisation;
 * for anyone else the organisation does not exist (404).
 */
export async function importUnits({
  db,
  actor,
  organisationSlug,
  file,
  apply,
  now,
}: {
  db: Db;
  actor: SessionUser;
  organisationSlug: string;
  file: Uint8Array;
  apply: boolean;
  now: Date;
}): Promise<UnitImportAnswer> {
  const organisation = manageableOrganisation(db, actor, organisationSlug);
  const parsed = await parseUnitFile(file);
  if (!parsed.ok) {
    throw new ProblemError(
      422,
      "invalid-unit-file",
      "The unit file has faults",
      `Nothing was changed: ${parsed.problems.length} fault(s) in the file.`,
      {
        errors: parsed.problems.map(
          ({ row, field, fault, message }): UnitFileError => ({
            row,
            question: field,
            fault,
            message,
          }),
        ),
      },
    );
  }
  return withTransaction(
    db,
    (tx) => {
      const existing = storedUnits(tx, organisation.id);
      const plan = planUnitImport(existing, parsed.units);
      if (!apply || isEmptyPlan(plan)) return { plan, applied: false };
      refuseMovesUnderUsedUnits(tx, organisation.id, existing, plan.moved);
      writeUnitPlan(tx, {
        organisationId: organisation.id,
        existing,
        tree: parsed.units,
        plan,
        now,
      });
      recordAudit(tx, {
        actor,
        action: "units.import",
        target: organisationSlug,
        organisationId: organisation.id,
        detail: planCounts(plan),
        at: now,
      });
      return { plan, applied: true };
    },
    { behavior: "immediate" },
  );
}
