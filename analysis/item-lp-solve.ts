import type { Highs } from "highs";
import { PRIMAL_SIMPLEX } from "./highs-bound";
import type { LpBudget } from "./item-lp";

/** HiGHS model statuses the item LPs read. */
export const OPTIMAL = 7;
export const UNBOUNDED = 10;
export const ITERATION_LIMIT = 14;

type KeptModel = ReturnType<Highs["createModel"]>;
type Solution = ReturnType<KeptModel["getSolution"]>;

/**
 * One solve of a kept model for `costs`, charged to the question's budget as simplex
 * iterations × `rows`: the optimum, null when unbounded, undefined once the budget is spent
 * (then `state.exhausted`). The first solve starts cold (dual simplex); every later one only
 * changes the objective, so the primal simplex goes on from the last basis, which stays feasible.
 */
export function solveWithinBudget(
  highs: Highs,
  model: KeptModel,
  costs: Float64Array,
  maximise: boolean,
  rows: number,
  budget: LpBudget,
  state: { solves: number; exhausted: boolean },
): Solution | null | undefined {
  if (budget.work <= 0) {
    state.exhausted = true;
    return undefined;
  }
  const limit = Math.min(2 ** 31 - 1, Math.max(1, Math.floor(budget.work / Math.max(1, rows))));
  model.options.set({ simplex_iteration_limit: limit });
  model.changeColsCost({ kind: "range" as const, from: 0, to: costs.length - 1 }, costs);
  model.changeObjectiveSense(
    maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
  );
  model.run();
  state.solves++;
  model.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
  budget.work -= Math.max(1, Number(model.info.get("simplex_iteration_count"))) * rows;
  const status = model.getModelStatus();
  if (status === ITERATION_LIMIT) {
    budget.work = 0;
    state.exhausted = true;
    return undefined;
  }
  if (status === UNBOUNDED) return null;
  if (status !== OPTIMAL) throw new Error(`Item LP audit: unexpected solver status ${status}`);
  return model.getSolution();
}
