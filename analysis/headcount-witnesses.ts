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

interface Place {
  node: number;
  part: number;
}

/** The places counting a person at `place`, up to (not including) the unit `stop`. */
function pathUp(grid: HeadcountCellGrid, place: Place, stop: number): Place[] {
  const out: Place[] = [];
  if (place.part === 1) out.push(place);
  for (let node = place.node; node !== stop && node >= 0; node = grid.tree.parent[node] as number) {
    out.push({ node, part: 0 });
    if (node === 0) break;
  }
  return out;
}

/** Cells along `path` counting a person of one level and one value per dimension. */
function countedBy(
  grid: HeadcountCellGrid,
  path: Place[],
  level: number,
  values: number[],
): number[] {
  const out: number[] = [];
  // Levels 0 and `level`, slots 0 and `values`, in that order (no arrays made per place).
  for (const { node, part } of path) {
    for (let l = 0; l < 2; l++) {
      for (let v = -1; v < values.length; v++) {
        const cell = grid.at(node, part, l === 0 ? 0 : level, v < 0 ? 0 : (values[v] as number));
        if (cell >= 0 && !out.includes(cell)) out.push(cell);
      }
    }
  }
  return out;
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
  /** Scratch for `pickFitting`: the places that fit, as node and part. */
  fitNode: number[];
  fitPart: number[];
}

/** Whether a person of level `l` and slot `s` at a place may be moved (its cell free or unlisted). */
function ok(search: Search, node: number, part: number, l: number, s: number): boolean {
  const c = search.grid.at(node, part, l, s);
  return c < 0 || search.movable(c);
}

function okAll(search: Search, path: readonly Place[], l: number, s: number): boolean {
  for (const place of path) if (!ok(search, place.node, place.part, l, s)) return false;
  return true;
}

/**
 * One place, chosen at random among those that are `ok` for level `l` and slot `s`: the
 * units `kids` (their whole count), then, when `direct` is given, the staff directly in that
 * unit. None fits: undefined.
 */
function pickFitting(
  search: Search,
  kids: readonly number[],
  direct: number | undefined,
  l: number,
  s: number,
): Place | undefined {
  const { fitNode, fitPart } = search;
  fitNode.length = 0;
  fitPart.length = 0;
  for (const kid of kids) {
    if (!ok(search, kid, 0, l, s)) continue;
    fitNode.push(kid);
    fitPart.push(0);
  }
  if (direct !== undefined && ok(search, direct, 1, l, s)) {
    fitNode.push(direct);
    fitPart.push(1);
  }
  if (fitNode.length === 0) return undefined;
  const at = Math.floor(search.random() * fitNode.length);
  return { node: fitNode[at] as number, part: fitPart[at] as number };
}

/** A place under `top` (a unit without sub-units, or the staff directly in one) fit for `l`, `s`. */
function placeBelow(search: Search, top: number, l: number, s: number): Place | undefined {
  const { grid } = search;
  let at = top;
  for (;;) {
    const kids = grid.tree.children[at] ?? [];
    if (kids.length === 0) return { node: at, part: 0 };
    const pick = pickFitting(search, kids, grid.hasDirect(at) ? at : undefined, l, s);
    if (!pick || pick.part === 1) return pick;
    at = pick.node;
  }
}

/**
 * Per dimension, the first value slot that fits level `a` and level `b` along `path`: `slot`
 * itself in its own dimension, the other dimensions' slots in random order.
 */
function pickValues(
  search: Search,
  path: readonly Place[],
  slot: number,
  a: number,
  b: number,
): number[] | undefined {
  const values: number[] = [];
  for (const slots of search.grid.dimensionSlots) {
    const choice = slots.includes(slot) ? [slot] : shuffled(slots, search.random);
    const found = choice.find((v) => okAll(search, path, a, v) && okAll(search, path, b, v));
    if (found === undefined) return undefined;
    values.push(found);
  }
  return values;
}

