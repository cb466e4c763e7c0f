import type { Highs } from "highs";

/** A bound as HiGHS takes it: JavaScript's infinities become the solver's own. */
export function highsBound(highs: Highs, value: number): number {
  if (value === Number.POSITIVE_INFINITY) return highs.infinity;
  if (value === Number.NEGATIVE_INFINITY) return -highs.infinity;
  return value;
}
