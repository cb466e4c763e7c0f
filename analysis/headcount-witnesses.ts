import type { UnitTree } from "./unit-tree";

/**
 * Witness directions for headcount tables, in people: a person of one type (job level, one
 * value per dimension) at one place (a unit without sub-units, or the staff "directly in" a
 * unit) is counted by a fixed set of cells, its place and every unit above it, per level and
 * category as listed. Any sum of such people balances every equation of the tables, so
 * - a move (one person of a type leaves one place for another), or
 * - a swap (at one place a person changes type, at another place one changes back)
 * changes the counts along the two paths up to where they meet and nowhere else. A direction
 * whose cells are all hidden is a candidate witness; `witnessRanges` still checks every point
 * against the whole equation list.
 */
export interface HeadcountCellGrid {
  tree: UnitTree;
  /** Levels + 1 (0 is all levels). */
  levels: number;
  /** Category slots per dimension (slot 0 is everyone). */
  dimensionSlots: readonly (readonly number[])[];
  /** The cell index of (node, part 0 all / 1 direct, level, slot), or −1 when not listed. */
  at: (node: number, part: number, level: number, slot: number) => number;
  /** Per cell: node, part, level, slot. */
  node: Int32Array;
  part: Int8Array;
  level: Int32Array;
  slot: Int32Array;
  /** Whether a node has a "directly in the unit" part. */
  hasDirect: (node: number) => boolean;
}

/**
 * A place as one number, `node * 2 + part` (−1: none): the search makes a few per attempt, and
 * as objects they were most of its garbage.
 */
const NONE = -1;

function placeOf(node: number, part: number): number {
  return node * 2 + part;
}

/**
 * Appends the places counting a person at `place` to `search.pathNode`/`pathPart`, up to (not
 * including) the unit `stop`.
 */
function pathUp(search: Search, place: number, stop: number): void {
  const { pathNode, pathPart } = search;
  const parent = search.grid.tree.parent;
  const start = place >> 1;
  if ((place & 1) === 1) {
    pathNode.push(start);
    pathPart.push(1);
  }
  for (let node = start; node !== stop && node >= 0; node = parent[node] as number) {
    pathNode.push(node);
    pathPart.push(0);
    if (node === 0) break;
  }
}

/**
 * Adds `step` to `d` for each cell along the path's places `from` to `to` counting a person of
 * one level (never 0) and one value per dimension (distinct slots, never 0), dropping cells that
 * come back to 0. Levels 0 and `level`, slots 0 and `values`, in that order: each cell once, since
 * `at` gives distinct cells to distinct places, levels and slots.
 */
