import type { CellModel } from "./cell-model";

/**
 * Baselines for comparison only (information-loss figures, auditor tests): the rules common
 * survey tools apply. Never used to publish: both leave hidden groups recoverable.
 */

/** Hides groups of 1..k−1 and nothing else. */
export function suppressPrimaryOnly(model: CellModel): void {
  model.n.forEach((n, cell) => {
    if (n >= 1 && n < model.k) model.hidden[cell] = "primary";
  });
}

/** Primary, then wherever one part of a shown total is hidden, the next smallest part too. */
export function suppressNextSmallest(model: CellModel): void {
  suppressPrimaryOnly(model);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of model.equations) {
      if (model.hidden[total] !== null) continue;
      if (parts.filter((part) => model.hidden[part] !== null).length !== 1) continue;
      const next = parts
        .filter((part) => model.hidden[part] === null && (model.n[part] as number) > 0)
        .sort((a, b) => (model.n[a] as number) - (model.n[b] as number))[0];
      if (next === undefined) continue;
      model.hidden[next] = "secondary";
      changed = true;
    }
  }
}
