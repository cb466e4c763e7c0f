import type { Highs } from "highs";
import type { CellModel } from "./cell-model";
import type { RespondentPlaces } from "./item-respondent-moves";
import {
  ITEM_LP_WHOLE_MAX_COLUMNS,
  type ItemAuditStructure,
  protectItemCounts,
} from "./protect-items";

/**
 * What the item audits of all questions of one release share, as plain data: it may be sent
 * to another thread (structured clone), so it holds no function and no solver.
 */
export interface QuestionAuditShared {
  /** The release's cell model after the group-size audit (without its witness directions). */
  model: CellModel;
  /** 1 where a cell is published with its size. */
  published: Uint8Array;
  structure: ItemAuditStructure;
  /** Check by LP what bound tightening leaves open (the LP stage). */
  lp: boolean;
  /** Tests only: see ItemAuditContext.lpLargeFrom. */
  lpLargeFrom?: number;
  /** Tests only: see ItemAuditContext.lpWork. */
  lpWork?: number;
  /** Where the respondents sit (ItemAuditContext.respondents). */
  respondents?: RespondentPlaces;
}

/** One question's item audit, as plain data. */
export interface QuestionAuditTask {
  kind: "single" | "multi";
  slots: number;
  sensitive: boolean;
  /** True counts, cell × slot, for every cell of the model. */
  counts: Int32Array;
  /** Published cells hidden before the audit (the unanimity rule), ascending. */
  initial: number[];
  /** Per respondent its answer (AuditedQuestion.answers), with `QuestionAuditShared.respondents`. */
  answers?: Uint32Array;
}

/** What one question's audit decided (ItemAuditOutcome as plain data). */
export interface QuestionAuditResult {
  /** Published cells whose answers to the question are hidden, ascending. */
  hidden: number[];
  rounds: number;
  lpSolves: number;
  lpWithheld: number;
}

/**
 * Runs the per-question item audits of one release. Given the group-size release, each
 * question's audit depends only on the shared data and its own task, so an implementation may
 * run them in any order or on other threads; it must return the results in task order, each
 * exactly what `auditQuestion` returns for it (the release does not depend on who ran what).
 */
export interface QuestionAuditor {
  audit(shared: QuestionAuditShared, tasks: QuestionAuditTask[]): QuestionAuditResult[];
}

/** One question's item audit (protect-items.ts), from plain data; `highs` for the LP stage. */
export function auditQuestion(
  highs: Highs | undefined,
  shared: QuestionAuditShared,
  task: QuestionAuditTask,
): QuestionAuditResult {
  const { model, published, structure, lp, lpLargeFrom, lpWork, respondents } = shared;
  if (lp && !highs) throw new Error("The item audit's LP stage needs a solver.");
  const { slots, counts } = task;
  if (counts.length !== model.n.length * slots)
    throw new Error("A question's counts must give every cell of the model its slots.");
  const outcome = protectItemCounts(
    {
      model,
      published: (cell) => published[cell] === 1,
      ...(lp ? { highs, lpLargeFrom, lpWork, respondents } : {}),
    },
    structure,
    {
      kind: task.kind,
      slots,
      sensitive: task.sensitive,
      countsOf: (cell) => counts.subarray(cell * slots, (cell + 1) * slots),
      ...(task.answers ? { answers: task.answers } : {}),
    },
    new Set(task.initial),
  );
  return {
    hidden: [...outcome.hidden].sort((a, b) => a - b),
    rounds: outcome.rounds,
    lpSolves: outcome.lpSolves,
    lpWithheld: outcome.lpWithheld,
  };
}

/** Runs every question's audit on this thread, in order (what buildRelease does by default). */
export function inProcessAuditor(highs: Highs | undefined): QuestionAuditor {
  return { audit: (shared, tasks) => tasks.map((task) => auditQuestion(highs, shared, task)) };
}

/** The shared data without what cannot cross threads (witness directions are functions). */
export function plainModel(model: CellModel): CellModel {
  const { witnessDirections: _, ...plain } = model;
  return plain;
}

/**
 * A rough guess of a question's audit cost, only to share the work between threads (the
 * release does not depend on it). Its unknowns u (cells not published or hidden before the
 * audit, times the variables per cell): u^1.5 where the LP stage searches the system whole
 * (over ITEM_LP_WHOLE_MAX_COLUMNS unknowns, if in one component), a fifth of that below.
 * Fitted roughly to CPU per question (2026-12-01): on the 100k × 40 bench the multiple-choice
 * question (8,300 unknowns, 4.5 s) against 38 single-choice ones (2,350, 0.05 s each); on
 * diagnose-2021 25,700 unknowns 6.7 s, 11,500 3.8 s, 10,000 2.3 s, 3,500 0.1–1.7 s.
 */
export function expectedAuditCost(shared: QuestionAuditShared, task: QuestionAuditTask): number {
  let unknownCells = task.initial.length;
  shared.published.forEach((shown, cell) => {
    if (shown === 0 && (shared.model.n[cell] as number) > 0) unknownCells++;
  });
  const perCell = task.kind === "multi" ? 3 * task.slots + 2 : task.slots + 1;
  const unknowns = unknownCells * perCell;
  return unknowns ** 1.5 * (unknowns > ITEM_LP_WHOLE_MAX_COLUMNS ? 1 : 0.2);
}

/**
 * Splits tasks in two shares of about equal expected cost: longest first, each to the share
 * with the least so far (the first share on ties). Returns task indices, ascending per share.
 */
export function splitByCost(costs: number[]): [number[], number[]] {
  const order = costs
    .map((_, index) => index)
    .sort((a, b) => (costs[b] as number) - (costs[a] as number) || a - b);
  const shares: [number[], number[]] = [[], []];
  const load = [0, 0];
  for (const index of order) {
    const side = (load[1] as number) < (load[0] as number) ? 1 : 0;
    shares[side].push(index);
    load[side] = (load[side] as number) + (costs[index] as number);
  }
  shares[0].sort((a, b) => a - b);
  shares[1].sort((a, b) => a - b);
  return shares;
}
