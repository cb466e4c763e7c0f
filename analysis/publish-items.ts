import type { Counts } from "./aggregate-counts";
import type { CellModel } from "./cell-model";
import {
  inProcessAuditor,
  plainModel,
  type QuestionAuditor,
  type QuestionAuditShared,
  type QuestionAuditTask,
} from "./item-question-audits";
import { RESPONDENT_MOVES_MAX_RESPONDENTS, respondentPlaces } from "./item-respondent-moves";
import { type ItemAuditContext, itemAuditStructure } from "./protect-items";
import { type GroupCell, PART_ALL } from "./release-cells";
import type { HiddenReason, OptionFigure, ReleaseItem } from "./release-types";
import type { ResponseMatrix } from "./response-matrix";
import type { ItemSpec } from "./types";

/**
 * Per published group, each question's counts, shares, mean and favourable share. A
 * sensitive question is hidden where all or all but one respondents gave the same answer, and
 * also where such a distribution would follow from published ones: a group's distribution
 * minus those of its published parts. With `itemAudit` (the default), every question then goes
 * through the item-level audit (protect-items.ts), which hides it for more groups where the
 * linked tables would still give answers away; every hidden question is then marked
 * "protected", whatever hid it: a mark saying "(nearly) unanimous" would tell, on a skewed
 * question, which answer the group gave.
 */
export function publishItems({
  counts,
  cells,
  model,
  items,
  published,
  itemAudit,
}: {
  counts: Counts;
  cells: GroupCell[];
  model: CellModel;
  items: ItemSpec[];
  published: (cell: number) => boolean;
  /**
   * The item-level audit's context, or null to publish under the group rules alone; `auditor`
   * runs the per-question audits (default: in order on this thread).
   */
  itemAudit:
    | (Omit<ItemAuditContext, "published" | "respondents"> & {
        auditor?: QuestionAuditor;
        /** The responses: with the LP stage, points that move respondents are tried first. */
        matrix?: ResponseMatrix;
      })
    | null;
}): {
  items: Map<number, ReleaseItem[]>;
  itemRounds: number;
  itemLpSolves: number;
  itemLpWithheld: number;
} {
  const { space } = counts;
  const F = space.filters.length;
  const S = space.slots;
  const slotsOf = (cell: number, offset: number, width: number): number[] => {
    const { node, part, filter } = cells[cell] as GroupCell;
    const source = part === PART_ALL ? counts.subtree : counts.attached;
    const base = (node * F + filter) * S + offset;
    return Array.from(source.subarray(base, base + width));
  };
  const hiddenItems = new Map<number, ReadonlySet<number>>();
  let itemRounds = 0;
  let itemLpSolves = 0;
  let itemLpWithheld = 0;
  const audited: { item: number; task: QuestionAuditTask }[] = [];
  const cellCount = model.n.length;
  // Respondent moves run with the LP stage, on campaigns small enough for them.
  const moveMatrix =
    itemAudit?.highs && (itemAudit.matrix?.size ?? 0) <= RESPONDENT_MOVES_MAX_RESPONDENTS
      ? itemAudit.matrix
      : undefined;
  for (const { item, offset, slots } of space.counted) {
    const spec = items[item] as ItemSpec;
    const countsOf = (cell: number) => slotsOf(cell, offset, slots);
    const hidden = spec.sensitive ? hideUnanimous(model, published, countsOf) : new Set<number>();
    hiddenItems.set(item, hidden);
    if (!itemAudit || spec.kind === "text") continue;
    const counts = new Int32Array(cellCount * slots);
    for (let cell = 0; cell < cellCount; cell++) counts.set(countsOf(cell), cell * slots);
    const column = moveMatrix?.columns[item];
    audited.push({
      item,
      task: {
        kind: spec.kind,
        slots,
        sensitive: spec.sensitive,
        counts,
        initial: [...hidden].sort((a, b) => a - b),
        ...(moveMatrix && column
          ? { answers: Uint32Array.from(column.data.subarray(0, moveMatrix.size)) }
          : {}),
      },
    });
  }
  if (itemAudit && audited.length > 0) {
    const { auditor, highs, lpLargeFrom, lpWork, matrix: _matrix, ...context } = itemAudit;
    const shown = Uint8Array.from(model.n, (_, cell) => (published(cell) ? 1 : 0));
    const shared: QuestionAuditShared = {
      model: plainModel(model),
      published: shown,
      structure: itemAuditStructure({ ...context, published }),
      lp: highs !== undefined,
      ...(lpLargeFrom === undefined ? {} : { lpLargeFrom }),
      ...(lpWork === undefined ? {} : { lpWork }),
      ...(moveMatrix
        ? { respondents: respondentPlaces(moveMatrix, context.space, context.cellOf) }
        : {}),
    };
    const results = (auditor ?? inProcessAuditor(highs)).audit(
      shared,
      audited.map(({ task }) => task),
    );
    if (results.length !== audited.length)
      throw new Error("The question auditor returned a result per question.");
    results.forEach((outcome, index) => {
      hiddenItems.set((audited[index] as (typeof audited)[number]).item, new Set(outcome.hidden));
      itemRounds += outcome.rounds;
      itemLpSolves += outcome.lpSolves;
      itemLpWithheld += outcome.lpWithheld;
    });
  }
  const itemReason: HiddenReason = itemAudit ? "protected" : "unanimity";

  const result = new Map<number, ReleaseItem[]>();
  cells.forEach((_, cell) => {
    if (!published(cell)) return;
    const n = model.n[cell] as number;
    const list: ReleaseItem[] = [];
    for (const { item, offset, slots } of space.counted) {
      const spec = items[item] as ItemSpec;
      if (spec.kind === "text") continue;
      if (hiddenItems.get(item)?.has(cell)) {
        list.push({ key: spec.key, kind: spec.kind, hidden: itemReason });
        continue;
      }
      const values = slotsOf(cell, offset, slots);
      const options: OptionFigure[] = spec.options.map((option, index) =>
        optionFigure(String(option), values[index + 1] as number, n),
      );
      options.push(optionFigure(null, values[0] as number, n));
      if (spec.kind === "multi") {
        list.push({ key: spec.key, kind: "multi", options });
        continue;
      }
      const entry: ReleaseItem = { key: spec.key, kind: "single", options };
      if (spec.scale) Object.assign(entry, scaleFigures(spec, values));
      list.push(entry);
    }
    result.set(cell, list);
  });
  return { items: result, itemRounds, itemLpSolves, itemLpWithheld };
}

