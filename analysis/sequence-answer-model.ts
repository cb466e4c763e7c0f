import type { Highs } from "highs";
import { DUAL_SIMPLEX } from "./highs-bound";
import type { ReleaseEquations } from "./release-equations";
import type { Release, ReleaseGroup } from "./release-types";
import { type ChainCount, incrementModel } from "./sequence-increments";
import {
  createModel,
  type Entry,
  type Row,
  runObjective,
  type SequenceSystem,
  type SolveStatus,
  sequenceSystem,
} from "./sequence-system";

/**
 * One question's stacked answer system (the answer-table sequence audit, sequence-answers.ts),
 * and its LP. Unknowns: every hidden group size (sequence-system.ts) and every option count not
 * published; rows: the sizes' rows, a group's options add up to its size, each release's
 * relations per option, every option count never goes down to the next release listing the
 * group. The LP is solved in first counts and increments (sequence-increments.ts): a chain of
 * one group's sizes, or of one group's count of one option, becomes its first count and
 * increments ≥ 0, each relation its difference with the release before where shorter. The
 * change of unknowns is one to one, so every optimum is the same; objectives are mapped in and
 * solutions back to counts, so callers see counts only.
 */

/** One stacked table: a single-choice question, or one option of a multiple-choice one. */
export interface Question {
  key: string;
  /** For a multiple-choice question: the option ticked (slots: ticked, not ticked). */
  ticked?: { value: string | null; index: number };
  values: (string | null)[];
}

export type Cell = { value: number } | { variable: number };

export interface AnswerSystem {
  /** The group sizes' system. */
  system: SequenceSystem;
  /** Per group id and release: its option counts (published, 0 or unknown), null if unlisted. */
  options: Map<string, (Cell[] | null)[]>;
  /** Bounds of each unknown (sizes first, then option counts). */
  lower: number[];
  upper: number[];
  rows: Row[];
  /** Per unknown: its chain (a group's sizes, or its counts of one option) and release. */
  chains: { key: string; release: number }[];
}

/** Every question some release publishes a table of, multiple-choice ones split by option. */
export function questionsOf(releases: Release[]): Question[] {
  const found = new Map<string, Question[]>();
  for (const release of releases)
    for (const group of release.groups)
      for (const item of group.items) {
        if (!("options" in item) || found.has(item.key)) continue;
        const values = item.options.map((option) => option.value);
        found.set(
          item.key,
          item.kind === "single"
            ? [{ key: item.key, values }]
            : values.map((value, index) => ({
                key: item.key,
                ticked: { value, index },
                values: ["ticked", "not ticked"],
              })),
        );
      }
  return [...found.values()].flat();
}

/** A published group's counts of the question's options, or null where it hides them. */
export function publishedCounts(
  group: ReleaseGroup,
  question: Question,
  n: number,
): number[] | null {
  const item = group.items.find((candidate) => candidate.key === question.key);
  if (!item || !("options" in item)) return null;
  const count = (value: string | null) =>
    item.options.find((option) => option.value === value)?.count ?? 0;
  if (question.ticked) {
    const ticked = count(question.ticked.value);
    return [ticked, n - ticked];
  }
  return question.values.map(count);
}

const zero = (): Cell => ({ value: 0 });

