import type { Highs } from "highs";
import { aggregateCounts, type Counts, filterSpace } from "./aggregate-counts";
import { applyPrimarySuppression, type CellModel } from "./cell-model";
import type { QuestionAuditor } from "./item-question-audits";
import { suppressNextSmallest, suppressPrimaryOnly } from "./naive-suppression";
import { protectCells, UnprotectableReleaseError } from "./protect-cells";
import { publishComments } from "./publish-comments";
import { publishItems } from "./publish-items";
import { dimensionWidth, type GroupCell, PART_ALL, releaseCells } from "./release-cells";
import type { Figure, Release, ReleaseFilter, ReleaseGroup, ReleaseValue } from "./release-types";
import { ResponseMatrix } from "./response-matrix";
import type { ItemSpec, ResponseRow, UnitNode } from "./types";
import { buildUnitTree } from "./unit-tree";

/** The default minimum group size: no group of fewer respondents is ever published. */
export const DEFAULT_MIN_CELL_SIZE = 5;

export interface ReleaseInput {
  organisationId: string;
  units: UnitNode[];
  /** The questionnaire version's items (surveys/question-specs.ts describeQuestionnaire). */
  items: ItemSpec[];
  k: number;
  /**
   * Runs the item audit's per-question work (default: in order on the building thread). Not
   * data: the server's release worker sets it on its own copy of the input to share the
   * questions with a helper thread (server/results/question-auditor.ts); it is never sent or
   * stored, and the release does not depend on it. On the input rather than an option so that
   * it reaches every build of a sequenced release (build-sequenced-release.ts).
   */
  questionAuditor?: QuestionAuditor;
  /**
   * Respondents came through an open link, not verified invitations: anyone could pad a small
   * group with made-up responses and subtract them, so only the organisation as a whole
   * (no unit, no background breakdown) is published.
   */
  openLink?: boolean;
  /**
   * The campaign is still open: only the organisation as a whole is published, the breakdowns
   * come with the release at close. Readers of a breakdown in one interim release and the next
   * could subtract them, so the release at close is audited against every breakdown shown; on a
   * campaign with many groups that audit cannot settle the stacked answer tables, and the final
   * breakdowns were held back for good after one look (README "Sequence audit"). Against
   * organisation-only interim releases it serves them.
   */
  whileOpen?: boolean;
  /** Two-way crosses of dimension keys published at organisation level. */
  crosses?: [string, string][];
  /** Respondents per unit subtree never exceed these (an attacker may know headcounts). */
  knownHeadcounts?: Record<string, number>;
  /** Group ids hidden in an earlier wave: hiding them again costs less information. */
  previouslyHidden?: ReadonlySet<string>;
}

/**
 * How groups are protected: the audited suppression (the only one the server uses), or one
 * of the naive baselines kept for comparison (see naive-suppression.ts).
 */
export type SuppressionStrategy = "audited" | "primary-only" | "next-smallest";

/** Starts an in-memory matrix for a campaign; append responses as they arrive. */
export function createResponseMatrix(input: ReleaseInput, rows: Iterable<ResponseRow> = []) {
  const matrix = new ResponseMatrix(buildUnitTree(input.organisationId, input.units), input.items);
  for (const row of rows) matrix.append(row);
  return matrix;
}

/**
 * Builds the audited release of a campaign: counts every declared group, hides groups under
 * k, unanimous sensitive distributions and whatever else the LP audit needs hidden, and
 * returns only publishable figures.
 */
