import type { HeadcountReleaseInput, HeadcountRow } from "../../analysis/headcount-release";
import { HEADCOUNT_DIMENSIONS, JOB_LEVELS } from "../contract/headcount-schemas";
import { seededRandom } from "../demo/seeded-random";

/*
 * Synthetic headcounts of an organisation of any size: what the headcount benchmark imports, and
 * what the bulk worker audits once at start (warm-headcount-audit.ts). Deterministic per seed.
 */

/** Splits `total` people over values with shares `p` (the rest in the last value). */
function split(total: number, p: readonly number[], next: () => number): number[] {
  const out: number[] = [];
  let left = total;
  for (const share of p) {
    let n = 0;
    for (let i = 0; i < left; i++) if (next() < share) n++;
    out.push(n);
    left -= n;
  }
  out.push(left);
  return out;
}

/** Shares of each job level in a unit's staff: a small top, as in real organisations. */
const LEVEL_SHARES = [0.02, 0.08, 0.3, 0.35, 0.25];
const CATEGORY_SHARES: Record<string, readonly number[]> = {
  gender: [0.48, 0.51],
  foreign_origin: [0.07, 0.88],
  disability: [0.03, 0.9],
};

export interface SyntheticOrganisation {
  /** Unit codes with their parent's code ("" for a top unit), parents first. */
  units: { code: string; parent: string }[];
  /** Per date (oldest first), one row per unit and job level, keyed by unit code. */
  dates: { referenceDate: string; rows: HeadcountRow[] }[];
}

/**
 * A synthetic organisation of `units` units: about √units/3 top units, each with departments
 * and teams under them; unit sizes spread like real ones (most 5–40 staff, some hundreds);
 * job levels with a small top, so top management is a handful of people and often none below
 * the top units. Each later date moves a few people per unit (joiners, leavers, promotions), as
 * a year does. Rows are keyed by unit code; `asReleaseInput` maps them to ids.
 */
export function syntheticOrganisation(
  units: number,
  dates: number,
  seed = 1,
): SyntheticOrganisation {
  const next = seededRandom(seed);
  const tops = Math.max(2, Math.round(Math.sqrt(units) / 3));
  const list: { code: string; parent: string }[] = [];
  for (let i = 0; i < units; i++) {
    let parent = "";
    if (i >= tops) {
      // Departments under top units first, then teams under departments.
      const departments = Math.min(units, tops * 6);
      parent =
        i < departments ? `U${i % tops}` : `U${tops + ((i - departments) % (departments - tops))}`;
    }
    list.push({ code: `U${i}`, parent });
  }
  const children = new Set(list.map((unit) => unit.parent));
  // Staff of each unit of its own: management units hold a few people, working units more.
  const size = list.map((unit) => {
    const base = children.has(unit.code) ? 3 + next() * 12 : 4 + next() ** 3 * 120;
    return Math.round(base);
  });
  const state = list.map((_, u) =>
    LEVEL_SHARES.map((share, level) => {
      const isTop = list[u]?.parent === "";
      // Top management sits mostly in the top units' own staff.
      const total = Math.round(
        (size[u] as number) * share * (level === 0 && isTop ? 4 : 1) +
          next() * (level === 0 ? 0.6 : 2),
      );
      return HEADCOUNT_DIMENSIONS.map((d) =>
        split(total, CATEGORY_SHARES[d.key] as number[], next),
      );
    }),
  );
  const out: SyntheticOrganisation["dates"] = [];
  for (let date = 0; date < dates; date++) {
    if (date > 0) {
      // A year: in each unit and level a few join and a few leave.
      for (const levels of state) {
        for (const byDimension of levels) {
          const total = byDimension[0]?.reduce((a, b) => a + b, 0) ?? 0;
          const change = Math.round((next() - 0.5) * Math.min(6, 1 + total / 5));
          const newTotal = Math.max(0, total + change);
          byDimension.forEach((values, d) => {
            const key = HEADCOUNT_DIMENSIONS[d]?.key as string;
            if (newTotal === total && next() < 0.7) return;
            values.splice(
              0,
              values.length,
              ...split(newTotal, CATEGORY_SHARES[key] as number[], next),
            );
          });
        }
      }
    }
    out.push({
      referenceDate: `${2021 + date}-12-31`,
      rows: list.flatMap((unit, u) =>
        JOB_LEVELS.map((level, l) => {
          const byDimension = state[u]?.[l] as number[][];
          return {
            unitId: unit.code,
            level,
            total: (byDimension[0] as number[]).reduce((a, b) => a + b, 0),
            categories: Object.fromEntries(
              HEADCOUNT_DIMENSIONS.map((d, i) => [
                d.key,
                Object.fromEntries(d.values.map((v, j) => [v, byDimension[i]?.[j] as number])),
              ]),
            ),
          };
        }),
      ),
    });
  }
  return { units: list, dates: out };
}

/** The organisation as input of buildHeadcountRelease (unit codes as ids). */
export function asReleaseInput(org: SyntheticOrganisation, k = 5): HeadcountReleaseInput {
  return {
    k,
    organisationId: "ORG",
    units: [
      { id: "ORG", parentId: null },
      ...org.units.map((unit) => ({
        id: unit.code,
        parentId: unit.parent === "" ? "ORG" : unit.parent,
      })),
    ],
    levels: JOB_LEVELS,
    dimensions: HEADCOUNT_DIMENSIONS,
    dates: org.dates,
  };
}