/** The question's stacked system over every release, as a reader who keeps them writes it. */
export function answerSystem(
  releases: Release[],
  structures: ReleaseEquations[],
  question: Question,
  /** The sizes' system of these releases, if already built (it is the same for every question). */
  system: SequenceSystem = sequenceSystem(releases, structures),
): AnswerSystem {
  const slots = question.values.length;
  const lower: number[] = system.variables.map((v) => v.lowerB);
  const upper: number[] = system.variables.map((v) => v.upperB);
  const chains = system.variables.map((v) => ({ key: v.groupId, release: v.release }));
  const rows: Row[] = [...system.chainRows, ...system.ownRows.flat()];
  // An option count's upper bound is its size's: implied by Σ options = size and every count ≥ 0
  // (as a bound it would be a row in the increments form wherever the size's bound grows).
  const newVariable = (id: string, slot: number, release: number): Cell => {
    lower.push(0);
    upper.push(Number.POSITIVE_INFINITY);
    chains.push({ key: `${id}\n${slot}`, release });
    return { variable: lower.length - 1 };
  };
  /** A row Σ sign × cell in [lo, hi], constants moved to the bounds; dropped if constant. */
  const addRow = (terms: [number, Cell][], lo: number, hi: number, relation?: string) => {
    const row: Row = { variables: [], coefficients: [], lower: lo, upper: hi };
    for (const [sign, cell] of terms) {
      if ("value" in cell) {
        row.lower -= sign * cell.value;
        row.upper -= sign * cell.value;
      } else {
        row.variables.push(cell.variable);
        row.coefficients.push(sign);
      }
    }
    if (relation !== undefined) row.relation = relation;
    if (row.variables.length > 0) rows.push(row);
  };
  // Option counts per group id and release: published, 0, or unknown (with Σ = size).
  const options = new Map<string, (Cell[] | null)[]>();
  for (const id of system.ids) {
    const timeline = system.entries.get(id) as Entry[];
    options.set(
      id,
      timeline.map((entry, t) => {
        const size: Cell | null = entry;
        if (size === null) return null;
        if ("value" in size && size.value === 0) return Array.from({ length: slots }, zero);
        const position = structures[t]?.position.get(id);
        const group = position === undefined ? undefined : releases[t]?.groups[position];
        if (!group) return Array.from({ length: slots }, zero); // an absent direct part
        const published = "value" in size ? publishedCounts(group, question, size.value) : null;
        if (published) return published.map((value) => ({ value }));
        const cells = Array.from({ length: slots }, (_, s) => newVariable(id, s, t));
        addRow([...cells.map((cell): [number, Cell] => [1, cell]), [-1, size]], 0, 0, `Σ${id}`);
        return cells;
      }),
    );
  }
  // Each release's relations, per option.
  structures.forEach((structure, t) => {
    for (const { total, parts } of structure.equations) {
      const whole = options.get(total)?.[t];
      if (!whole) continue;
      for (let s = 0; s < slots; s++) {
        const terms: [number, Cell][] = [[1, whole[s] as Cell]];
        for (const part of parts) {
          const cells = options.get(part)?.[t];
          if (cells) terms.push([-1, cells[s] as Cell]);
        }
        addRow(terms, 0, 0, `${total}=${parts.join("+")}\n${s}`);
      }
    }
  });
  // Every option count never goes down to the next release that lists the group: a chain row
  // between two unknowns (earlier − later ≤ 0, the form sequence-increments.ts reads as a chain),
  // a bound where one side is published.
  for (const timeline of options.values()) {
    let previous: Cell[] | null = null;
    for (const cells of timeline) {
      if (!cells) continue;
      if (previous) {
        const before = previous;
        cells.forEach((cell, s) => {
          const earlier = before[s] as Cell;
          if ("variable" in earlier && "variable" in cell) {
            rows.push({
              variables: [earlier.variable, cell.variable],
              coefficients: [1, -1],
              lower: Number.NEGATIVE_INFINITY,
              upper: 0,
            });
          } else if ("variable" in cell) {
            const j = cell.variable;
            lower[j] = Math.max(lower[j] as number, (earlier as { value: number }).value);
          } else if ("variable" in earlier) {
            const j = earlier.variable;
            upper[j] = Math.min(upper[j] as number, cell.value);
          }
        });
      }
      previous = cells;
    }
  }
  return { system, options, lower, upper, rows, chains };
}

/** The LP of a question's stacked system, in first counts and increments. */
export interface AnswerLp {
  /**
   * Optimises Σ coefs[i] × unknown vars[i] (repeats add up) from the last basis (`dual`: by the
   * dual simplex, as for a push of many costs at once); the solution (of the last basis, if
   * unbounded) as a value per unknown.
   */
  solve(
    objective: { vars: readonly number[]; coefs: readonly number[] },
    sense: "min" | "max",
    dual?: boolean,
  ): { status: SolveStatus; point: Float64Array };
  dispose(): void;
}

/** The LP of the system's bounds and rows (model B of the sizes), built once per question. */
export function answerLp(
  highs: Highs,
  { lower, upper, rows, chains }: Pick<AnswerSystem, "lower" | "upper" | "rows" | "chains">,
): AnswerLp {
  const columns = lower.length;
  const counts: ChainCount[] = chains.map(({ key, release }, j) => ({
    groupId: key,
    release,
    lowerA: lower[j] as number,
    upperA: upper[j] as number,
    lowerB: lower[j] as number,
    upperB: upper[j] as number,
  }));
  const all = Array.from({ length: columns }, (_, j) => j);
  const column = new Map(all.map((j) => [j, j]));
  const increments = incrementModel(counts, { variables: all, rows }, column);
  const { lp } = createModel(
    highs,
    Array.from(increments.columns.B.lower, (lo, j) => ({
      lower: lo,
      upper: increments.columns.B.upper[j] as number,
    })),
    column,
    increments.rows,
  );
  return {
    solve({ vars, coefs }, sense, dual = false) {
      if (dual) lp.options.set({ simplex_strategy: DUAL_SIMPLEX });
      const terms = vars.map((variable, i) => ({ variable, sign: coefs[i] as number }));
      const status = runObjective(highs, lp, columns, increments.expand(terms), sense);
      return { status, point: increments.counts(lp.getSolution().colValue) };
    },
    dispose: () => lp.dispose(),
  };
}