export function buildRelease(
  highs: Highs,
  matrix: ResponseMatrix,
  input: ReleaseInput,
  {
    strategy = "audited",
    itemAudit = true,
    itemLp = false,
    itemLpLargeFrom,
    itemLpWork,
    alsoHide = new Set(),
    known,
    least,
  }: {
    strategy?: SuppressionStrategy;
    /**
     * Audit every question's option counts as linked tables too (issue 16). Off only to show,
     * in tests and the bench, what the group-size audit alone leaves derivable.
     */
    itemAudit?: boolean;
    /**
     * Also check by LP (HiGHS) what the item audit's bound tightening leaves open, so that
     * nothing an LP derives leaks either (item-lp.ts, large systems in item-lp-whole.ts), within
     * a work budget per question past which the question is withheld. Off by default; the server
     * turns it on for every release it may serve (build-sequenced-release.ts runs it once per
     * release, after the hold-back rounds): on the demo's diagnose-2020 it hides about 2,400 of
     * 21,500 answer distributions against about 2,100 and withholds 0–1 questions, but takes
     * about 24 s of CPU against 2, and the 100k × 40 bench's release 7–10 s against 1.6 (see
     * README). Recorded in the release as `audit.itemLp`.
     */
    itemLp?: boolean;
    /** Tests only: from how many unknowns the LP stage treats a system as large. */
    itemLpLargeFrom?: number;
    /** Tests only: the LP stage's work budget per question (`ITEM_LP_WORK_PER_QUESTION`). */
    itemLpWork?: number;
    /**
     * Groups to hide from the start (as "protects a small group"; only groups of k or more,
     * smaller ones are hidden anyway): the sequence audit asks for them when their change
     * since a release already shown would tell about the newcomers.
     */
    alsoHide?: ReadonlySet<string>;
    /**
     * Groups at the least size the reader allows (the sequence: unchanged since a shown release
     * published them): not counted on to protect others (see protectCells).
     */
    known?: ReadonlySet<string>;
    /**
     * The least count a reader allows per group from elsewhere (the sequence: what the shown
     * releases tell, counts never going down): the protection's own audit applies it, so it
     * sees hidden ranges as narrow as that reader does.
     */
    least?: ReadonlyMap<string, number>;
  } = {},
): Release {
  if (!Number.isInteger(input.k) || input.k < 3) throw new Error("k must be an integer ≥ 3.");
  const { tree, items } = matrix;
  const crosses = input.crosses ?? [];
  const space = filterSpace(items, crosses);
  const counts = aggregateCounts(matrix, space);
  const knownHeadcounts = usableHeadcounts(input.knownHeadcounts ?? {}, tree, counts);
  const describe = describeFilters(counts, items);
  const groupId = (cell: GroupCell) =>
    formatGroupId(tree.ids[cell.node] as string, cell.part, describe(cell.filter));
  const { model, cells, cellOf } = releaseCells(tree, counts, {
    k: input.k,
    headcounts: knownHeadcounts,
    previouslyHidden: input.previouslyHidden ?? new Set(),
    groupId,
  });
  if (alsoHide.size > 0) {
    cells.forEach((cell, index) => {
      if ((model.n[index] as number) >= input.k && alsoHide.has(groupId(cell)))
        model.hidden[index] = "secondary";
    });
  }
  const knownCells = known && new Uint8Array(model.n.length);
  if (known && knownCells)
    cells.forEach((cell, index) => {
      if ((model.n[index] as number) >= input.k && known.has(groupId(cell))) knownCells[index] = 1;
    });
  if (least && least.size > 0)
    model.lower = cells.map((cell, index) =>
      Math.min(least.get(groupId(cell)) ?? 0, model.n[index] as number),
    );
  let outcome = { rounds: 0, solves: 0 };
  let organisationOnly = organisationOnlyByDesign(input);
  if (!organisationOnly) {
    try {
      if (strategy === "primary-only") suppressPrimaryOnly(model);
      else if (strategy === "next-smallest") suppressNextSmallest(model);
      else
        outcome = protectCells(
          highs,
          model,
          unanimousRows(model),
          knownCells ? { known: knownCells } : {},
        );
    } catch (error) {
      if (!(error instanceof UnprotectableReleaseError)) throw error;
      // Too few respondents to publish any breakdown safely.
      organisationOnly = true;
    }
  }
  if (organisationOnly) {
    // Only the organisation as a whole: its own size is all that can still be hidden.
    model.hidden.fill(null);
    applyPrimarySuppression({ ...model, equations: [] });
  }
  const root = cellOf({ node: 0, part: PART_ALL, filter: 0 });
  const inRelease = (cell: number) => !organisationOnly || cell === root;
  const published = (cell: number) => inRelease(cell) && model.hidden[cell] === null;
  const {
    items: itemsByCell,
    itemRounds,
    itemLpSolves,
    itemLpWithheld,
  } = publishItems({
    counts,
    cells,
    model,
    items,
    published,
    itemAudit:
      itemAudit && !organisationOnly && strategy === "audited"
        ? {
            model,
            cells,
            tree,
            space,
            cellOf,
            ...(itemLp ? { highs, lpLargeFrom: itemLpLargeFrom, lpWork: itemLpWork, matrix } : {}),
            ...(input.questionAuditor ? { auditor: input.questionAuditor } : {}),
          }
        : null,
  });

  const groups: ReleaseGroup[] = cells.flatMap((cell, index) => {
    if (!inRelease(index)) return [];
    const reason = model.hidden[index];
    const n: Figure = reason ? { hidden: reason } : { value: model.n[index] as number };
    return [
      {
        id: groupId(cell),
        unitId: tree.ids[cell.node] as string,
        part: cell.part === PART_ALL ? ("all" as const) : ("direct" as const),
        filters: describe(cell.filter),
        n,
        items: reason ? [] : (itemsByCell.get(index) ?? []),
      },
    ];
  });
  const hiddenCount = (reason: string) =>
    model.hidden.filter((r, cell) => r === reason && inRelease(cell)).length;
  return {
    k: input.k,
    units: tree.ids.map((id, node) => ({
      id,
      parentId: node === 0 ? null : (tree.ids[tree.parent[node] as number] as string),
    })),
    dimensions: space.dimensions.map((item, d) => ({
      key: (items[item] as ItemSpec).key,
      values: Array.from({ length: dimensionWidth(counts, d) }, (_, v) =>
        valueName(items[item], v),
      ),
    })),
    crosses: crosses.map(([a, b]) => [a, b]),
    knownHeadcounts,
    groups,
    comments: publishComments({
      matrix,
      counts,
      k: input.k,
      published: (node) => published(cellOf({ node, part: PART_ALL, filter: 0 })),
    }),
    audit: {
      cells: groups.length,
      organisationOnly,
      ...(input.openLink ? { openLink: true } : {}),
      ...(input.whileOpen ? { whileOpen: true } : {}),
      hiddenPrimary: hiddenCount("primary"),
      hiddenSecondary: hiddenCount("secondary"),
      hiddenUnanimity: hiddenCount("unanimity"),
      lpSolves: outcome.solves,
      rounds: outcome.rounds,
      ...itemLoss(groups),
      itemRounds,
      itemLpSolves,
      itemLpWithheld,
      ...(itemLp ? { itemLp: true } : {}),
    },
  };
}

