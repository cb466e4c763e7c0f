import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateCounts, type Counts, filterSpace } from "../../analysis/aggregate-counts";
import { createResponseMatrix } from "../../analysis/build-release";
import { applyPrimarySuppression, cellBounds, equationsByCell } from "../../analysis/cell-model";
import { MemberMoves } from "../../analysis/item-moves";
import { AnswerSwaps, respondentAtoms } from "../../analysis/item-swaps";
import { type GroupCell, PART_ALL, releaseCells } from "../../analysis/release-cells";
import type { ItemSpec, ResponseRow } from "../../analysis/types";
import { type RandomCampaign, randomCampaign } from "./random-campaign";

// The item audit's integer witnesses (item-swaps.ts, item-moves.ts) claim that a different data
// set shows the attacker exactly the same figures. These tests build that data set — the rows
// with the answers swapped or the background values moved — count it again from scratch with
// `aggregateCounts`, and compare every published figure: a witness accepted without checking
// one group or one equation makes them fail.

interface Setup {
  campaign: RandomCampaign;
  counts: Counts;
  cells: GroupCell[];
  cellOf: (cell: GroupCell) => number;
  model: ReturnType<typeof releaseCells>["model"];
  published: (cell: number) => boolean;
}

function setUp(campaign: RandomCampaign, random: () => number): Setup {
  const { input, rows } = campaign;
  const matrix = createResponseMatrix(input, rows);
  const space = filterSpace(input.items, input.crosses ?? []);
  const counts = aggregateCounts(matrix, space);
  const { model, cells, cellOf } = releaseCells(matrix.tree, counts, {
    k: input.k,
    headcounts: input.knownHeadcounts ?? {},
    previouslyHidden: new Set(),
    groupId: (cell) => `${cell.node}/${cell.part}/${cell.filter}`,
  });
  applyPrimarySuppression(model);
  // Some larger groups hidden too, as the size audit would (any pattern will do here).
  model.n.forEach((n, cell) => {
    if (model.hidden[cell] === null && n >= model.k && random() < 0.15)
      model.hidden[cell] = "secondary";
  });
  return {
    campaign,
    counts,
    cells,
    cellOf,
    model,
    published: (cell) => model.hidden[cell] === null,
  };
}

