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

/**
 * HiGHS's `simplex_strategy` for the primal simplex: a kept model whose objective alone changed
 * goes on from its last basis, which stays feasible, so the primal simplex needs a few pivots
 * where the default dual simplex starts over from a basis that is no longer dual feasible.
 */
export const PRIMAL_SIMPLEX = 4;

/**
 * HiGHS's `simplex_strategy` for the dual simplex (its default): after a model's bounds changed
 * its last basis is no longer primal feasible but stays dual feasible, so the dual simplex goes
 * on from it where the primal one first searches a feasible point pivot by pivot.
 */
export const DUAL_SIMPLEX = 1;