/** The input asks for the organisation as a whole only (open link, or still open). */
export function organisationOnlyByDesign(input: ReleaseInput): boolean {
  return input.openLink === true || input.whileOpen === true;
}

/** How many answer distributions the published groups could show, and how many are hidden. */
function itemLoss(groups: ReleaseGroup[]) {
  let itemCells = 0;
  let itemsHidden = 0;
  let answersHidden = 0;
  for (const group of groups) {
    if (!("value" in group.n)) continue;
    for (const item of group.items) {
      itemCells++;
      if (!("hidden" in item)) continue;
      itemsHidden++;
      answersHidden += group.n.value;
    }
  }
  return { itemCells, itemsHidden, answersHidden };
}

/** "unit/part" followed by "/dimension=value" per filter; "no answer" is an empty value. */
export function formatGroupId(unitId: string, part: number, filters: ReleaseFilter[]): string {
  const head = `${unitId}/${part === PART_ALL ? "all" : "direct"}`;
  return filters.reduce(
    (id, filter) => `${id}/${filter.dimension}=${encodeURIComponent(filter.value ?? "")}`,
    head,
  );
}

function valueName(item: ItemSpec | undefined, value: number): ReleaseValue {
  if (!item || item.kind === "text" || value === 0) return null;
  return String(item.options[value - 1]);
}

/** Group filters as the release names them (dimension keys and option values). */
export function describeFilters(counts: Counts, items: ItemSpec[]) {
  const described = counts.space.filters.map((filter) =>
    filter.dims.map(({ item, value }) => ({
      dimension: (items[item] as ItemSpec).key,
      value: valueName(items[item], value),
    })),
  );
  return (filter: number): ReleaseFilter[] => described[filter] ?? [];
}

/**
 * Partitions in which all or all but one respondent share one value: a published group's
 * split by a dimension (and, at the root, the rows and columns of each cross). Publishing
 * them would tell every member's answer; they are hidden whole.
 */
function unanimousRows(model: CellModel): number[][] {
  return model.equations
    .filter(({ total, parts, partition }) => {
      const size = model.n[total] as number;
      if (!partition || size < model.k) return false;
      return Math.max(...parts.map((part) => model.n[part] as number)) >= size - 1;
    })
    .map(({ parts }) => parts);
}

/**
 * Known headcounts an attacker can use as caps: a headcount below the unit's own respondents
 * (staff who joined after its reference date took part) is no cap at all, and would leave the
 * LP audit without a solution.
 */
function usableHeadcounts(
  known: Record<string, number>,
  tree: ResponseMatrix["tree"],
  counts: Counts,
): Record<string, number> {
  const filters = counts.space.filters.length;
  return Object.fromEntries(
    Object.entries(known).filter(([unitId, count]) => {
      const node = tree.indexOf.get(unitId);
      return node !== undefined && count >= (counts.subtreeN[node * filters] as number);
    }),
  );
}
