import { randomUUID } from "node:crypto";
import type { Db } from "../../../server/db/open-database";
import { importHeadcounts } from "../../../server/headcounts/import-headcounts";

/** An admin importing headcounts in tests. */
export const headcountAdmin = {
  id: randomUUID(),
  email: "admin@example.org",
  role: "admin" as const,
  organisationId: null,
  unitId: null,
  locale: "en" as const,
};

const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";

/**
 * Imports one date of support staff for the fixture campaign's units A, B and C
 * (campaign-fixture.ts): `staffInA` in A (10 men, 5 of foreign origin, 5 with a disability), 3 in
 * B, 20 in C.
 */
export async function importThreeUnits(
  db: Db,
  organisationId: string,
  referenceDate: string,
  staffInA: number,
): Promise<void> {
  const a = staffInA;
  const file = [
    HEADER,
    `A;support;${a};${a - 10};10;5;${a - 5};0;5;${a - 5};0`,
    "B;support;3;1;2;0;3;0;0;3;0",
    "C;support;20;10;10;5;15;0;5;15;0",
  ].join("\n");
  await importHeadcounts({
    db,
    actor: headcountAdmin,
    organisationSlug: `org-${organisationId}`,
    referenceDate,
    file: new TextEncoder().encode(file),
    now: new Date(),
    afterImport: () => {},
  });
}