/** Adds `step` to each of `cells` in `d`, dropping cells that come back to 0. */
function addSteps(d: Map<number, number>, cells: readonly number[], step: number): void {
  for (const c of cells) {
    const next = (d.get(c) ?? 0) + step;
    if (next === 0) d.delete(c);
    else d.set(c, next);
  }
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
  const search: Search = { grid, random, movable, fitNode: [], fitPart: [] };
  const node = grid.node[cell] as number;
  const part = grid.part[cell] as number;
  const level = grid.level[cell] as number;
  const slot = grid.slot[cell] as number;
  const parent = grid.tree.parent;
  const levels = Array.from({ length: grid.levels - 1 }, (_, i) => i + 1);
  for (let attempt = 0; attempt < tries; attempt++) {
    const swap = (level > 0 || slot > 0) && random() < 0.6;
    const changeLevel = swap && level > 0 && (slot === 0 || random() < 0.5);
    // Totals must move for a move; only the changed level or value for a swap.
    const fitLevel = swap && changeLevel ? level : 0;
    const fitSlot = swap && !changeLevel ? slot : 0;
    const here = part === 1 ? { node, part: 1 } : placeBelow(search, node, fitLevel, fitSlot);
    if (!here) continue;
    let meet = part === 1 ? node : node === 0 ? -1 : (parent[node] as number);
    while (meet > 0 && random() < 0.25) meet = parent[meet] as number;
    let there: Place | undefined;
    if (meet >= 0) {
      const kids = (grid.tree.children[meet] ?? []).filter(
        (kid) => !isAncestor(grid, kid, here.node),
      );
      const direct =
        grid.hasDirect(meet) && !(here.part === 1 && here.node === meet) ? meet : undefined;
      const first = pickFitting(search, kids, direct, fitLevel, fitSlot);
      if (!first) continue;
      there = first.part === 1 ? first : placeBelow(search, first.node, fitLevel, fitSlot);
      if (!there) continue;
    }
    const pathHere = pathUp(grid, here, meet);
    const pathThere = there ? pathUp(grid, there, meet) : [];
    const path = [...pathHere, ...pathThere];
    const d = new Map<number, number>();
    if (!swap) {
      // One person of a type leaves `there` for `here` (or, for the organisation, joins).
      const l = (level > 0 ? [level] : shuffled(levels, random)).find((l) =>
        okAll(search, path, l, 0),
      );
      if (l === undefined) continue;
      const values = pickValues(search, path, slot, 0, l);
      if (!values) continue;
      addSteps(d, countedBy(grid, pathHere, l, values), 1);
      if (there) addSteps(d, countedBy(grid, pathThere, l, values), -1);
    } else if (changeLevel) {
      const other = shuffled(
        levels.filter((l) => l !== level),
        random,
      ).find((l) => okAll(search, path, l, 0));
      if (other === undefined) continue;
      const values = pickValues(search, path, slot, level, other);
      if (!values) continue;
      addSteps(d, countedBy(grid, pathHere, level, values), 1);
      addSteps(d, countedBy(grid, pathHere, other, values), -1);
      if (there) {
        addSteps(d, countedBy(grid, pathThere, level, values), -1);
        addSteps(d, countedBy(grid, pathThere, other, values), 1);
      }
    } else {
      const dimension = grid.dimensionSlots.findIndex((slots) => slots.includes(slot));
      const slots = grid.dimensionSlots[dimension] as readonly number[];
      const other = shuffled(
        slots.filter((v) => v !== slot),
        random,
      ).find((v) => okAll(search, path, 0, v));
      if (other === undefined) continue;
      const l = (level > 0 ? [level] : shuffled(levels, random)).find(
        (l) => okAll(search, path, l, slot) && okAll(search, path, l, other),
      );
      if (l === undefined) continue;
      const values = grid.dimensionSlots.map((s, i) => (i === dimension ? slot : (s[0] as number)));
      const switched = values.map((v, i) => (i === dimension ? other : v));
      addSteps(d, countedBy(grid, pathHere, l, values), 1);
      addSteps(d, countedBy(grid, pathHere, l, switched), -1);
      if (there) {
        addSteps(d, countedBy(grid, pathThere, l, values), -1);
        addSteps(d, countedBy(grid, pathThere, l, switched), 1);
      }
    }
    if (d.has(cell)) yield d;
  }
}

function isAncestor(grid: HeadcountCellGrid, ancestor: number, node: number): boolean {
  for (let at = node; at >= 0; at = grid.tree.parent[at] as number) {
    if (at === ancestor) return true;
    if (at === 0) return false;
  }
  return false;
}
