import type { Highs, ObjectiveSense } from "highs";

/** A bound as HiGHS takes it: JavaScript's infinities become the solver's own. */
export function highsBound(highs: Highs, value: number): number {
  if (value === Number.POSITIVE_INFINITY) return highs.infinity;
  if (value === Number.NEGATIVE_INFINITY) return -highs.infinity;
  return value;
}

/** An objective sense as HiGHS takes it. */
export function highsSense(highs: Highs, sense: "min" | "max"): ObjectiveSense {
  return sense === "min"
    ? highs.constants.objectiveSense.minimize
    : highs.constants.objectiveSense.maximize;
}