function addCounted(
  d: Map<number, number>,
  search: Search,
  from: number,
  to: number,
  level: number,
  values: readonly number[],
  step: number,
): void {
  const { grid, pathNode, pathPart } = search;
  for (let at = from; at < to; at++) {
    const node = pathNode[at] as number;
    const part = pathPart[at] as number;
    for (let l = 0; l < 2; l++) {
      for (let v = -1; v < values.length; v++) {
        const cell = grid.at(node, part, l === 0 ? 0 : level, v < 0 ? 0 : (values[v] as number));
        if (cell < 0) continue;
        const next = (d.get(cell) ?? 0) + step;
        if (next === 0) d.delete(cell);
        else d.set(cell, next);
      }
    }
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What one search for directions needs at every step (no closure per call or attempt). */
interface Search {
  grid: HeadcountCellGrid;
  random: () => number;
  movable: (cell: number) => boolean;
  /** Scratch for `pickFitting`: the places that fit. */
  fit: number[];
  /** Scratch for the attempt's path: its places' nodes and parts, `here`'s first (see `pathUp`). */
  pathNode: number[];
  pathPart: number[];
}

/** Whether a person of level `l` and slot `s` at a place may be moved (its cell free or unlisted). */
function ok(search: Search, node: number, part: number, l: number, s: number): boolean {
  const c = search.grid.at(node, part, l, s);
  return c < 0 || search.movable(c);
}

/** Whether `ok` holds at every place of the attempt's path. */
function okAll(search: Search, l: number, s: number): boolean {
  const { pathNode, pathPart } = search;
  for (let at = 0; at < pathNode.length; at++) {
    if (!ok(search, pathNode[at] as number, pathPart[at] as number, l, s)) return false;
  }
  return true;
}

/**
 * One place, chosen at random among those that are `ok` for level `l` and slot `s`: the
 * units `kids` but `skip` (their whole count), then, when `direct` is not NONE, the staff directly
 * in that unit. None fits: NONE.
 */
function pickFitting(
  search: Search,
  kids: readonly number[],
  skip: number,
  direct: number,
  l: number,
  s: number,
): number {
  const { fit } = search;
  fit.length = 0;
  for (const kid of kids) {
    if (kid !== skip && ok(search, kid, 0, l, s)) fit.push(placeOf(kid, 0));
  }
  if (direct !== NONE && ok(search, direct, 1, l, s)) fit.push(placeOf(direct, 1));
  if (fit.length === 0) return NONE;
  return fit[Math.floor(search.random() * fit.length)] as number;
}

/** A place under `top` (a unit without sub-units, or the staff directly in one) fit for `l`, `s`. */
function placeBelow(search: Search, top: number, l: number, s: number): number {
  const { grid } = search;
  let at = top;
  for (;;) {
    const kids = grid.tree.children[at] ?? [];
    if (kids.length === 0) return placeOf(at, 0);
    const pick = pickFitting(search, kids, NONE, grid.hasDirect(at) ? at : NONE, l, s);
    if (pick === NONE || (pick & 1) === 1) return pick;
    at = pick >> 1;
  }
}

/**
 * Per dimension, the first value slot that fits level `a` and level `b` along the path: `slot`
 * itself in its own dimension, the other dimensions' slots in random order.
 */
function pickValues(search: Search, slot: number, a: number, b: number): number[] | undefined {
  const values: number[] = [];
  for (const slots of search.grid.dimensionSlots) {
    const choice = slots.includes(slot) ? [slot] : shuffled(slots, search.random);
    const found = choice.find((v) => okAll(search, a, v) && okAll(search, b, v));
    if (found === undefined) return undefined;
    values.push(found);
  }
  return values;
}

/**
 * Up to `tries` candidate directions (cell → step) that change `cell`: moves and swaps between
 * a place counted by it and a place that is not, meeting a few units up, choosing places,
 * levels and values whose cells are `movable` (hidden, free) where there is a choice. Made one
 * at a time, as the caller asks: the first one or two usually prove the cell, and making all
 * of them up front was most of the witness search's time. The helpers are module functions:
 * closures made per call and attempt (each also named as it is made under tsx, which runs the
 * server) took two thirds of it.
 */
export function* personDirections(
  grid: HeadcountCellGrid,
  cell: number,
  random: () => number,
  tries: number,
  movable: (cell: number) => boolean,
): Generator<Map<number, number>, void, undefined> {
  const search: Search = { grid, random, movable, fit: [], pathNode: [], pathPart: [] };
  const levels = Array.from({ length: grid.levels - 1 }, (_, i) => i + 1);
  for (let attempt = 0; attempt < tries; attempt++) {
    const d = personDirection(search, cell, levels);
    if (d?.has(cell)) yield d;
  }
}

/**
 * One attempt of `personDirections`: a direction, or undefined when no place or type fits. A
 * function of its own: as the generator's body, every recompile of it (a branch first taken
 * at a later date) compiled the generator's machinery and the whole search again.
 */
function personDirection(
  search: Search,
  cell: number,
  levels: readonly number[],
): Map<number, number> | undefined {
  const { grid, random, pathNode, pathPart } = search;
  const node = grid.node[cell] as number;
  const part = grid.part[cell] as number;
  const level = grid.level[cell] as number;
  const slot = grid.slot[cell] as number;
  const parent = grid.tree.parent;
  const swap = (level > 0 || slot > 0) && random() < 0.6;
  const changeLevel = swap && level > 0 && (slot === 0 || random() < 0.5);
  // Totals must move for a move; only the changed level or value for a swap.
  const fitLevel = swap && changeLevel ? level : 0;
  const fitSlot = swap && !changeLevel ? slot : 0;
  const here = part === 1 ? placeOf(node, 1) : placeBelow(search, node, fitLevel, fitSlot);
  if (here === NONE) return undefined;
  let meet = part === 1 ? node : node === 0 ? -1 : (parent[node] as number);
  while (meet > 0 && random() < 0.25) meet = parent[meet] as number;
  let there = NONE;
  if (meet >= 0) {
    const hereNode = here >> 1;
    const direct = grid.hasDirect(meet) && !((here & 1) === 1 && hereNode === meet) ? meet : NONE;
    const first = pickFitting(
      search,
      grid.tree.children[meet] ?? [],
      kidAbove(grid, meet, hereNode),
      direct,
      fitLevel,
      fitSlot,
    );
    if (first === NONE) return undefined;
    there = (first & 1) === 1 ? first : placeBelow(search, first >> 1, fitLevel, fitSlot);
    if (there === NONE) return undefined;
  }
  pathNode.length = 0;
  pathPart.length = 0;
  pathUp(search, here, meet);
  const hereEnd = pathNode.length;
  if (there !== NONE) pathUp(search, there, meet);
  const end = pathNode.length;
  const d = new Map<number, number>();
  if (!swap) {
    // One person of a type leaves `there` for `here` (or, for the organisation, joins).
    const l = (level > 0 ? [level] : shuffled(levels, random)).find((l) => okAll(search, l, 0));
    if (l === undefined) return undefined;
    const values = pickValues(search, slot, 0, l);
    if (!values) return undefined;
    addCounted(d, search, 0, hereEnd, l, values, 1);
    addCounted(d, search, hereEnd, end, l, values, -1);
  } else if (changeLevel) {
    const other = shuffled(
      levels.filter((l) => l !== level),
      random,
    ).find((l) => okAll(search, l, 0));
    if (other === undefined) return undefined;
    const values = pickValues(search, slot, level, other);
    if (!values) return undefined;
    addCounted(d, search, 0, hereEnd, level, values, 1);
    addCounted(d, search, 0, hereEnd, other, values, -1);
    addCounted(d, search, hereEnd, end, level, values, -1);
    addCounted(d, search, hereEnd, end, other, values, 1);
  } else {
    const dimension = grid.dimensionSlots.findIndex((slots) => slots.includes(slot));
    const slots = grid.dimensionSlots[dimension] as readonly number[];
    const other = shuffled(
      slots.filter((v) => v !== slot),
      random,
    ).find((v) => okAll(search, 0, v));
    if (other === undefined) return undefined;
    const l = (level > 0 ? [level] : shuffled(levels, random)).find(
      (l) => okAll(search, l, slot) && okAll(search, l, other),
    );
    if (l === undefined) return undefined;
    const values = grid.dimensionSlots.map((s, i) => (i === dimension ? slot : (s[0] as number)));
    const switched = values.map((v, i) => (i === dimension ? other : v));
    addCounted(d, search, 0, hereEnd, l, values, 1);
    addCounted(d, search, 0, hereEnd, l, switched, -1);
    addCounted(d, search, hereEnd, end, l, values, -1);
    addCounted(d, search, hereEnd, end, l, switched, 1);
  }
  return d;
}

/** The child of `top` on the way up from `node` (NONE: `node` is not below `top`). */
function kidAbove(grid: HeadcountCellGrid, top: number, node: number): number {
  const parent = grid.tree.parent;
  for (let at = node; at > 0; at = parent[at] as number) {
    if (parent[at] === top) return at;
  }
  return NONE;
}
