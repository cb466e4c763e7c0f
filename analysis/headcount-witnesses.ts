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
  for (const { node, part } of path) {
    for (const l of [0, level]) {
      for (const slot of [0, ...values]) {
        const cell = grid.at(node, part, l, slot);
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

/**
 * Up to `tries` candidate directions (cell → step) that change `cell`: moves and swaps between
 * a place counted by it and a place that is not, meeting a few units up, choosing places,
 * levels and values whose cells are `movable` (hidden, free) where there is a choice. Made one
 * at a time, as the caller asks: the first one or two usually prove the cell, and making all
 * of them up front was most of the witness search's time.
 */
export function* personDirections(
  grid: HeadcountCellGrid,
  cell: number,
  random: () => number,
  tries: number,
  movable: (cell: number) => boolean,
): Generator<Map<number, number>, void, undefined> {
  const node = grid.node[cell] as number;
  const part = grid.part[cell] as number;
  const level = grid.level[cell] as number;
  const slot = grid.slot[cell] as number;
  const parent = grid.tree.parent;
  const levels = Array.from({ length: grid.levels - 1 }, (_, i) => i + 1);
  const ok = (place: Place, l: number, s: number) => {
    const c = grid.at(place.node, place.part, l, s);
    return c < 0 || movable(c);
  };
  const okAll = (path: Place[], l: number, s: number) => path.every((place) => ok(place, l, s));
  const placeBelow = (top: number, check: (place: Place) => boolean): Place | undefined => {
    let at = top;
    for (;;) {
      const kids = grid.tree.children[at] ?? [];
      if (kids.length === 0) return { node: at, part: 0 };
      const options: Place[] = kids.map((kid) => ({ node: kid, part: 0 }));
      if (grid.hasDirect(at)) options.push({ node: at, part: 1 });
      const fits = options.filter(check);
      if (fits.length === 0) return undefined;
      const pick = fits[Math.floor(random() * fits.length)] as Place;
      if (pick.part === 1) return pick;
      at = pick.node;
    }
  };
  for (let attempt = 0; attempt < tries; attempt++) {
    const swap = (level > 0 || slot > 0) && random() < 0.6;
    const changeLevel = swap && level > 0 && (slot === 0 || random() < 0.5);
    // Totals must move for a move; only the changed level or value for a swap.
    const check = (place: Place) =>
      !swap || ok(place, changeLevel ? level : 0, changeLevel ? 0 : slot);
    const here =
      part === 1
        ? { node, part: 1 }
        : placeBelow(node, (place) => (swap ? check(place) : ok(place, 0, 0)));
    if (!here) continue;
    let meet = part === 1 ? node : node === 0 ? -1 : (parent[node] as number);
    while (meet > 0 && random() < 0.25) meet = parent[meet] as number;
    let there: Place | undefined;
    if (meet >= 0) {
      const options: Place[] = (grid.tree.children[meet] ?? [])
        .filter((kid) => !isAncestor(grid, kid, here.node))
        .map((kid) => ({ node: kid, part: 0 }));
      if (grid.hasDirect(meet) && !(here.part === 1 && here.node === meet)) {
        options.push({ node: meet, part: 1 });
      }
      const fits = options.filter((place) => (swap ? check(place) : ok(place, 0, 0)));
      if (fits.length === 0) continue;
      const first = fits[Math.floor(random() * fits.length)] as Place;
      there =
        first.part === 1
          ? first
          : placeBelow(first.node, (place) => (swap ? check(place) : ok(place, 0, 0)));
      if (!there) continue;
    }
    const pathHere = pathUp(grid, here, meet);
    const pathThere = there ? pathUp(grid, there, meet) : [];
    const path = [...pathHere, ...pathThere];
    const d = new Map<number, number>();
    const add = (cells: number[], step: number) => {
      for (const c of cells) {
        const next = (d.get(c) ?? 0) + step;
        if (next === 0) d.delete(c);
        else d.set(c, next);
      }
    };
    const pickValues = (fits: (slotOf: number) => boolean) => {
      const values: number[] = [];
      for (const slots of grid.dimensionSlots) {
        const choice = slots.includes(slot) ? [slot] : shuffled(slots, random);
        const found = choice.find(fits);
        if (found === undefined) return undefined;
        values.push(found);
      }
      return values;
    };
    if (!swap) {
      // One person of a type leaves `there` for `here` (or, for the organisation, joins).
      const l = (level > 0 ? [level] : shuffled(levels, random)).find((l) => okAll(path, l, 0));
      if (l === undefined) continue;
      const values = pickValues((v) => okAll(path, 0, v) && okAll(path, l, v));
      if (!values) continue;
      add(countedBy(grid, pathHere, l, values), 1);
      if (there) add(countedBy(grid, pathThere, l, values), -1);
    } else if (changeLevel) {
      const other = shuffled(
        levels.filter((l) => l !== level),
        random,
      ).find((l) => okAll(path, l, 0));
      if (other === undefined) continue;
      const values = pickValues((v) => okAll(path, level, v) && okAll(path, other, v));
      if (!values) continue;
      add(countedBy(grid, pathHere, level, values), 1);
      add(countedBy(grid, pathHere, other, values), -1);
      if (there) {
        add(countedBy(grid, pathThere, level, values), -1);
        add(countedBy(grid, pathThere, other, values), 1);
      }
    } else {
      const dimension = grid.dimensionSlots.findIndex((slots) => slots.includes(slot));
      const slots = grid.dimensionSlots[dimension] as readonly number[];
      const other = shuffled(
        slots.filter((v) => v !== slot),
        random,
      ).find((v) => okAll(path, 0, v));
      if (other === undefined) continue;
      const l = (level > 0 ? [level] : shuffled(levels, random)).find(
        (l) => okAll(path, l, slot) && okAll(path, l, other),
      );
      if (l === undefined) continue;
      const values = grid.dimensionSlots.map((s, i) => (i === dimension ? slot : (s[0] as number)));
      const switched = values.map((v, i) => (i === dimension ? other : v));
      add(countedBy(grid, pathHere, l, values), 1);
      add(countedBy(grid, pathHere, l, switched), -1);
      if (there) {
        add(countedBy(grid, pathThere, l, values), -1);
        add(countedBy(grid, pathThere, l, switched), 1);
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
