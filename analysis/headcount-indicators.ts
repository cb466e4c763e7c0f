import type { HeadcountRelease } from "./headcount-release";

/**
 * An indicator: the share of a category value among a unit's staff, optionally at some job
 * levels only (women in top management), with an optional target share.
 */
export interface IndicatorSpec {
  key: string;
  dimension: string;
  value: string;
  /** Null for all levels together; otherwise one level. */
  level: string | null;
  /** Target share 0..1, if the organisation set one. */
  target?: number;
}

/**
 * Targets offered as defaults: the Flemish government's 2020 targets (10% staff of foreign
 * origin, 3% with a disability or chronic illness, 40% women in middle and in top management)
 * and the Brussels region's quota of 2% staff with a disability.
 */
export const DEFAULT_TARGET_SETS: Record<"flanders-2020" | "brussels", IndicatorSpec[]> = {
  "flanders-2020": [
    { key: "foreign-origin", dimension: "foreign_origin", value: "yes", level: null, target: 0.1 },
    { key: "disability", dimension: "disability", value: "yes", level: null, target: 0.03 },
    { key: "women-middle", dimension: "gender", value: "woman", level: "middle", target: 0.4 },
    { key: "women-top", dimension: "gender", value: "woman", level: "top", target: 0.4 },
  ],
  brussels: [
    { key: "disability", dimension: "disability", value: "yes", level: null, target: 0.02 },
  ],
};

/** One indicator for one unit at one date; null where the release hides what it needs. */
export interface IndicatorPoint {
  referenceDate: string;
  /** People in the category, and the staff it is a share of (both published). */
  count: number | null;
  staff: number | null;
  share: number | null;
  /** Change of the share against the previous date where both are shown. */
  change: number | null;
  /** target − share (positive: below target), and the people that distance means. */
  distance: number | null;
  peopleToTarget: number | null;
}

/**
 * Computes indicators per unit and date from the published tables only: a share is shown only
 * where both its count and its staff total are published figures, so an indicator tells
 * nothing the release does not.
 */
export function headcountIndicators(
  release: Pick<HeadcountRelease, "dates">,
  unitId: string,
  specs: readonly IndicatorSpec[],
): { spec: IndicatorSpec; points: IndicatorPoint[] }[] {
  return specs.map((spec) => {
    let previous: number | null = null;
    const points = release.dates.map((date): IndicatorPoint => {
      const figure = (dimension: string | null, value: string | null) => {
        const cell = date.cells.find(
          (candidate) =>
            candidate.unitId === unitId &&
            candidate.part === "all" &&
            candidate.level === spec.level &&
            candidate.dimension === dimension &&
            candidate.value === value,
        );
        return cell && "value" in cell.n ? cell.n.value : null;
      };
      const count = figure(spec.dimension, spec.value);
      const staff = figure(null, null);
      const share = count !== null && staff !== null && staff > 0 ? count / staff : null;
      const change = share !== null && previous !== null ? share - previous : null;
      previous = share;
      const distance = share !== null && spec.target !== undefined ? spec.target - share : null;
      return {
        referenceDate: date.referenceDate,
        count,
        staff,
        share,
        change,
        distance,
        peopleToTarget:
          distance !== null && staff !== null && spec.target !== undefined
            ? Math.max(0, Math.ceil(spec.target * (staff as number) - (count as number) - 1e-9))
            : null,
      };
    });
    return { spec, points };
  });
}