/** Every cell's size and one question's counts, counted again from (changed) rows. */
function recount(setup: Setup, rows: ResponseRow[], offset: number, slots: number) {
  const { input } = setup.campaign;
  const counts = aggregateCounts(createResponseMatrix(input, rows), setup.counts.space);
  const F = counts.space.filters.length;
  const S = counts.space.slots;
  return setup.cells.map(({ node, part, filter }) => {
    const base = node * F + filter;
    const n = part === PART_ALL ? counts.subtreeN[base] : counts.attachedN[base];
    const source = part === PART_ALL ? counts.subtree : counts.attached;
    return {
      n: n as number,
      answers: Array.from(source.subarray(base * S + offset, base * S + offset + slots)),
    };
  });
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A respondent's answer as the matrix stores it: option index + 1, or the ticked bitmask. */
function answerOf(spec: ItemSpec, row: ResponseRow): number {
  if (spec.kind === "text") return 0;
  const value = row.answers[spec.key];
  if (spec.kind === "single") return spec.options.indexOf(value as never) + 1;
  let mask = 0;
  for (const option of Array.isArray(value) ? value : [])
    mask |= 1 << spec.options.indexOf(option as never);
  return mask;
}

const ticks = (spec: ItemSpec, answer: number, slot: number) =>
  spec.kind === "single"
    ? answer === slot
    : slot === 0
      ? answer === 0
      : (answer & (1 << (slot - 1))) !== 0;

describe("the item audit's integer witnesses", () => {
  it("answer swaps: where they claim a count can move, swapping two respondents' answers moves it and no shown figure changes", () => {
    fc.assert(
      fc.property(randomCampaign(400), fc.integer(), (campaign, seed) => {
        const random = seeded(seed);
        const setup = setUp(campaign, random);
        const { input, rows } = campaign;
        const matrix = createResponseMatrix(input, rows);
        const atoms = respondentAtoms(matrix, setup.counts.space, setup.cells.length, setup.cellOf);
        for (const { item, offset, slots } of setup.counts.space.counted) {
          const spec = input.items[item] as ItemSpec;
          // Answers shown for most published groups, hidden for a few.
          const hiddenAnswers = new Set(
            setup.cells.flatMap((_, cell) => (random() < 0.2 ? [cell] : [])),
          );
          const shown = (cell: number) => setup.published(cell) && !hiddenAnswers.has(cell);
          const swaps = new AnswerSwaps(atoms, item, slots);
          swaps.classify(shown, 0);
          const truth = recount(setup, rows, offset, slots);
          // Which shown groups each respondent is in, from the true counts of one-row data sets
          // would be slow; from the atoms' cells instead, checked against a recount below.
          const shownOf = rows.map((_, r) =>
            [...(atoms.cellsOf[atoms.atomOf[r] as number] ?? [])].filter(shown).join(","),
          );
          const unknown = setup.cells.flatMap((_, cell) =>
            !shown(cell) && (setup.model.n[cell] as number) > 0 ? [cell] : [],
          );
          for (const cell of unknown.slice(0, 6)) {
            const inCell = new Set(atoms.atomsOf[cell] ?? []);
            const { down } = swaps.reach(cell);
            for (let slot = 0; slot < slots; slot++) {
              // Brute force over pairs: someone in the cell who gave the answer, someone outside
              // who did not, in exactly the same shown groups.
              let pair: [number, number] | undefined;
              for (let a = 0; a < rows.length && !pair; a++) {
                if (!inCell.has(atoms.atomOf[a] as number)) continue;
                if (!ticks(spec, answerOf(spec, rows[a] as ResponseRow), slot)) continue;
                for (let b = 0; b < rows.length; b++) {
                  if (inCell.has(atoms.atomOf[b] as number)) continue;
                  if (ticks(spec, answerOf(spec, rows[b] as ResponseRow), slot)) continue;
                  if (shownOf[a] !== shownOf[b]) continue;
                  pair = [a, b];
                  break;
                }
              }
              expect((down[slot] as number) >= 1).toBe(pair !== undefined);
              if (!pair) continue;
              const [a, b] = pair;
              const changed = rows.map((row) => ({ ...row, answers: { ...row.answers } }));
              const rowA = changed[a] as ResponseRow;
              const rowB = changed[b] as ResponseRow;
              [rowA.answers[spec.key], rowB.answers[spec.key]] = [
                rowB.answers[spec.key],
                rowA.answers[spec.key],
              ];
              const after = recount(setup, changed, offset, slots);
              after.forEach((figures, other) => {
                expect(figures.n).toBe(truth[other]?.n);
                if (shown(other)) expect(figures.answers).toEqual(truth[other]?.answers);
              });
              expect(after[cell]?.answers[slot]).toBe((truth[cell]?.answers[slot] as number) - 1);
            }
          }
        }
      }),
      { numRuns: 25, seed: 1616 },
    );
  }, 120_000);

  it("move cycles: moving the two respondents' background values puts someone in the empty group and keeps every published size, every reason's bounds and every shown answer", () => {
    let cyclesChecked = 0;
    fc.assert(
      fc.property(randomCampaign(400), fc.integer(), (campaign, seed) => {
        const random = seeded(seed);
        const setup = setUp(campaign, random);
        const { input, rows } = campaign;
        const matrix = createResponseMatrix(input, rows);
        const atoms = respondentAtoms(matrix, setup.counts.space, setup.cells.length, setup.cellOf);
        const moves = new MemberMoves(
          atoms,
          setup.model,
          setup.published,
          setup.counts.space,
          setup.cells,
          setup.cellOf,
          equationsByCell(setup.model),
          matrix.tree,
        );
        const dimensionKeys = setup.counts.space.dimensions.map(
          (item) => (input.items[item] as ItemSpec).key,
        );
        const { offset, slots } = setup.counts.space.counted[0] as {
          offset: number;
          slots: number;
        };
        const truth = recount(setup, rows, offset, slots);
        const empty = setup.cells.flatMap((_, cell) =>
          setup.model.hidden[cell] !== null && setup.model.n[cell] === 0 ? [cell] : [],
        );
        for (const cell of empty.slice(0, 8)) {
          for (const { into, back, dimension, value, from } of moves.cyclesInto(cell)) {
            // Two respondents with the same answer to the first question if there are, so
            // that its shown counts must stay as they were too.
            const question = input.items[setup.counts.space.counted[0]?.item as number] as ItemSpec;
            const answer = (row: number) => answerOf(question, rows[row] as ResponseRow);
            const candidates = (atoms.rowsOf[into] ?? []).flatMap((r) =>
              (atoms.rowsOf[back] ?? []).flatMap((b) => (answer(r) === answer(b) ? [[r, b]] : [])),
            );
            const sameAnswer = candidates.length > 0;
            const [r, rBack] = (candidates[0] ?? [
              atoms.rowsOf[into]?.[0],
              atoms.rowsOf[back]?.[0],
            ]) as [number, number];
            const changed = rows.map((row) => ({ ...row, answers: { ...row.answers } }));
            const key = dimensionKeys[dimension] as string;
            const set = (row: ResponseRow, v: number) => {
              if (v === 0) delete row.answers[key];
              else row.answers[key] = `v${v - 1}`;
            };
            set(changed[r] as ResponseRow, value);
            set(changed[rBack] as ResponseRow, from);
            const after = recount(setup, changed, offset, slots);
            after.forEach((figures, other) => {
              if (setup.published(other)) {
                expect(figures.n).toBe(truth[other]?.n);
                if (sameAnswer) expect(figures.answers).toEqual(truth[other]?.answers);
                return;
              }
              const { lower, upper } = cellBounds(setup.model, other);
              expect(figures.n).toBeGreaterThanOrEqual(lower);
              expect(figures.n).toBeLessThanOrEqual(upper);
            });
            expect(after[cell]?.n).toBeGreaterThanOrEqual(1);
            cyclesChecked++;
          }
        }
      }),
      { numRuns: 25, seed: 1617 },
    );
    // The property must have had something to check.
    expect(cyclesChecked).toBeGreaterThan(10);
  }, 120_000);
});