function optionFigure(value: string | null, count: number, n: number): OptionFigure {
  return { value, count, share: n > 0 ? count / n : 0 };
}

function scaleFigures(
  spec: Extract<ItemSpec, { kind: "single" }>,
  values: number[],
): { mean: number | null; favourable: number | null } {
  const favourable = new Set((spec.scale?.favourable ?? []).map(String));
  let answered = 0;
  let sum = 0;
  let top = 0;
  spec.options.forEach((option, index) => {
    const count = values[index + 1] as number;
    answered += count;
    if (typeof option === "number") sum += option * count;
    if (favourable.has(String(option))) top += count;
  });
  if (answered === 0) return { mean: null, favourable: null };
  return { mean: spec.scale?.numeric ? sum / answered : null, favourable: top / answered };
}

/** Whether all or all but one of `size` respondents fall in one slot. */
export function isUnanimous(slots: number[], size: number): boolean {
  if (size <= 0) return false;
  return Math.max(...slots) >= size - 1;
}

/**
 * The published groups in which one sensitive question must be hidden: unanimous ones, then
 * whatever keeps every derivable remainder (a group minus its parts that show the question)
 * from being unanimous. Works to a fixpoint over the release's equations.
 */
function hideUnanimous(
  model: CellModel,
  published: (cell: number) => boolean,
  slotsOf: (cell: number) => number[],
): Set<number> {
  const hidden = new Set<number>();
  const shows = (cell: number) => published(cell) && !hidden.has(cell);
  model.n.forEach((n, cell) => {
    if (published(cell) && isUnanimous(slotsOf(cell), n)) hidden.add(cell);
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of model.equations) {
      const shownParts = parts.filter(shows);
      let victim: number | undefined;
      if (shows(total)) {
        const rest = slotsOf(total);
        let size = model.n[total] as number;
        for (const part of shownParts) {
          size -= model.n[part] as number;
          slotsOf(part).forEach((value, slot) => {
            rest[slot] = (rest[slot] as number) - value;
          });
        }
        if (size > 0 && isUnanimous(rest, size)) victim = smallest(model, shownParts) ?? total;
      } else if (published(total) && shownParts.length === parts.length && parts.length > 0) {
        victim = smallest(model, shownParts);
      }
      if (victim !== undefined) {
        hidden.add(victim);
        changed = true;
      }
    }
  }
  return hidden;
}

function smallest(model: CellModel, cells: number[]): number | undefined {
  let best: number | undefined;
  for (const cell of cells) {
    if ((model.n[cell] as number) === 0) continue;
    if (best === undefined || (model.n[cell] as number) < (model.n[best] as number)) best = cell;
  }
  return best;
}
