import { and, count as countRows, eq } from "drizzle-orm";
import type { Db } from "../db/open-database";
import { invitationCodes } from "../db/schema";
import { ProblemError } from "../errors";

/** A unit whose codes would outnumber its staff: by its code, never by anyone's address. */
export interface UnitOverHeadcount {
  unitCode: string;
  headcount: number;
  issued: number;
  asked: number;
}

/**
 * The units where codes already issued plus those asked for would exceed the known headcount
 * (units without one have no ceiling here; a unit nothing is asked for is left alone). Pure: a unit with more codes than staff is where
 * made-up responses hide, so this rule is kept apart and tested on its own.
 */
export function unitsOverHeadcount(
  asks: { unitCode: string; headcount: number | null; issued: number; asked: number }[],
): UnitOverHeadcount[] {
  return asks.flatMap(({ headcount, ...ask }) =>
    headcount !== null && ask.asked > 0 && ask.issued + ask.asked > headcount
      ? [{ ...ask, headcount }]
      : [],
  );
}

/** Codes of a campaign per unit id, used or not. */
export function issuedCodesByUnit(db: Db, campaignId: string): Map<string, number> {
  return new Map(
    db
      .select({ unitId: invitationCodes.unitId, n: countRows() })
      .from(invitationCodes)
      .where(and(eq(invitationCodes.campaignId, campaignId)))
      .groupBy(invitationCodes.unitId)
      .all()
      .map((row) => [row.unitId, row.n]),
  );
}

/** The 409 naming each unit whose codes would outnumber its staff. */
export function headcountLimitError(over: UnitOverHeadcount[]): ProblemError {
  const names = over.map((unit) => `${unit.unitCode} (${unit.headcount} staff)`).join(", ");
  return new ProblemError(
    409,
    "headcount-limit",
    "More codes than staff",
    `Codes would outnumber the staff of ${over.length === 1 ? "unit" : "units"} ${names}: correct the list or the headcount first.`,
    {
      units: over.slice(0, 50),
      // Each unit at fault by its code, as `errors` names what was at fault elsewhere.
      errors: over.slice(0, 50).map((unit) => ({
        question: `unit:${unit.unitCode}`,
        message: `headcount ${unit.headcount}, codes ${unit.issued}, asked ${unit.asked}`,
      })),
    },
  );
}
