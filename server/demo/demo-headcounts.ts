import { eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions";
import { JOB_LEVELS } from "../contract/headcount-schemas";
import type { Db } from "../db/open-database";
import { organisations, users } from "../db/schema";
import { importHeadcounts } from "../headcounts/import-headcounts";
import { DEMO_ORGANISATION, type DemoUnit } from "./demo-organisation";
import { seededRandom } from "./seeded-random";

/**
 * A generator of its own, seeded apart from the campaigns' (seed-demo.ts): adding headcounts
 * leaves every synthetic response, and so every pinned demo figure, as it was.
 */
const HEADCOUNT_SEED = 20211231;

/** The demo's reference dates: 31 December 2021 to 2025. */
export const DEMO_HEADCOUNT_DATES = ["2021", "2022", "2023", "2024", "2025"].map(
  (year) => `${year}-12-31`,
);

/** Staff per unit of weight, and the share of each job level (top to support). */
const STAFF_PER_WEIGHT = 30;
const LEVEL_SHARES = [0.04, 0.1, 0.34, 0.3, 0.22];

/**
 * The story over five years, per year from 2021: women in top management from about 25% to
 * 35%, in middle management from 33% to 41%; staff of foreign origin from 6% to 8%; staff with
 * a disability or chronic illness about 1.5%, under the 3% Flemish target.
 */
function sharesIn(year: number, level: string) {
  const women =
    level === "top" ? 0.25 + 0.025 * year : level === "middle" ? 0.33 + 0.02 * year : 0.52;
  return {
    women,
    foreign: 0.06 + 0.005 * year,
    disability: 0.013 + 0.001 * year,
  };
}

/** How many of n people have a trait of probability p: n draws, so the counts vary like data. */
function binomial(random: () => number, n: number, p: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (random() < p) count++;
  return count;
}

const leaves = (units: readonly DemoUnit[]): DemoUnit[] =>
  units.flatMap((unit) => (unit.children?.length ? leaves(unit.children) : [unit]));

/**
 * The demo's headcount files, one per reference date, as HR would send them: per unit without
 * sub-units and job level, the total and its split by gender, foreign origin and disability.
 * The same on every machine.
 */
export function demoHeadcountFiles(): { referenceDate: string; csv: string }[] {
  const random = seededRandom(HEADCOUNT_SEED);
  const header =
    "unit_code;job_level;total;gender.woman;gender.man;gender.x;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
  return DEMO_HEADCOUNT_DATES.map((referenceDate, year) => {
    const lines = [header];
    for (const unit of leaves(DEMO_ORGANISATION.units)) {
      // About 1% more staff each year.
      const staff = Math.round(unit.weight * STAFF_PER_WEIGHT * (1 + 0.01 * year));
      JOB_LEVELS.forEach((level, index) => {
        const total = Math.max(1, Math.round(staff * (LEVEL_SHARES[index] ?? 0)));
        const p = sharesIn(year, level);
        const women = binomial(random, total, p.women);
        const x = binomial(random, total - women, 0.003);
        const foreign = binomial(random, total, p.foreign);
        const foreignUnknown = binomial(random, total - foreign, 0.04);
        const disability = binomial(random, total, p.disability);
        const disabilityUnknown = binomial(random, total - disability, 0.03);
        lines.push(
          [
            unit.code,
            level,
            total,
            women,
            total - women - x,
            x,
            foreign,
            total - foreign - foreignUnknown,
            foreignUnknown,
            disability,
            total - disability - disabilityUnknown,
            disabilityUnknown,
          ].join(";"),
        );
      });
    }
    return { referenceDate, csv: `${lines.join("\r\n")}\r\n` };
  });
}

/**
 * Imports the demo's five years of headcounts through the ordinary import (the file check,
 * the stored counts, an audit entry by the demo admin; `afterImport` builds the audited release),
 * oldest first.
 * Called after the demo was seeded, never otherwise; resolves with the dates imported.
 */
export async function seedDemoHeadcounts({
  db,
  now,
  afterImport,
}: {
  db: Db;
  now: () => Date;
  /** Called after each date is stored, e.g. to build the release of the dates so far. */
  afterImport: (organisationId: string) => void;
}): Promise<string[]> {
  const organisation = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, DEMO_ORGANISATION.slug))
    .get();
  const admin = db.select().from(users).where(eq(users.email, "admin@zennestad.example")).get();
  if (!organisation || !admin) return [];
  const actor: SessionUser = {
    id: admin.id,
    email: admin.email,
    role: admin.role,
    organisationId: admin.organisationId,
    unitId: admin.unitId,
    locale: admin.locale,
  };
  const imported: string[] = [];
  for (const file of demoHeadcountFiles()) {
    await importHeadcounts({
      db,
      afterImport,
      actor,
      organisationSlug: DEMO_ORGANISATION.slug,
      referenceDate: file.referenceDate,
      file: new TextEncoder().encode(file.csv),
      now: now(),
    });
    imported.push(file.referenceDate);
  }
  return imported;
}
