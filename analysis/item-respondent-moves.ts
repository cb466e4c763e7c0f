import type { FilterSpace } from "./aggregate-counts";
import type { LpCheck } from "./item-lp";
import { type DeltaSystem, MoveDeltas } from "./item-move-deltas";
import { type GroupCell, PART_ALL, PART_DIRECT } from "./release-cells";
import type { ResponseMatrix } from "./response-matrix";

/**
 * Where each respondent sits (unit node and breakdown values), with what it takes to list the
 * groups of any such place: plain data, sent to other threads with the item audits' shared data.
 */
export interface RespondentPlaces {
  /** Per respondent, the unit node it belongs to. */
  node: Int32Array;
  /** Respondent × dimension: the breakdown value (option index + 1, 0 = no answer). */
  values: Uint8Array;
  dimensions: number;
  /** The unit tree's parents (−1 at the root). */
  parent: Int32Array;
  filters: number;
  /** (node · 2 + part) · filters + filter → the release's cell, or −1. */
  cellAt: Int32Array;
  dimensionStart: Int32Array;
  /** Per declared cross: its two dimensions, first filter and the second dimension's width. */
  crosses: Int32Array;
}

/** The respondents' places of a release (see RespondentPlaces). */
export function respondentPlaces(
  matrix: ResponseMatrix,
  space: FilterSpace,
  cellOf: (cell: GroupCell) => number,
): RespondentPlaces {
  const { tree } = matrix;
  const F = space.filters.length;
  const D = space.dimensions.length;
  const values = new Uint8Array(matrix.size * D);
  space.dimensions.forEach((item, d) => {
    const column = (matrix.columns[item] as { data: Uint8Array }).data;
    for (let r = 0; r < matrix.size; r++) values[r * D + d] = column[r] as number;
  });
  const cellAt = new Int32Array(tree.ids.length * 2 * F);
  for (let node = 0; node < tree.ids.length; node++)
    for (const part of [PART_ALL, PART_DIRECT] as const)
      for (let filter = 0; filter < F; filter++)
        cellAt[(node * 2 + part) * F + filter] = cellOf({ node, part, filter });
  const crosses = space.crosses.flatMap(({ a, b, start }) => {
    const item = matrix.items[b];
    const widthB = item && item.kind !== "text" ? item.options.length + 1 : 1;
    return [space.dimensions.indexOf(a), space.dimensions.indexOf(b), start, widthB];
  });
  return {
    node: Int32Array.from(matrix.node.data.subarray(0, matrix.size)),
    values,
    dimensions: D,
    parent: Int32Array.from(tree.parent),
    filters: F,
    cellAt,
    dimensionStart: Int32Array.from(space.dimensionStart),
    crosses: Int32Array.from(crosses),
  };
}

/** At most how many groups a respondent counts in (the length `cellsOfPlaceInto` needs). */
function placeCellsMost(places: RespondentPlaces): number {
  let depth = 0;
  for (let node = 0; node < places.parent.length; node++) {
    let levels = 1;
    for (let at = places.parent[node] as number; at >= 0; at = places.parent[at] as number)
      levels++;
    depth = Math.max(depth, levels);
  }
  return (depth + 1) * (places.dimensions + 1) + places.crosses.length / 4;
}

/**
 * Writes into `out` the groups (cells) a respondent at `node` with breakdown `values` counts in
 * and returns how many.
 */
function cellsOfPlaceInto(
  places: RespondentPlaces,
  node: number,
  values: ArrayLike<number>,
  out: Int32Array,
): number {
  const { parent, filters: F, cellAt, dimensionStart, dimensions: D, crosses } = places;
  let found = 0;
  for (let at = node; at >= 0; at = parent[at] as number) {
    for (let part = PART_ALL; part <= PART_DIRECT; part++) {
      if (part === PART_DIRECT && at !== node) continue;
      const row = (at * 2 + part) * F;
      let cell = cellAt[row] as number;
      if (cell >= 0) out[found++] = cell;
      for (let d = 0; d < D; d++) {
        cell = cellAt[row + (dimensionStart[d] as number) + (values[d] as number)] as number;
        if (cell >= 0) out[found++] = cell;
      }
    }
  }
  for (let c = 0; c < crosses.length; c += 4) {
    const va = values[crosses[c] as number] as number;
    const vb = values[crosses[c + 1] as number] as number;
    const filter = (crosses[c + 2] as number) + va * (crosses[c + 3] as number) + vb;
    const cell = cellAt[PART_ALL * F + filter] as number;
    if (cell >= 0) out[found++] = cell;
  }
  return found;
}

/** One question's system as the item audit built it for a component, for moves to be tried in. */
export interface MoveSystem extends DeltaSystem {
  places: RespondentPlaces;
  /** Per respondent its answer: single choice the slot, multiple choice the options' bitmask. */
  answers: ArrayLike<number>;
  /** Exchanges the question may still try (RESPONDENT_MOVES_PER_QUESTION), drawn down here. */
  budget: { moves: number };
}

/**
 * Campaigns with more respondents get no moves: building their index costs more than the LP
 * stage, which settles them within its budget (the results bench's 100,000 answers: 48.0 s of CPU
 * for the served LP-on release with moves, 6.9 s without, the same figures hidden).
 */
export const RESPONDENT_MOVES_MAX_RESPONDENTS = 5_000;

/**
 * At most this many exchanges are tried per question, over all its rounds (each touches a few
 * dozen cells): on diagnose-2020 as served, 20,000 per pass (every round) tripled the CPU of a
 * release whose questions the LP stage settles anyway.
 */
export const RESPONDENT_MOVES_PER_QUESTION = 20_000;
/** Partners tried per respondent to move, and respondents moved per target group and way in. */
const PARTNERS = 48;
const MOVERS = 24;
/** Respondents looked at for the nearest partners (spread over all). */
const CANDIDATES = 256;

/**
 * Opens checks by points built from real respondents (issue 16), before the LP stage: two
 * respondents exchange one breakdown value, or their answers to the question; one respondent
 * takes another's breakdown value; and pairs of such exchanges whose changes to published
 * figures cancel. Re-assigned real respondents aggregate to integer counts that satisfy every
 * equation of the release, so such a point is a solution of the attacker's system whenever it
 * leaves every published figure as it is; still, each point opens a check only after it passes
 * `satisfiesSystem` against the component's whole system (that is what soundness rests on).
 * Returns the checks (indices into `checks`, among `left`) some point left open. The points are
 * built from real data: they only close the audit's questions, they are never shown or stored.
 */
export function openByRespondentMoves(
  system: MoveSystem,
  checks: LpCheck[],
  owners: number[],
  left: number[],
): number[] {
  if (left.length === 0) return [];
  const { places, answers, published } = system;
  const D = places.dimensions;
  const {
    start,
    cells: memberCells,
    byCell,
    byNode,
    byValue,
    alike,
    place,
    depth,
  } = placesIndex(places);
  const valuesOf = (r: number) => places.values.subarray(r * D, (r + 1) * D);

  const deltas = new MoveDeltas(system, checks, left);
  // r's place with one value changed, and the cells of that place (scratch, reused).
  const movedValues = new Uint8Array(D);
  const moved = new Int32Array(placeCellsMost(places));
  /** Adds or removes r, its dimension d set to v, with `answer`, to or from the change. */
  const addMoved = (r: number, d: number, v: number, answer: number, sign: number) => {
    movedValues.set(valuesOf(r));
    movedValues[d] = v;
    const count = cellsOfPlaceInto(places, places.node[r] as number, movedValues, moved);
    deltas.add(moved, 0, count, answer, sign);
  };
  const addOwn = (r: number, answer: number, sign: number) =>
    deltas.add(memberCells, start[r] as number, start[r + 1] as number, answer, sign);

  let tried = 0;
  const spent = () => tried >= system.budget.moves;
  /**
   * r1 and r2 exchange their value of dimension d (or, with d < 0, their answers). Once every
   * check is open, exchanges are only counted (they still draw down the question's budget).
   */
  const exchange = (r1: number, r2: number, d: number) => {
    if (spent()) return;
    tried++;
    if (deltas.openChecks === 0) return;
    const a1 = answers[r1] as number;
    const a2 = answers[r2] as number;
    addOwn(r1, a1, -1);
    addOwn(r2, a2, -1);
    if (d < 0) {
      addOwn(r1, a2, 1);
      addOwn(r2, a1, 1);
    } else {
      addMoved(r1, d, valuesOf(r2)[d] as number, a1, 1);
      addMoved(r2, d, valuesOf(r1)[d] as number, a2, 1);
    }
    deltas.consider();
  };
  /** r takes value v of dimension d. */
  const relocate = (r: number, d: number, v: number) => {
    if (spent()) return;
    tried++;
    if (deltas.openChecks === 0) return;
    addOwn(r, answers[r] as number, -1);
    addMoved(r, d, v, answers[r] as number, 1);
    deltas.consider();
  };

  /**
   * Whether r1 and r2 can exchange values v and w of dimension d without changing a published
   * size: every group of v or w on the way from each up to the units above both is hidden
   * (above, one gains what the other loses). r1 = r2: r1's own unit's groups of v and w.
   */
  const hiddenPath = (r1: number, r2: number, d: number, v: number, w: number) => {
    const filterOf = (value: number) => (places.dimensionStart[d] as number) + value;
    const hidden = (node: number, part: number) => {
      for (const value of [v, w]) {
        const cell = places.cellAt[(node * 2 + part) * places.filters + filterOf(value)] as number;
        if (cell >= 0 && published(cell)) return false;
      }
      return true;
    };
    // The crosses at the top gain and lose alike only where the two share the values crossed.
    const { crosses } = places;
    for (let c = 0; c < crosses.length; c += 4) {
      const other =
        crosses[c] === d ? crosses[c + 1] : crosses[c + 1] === d ? crosses[c] : undefined;
      if (other !== undefined && valuesOf(r1)[other] !== valuesOf(r2)[other]) return false;
    }
    let a = places.node[r1] as number;
    let b = places.node[r2] as number;
    for (const node of [a, b])
      if (!hidden(node, PART_DIRECT) || !hidden(node, PART_ALL)) return false;
    while (a !== b) {
      if ((depth[a] as number) >= (depth[b] as number)) {
        if (!hidden(a, PART_ALL)) return false;
        a = places.parent[a] as number;
      } else {
        if (!hidden(b, PART_ALL)) return false;
        b = places.parent[b] as number;
      }
    }
    return true;
  };
  const everyone = Array.from(places.node, (_, r) => r);
  const targets = [...new Set(left.map((check) => owners[check] as number))];
  const sameAnswer = (r1: number) => (r2: number) =>
    (answers[r2] as number) === (answers[r1] as number);
  for (const target of targets) {
    if (deltas.openChecks === 0 || spent()) break;
    const where = place.get(target);
    if (!where) continue;
    const inTarget = byCell.get(target) ?? [];
    // Into the group: a respondent of the group's unit part with another value of one of its
    // dimensions takes the group's value, alone or exchanging it with someone elsewhere who
    // has it, answered alike and has the same other values (so that the units above and the
    // crosses lose and gain the same).
    for (const [d, v] of where.dims) {
      if (spent()) break;
      const wider = where.dims.filter(([other]) => other !== d);
      const base = cellAt(places, where.node, where.part, wider);
      if (base < 0) continue;
      // Movers and partners whose groups of the two values are hidden on the way up first
      // (alone, such an exchange changes no published size); the others may pair up.
      const movers = spread(
        (byCell.get(base) ?? []).filter((r) => valuesOf(r)[d] !== v),
        CANDIDATES,
      );
      const own = (r: number) => hiddenPath(r, r, d, v, valuesOf(r)[d] as number);
      const withV = spread(byValue[d]?.[v] ?? [], 4 * CANDIDATES);
      for (const r1 of spread([...movers.filter(own), ...movers.filter((r) => !own(r))], MOVERS)) {
        if (spent()) break;
        relocate(r1, d, v);
        const w = valuesOf(r1)[d] as number;
        const partners = spread(withV.filter(sameAnswer(r1)), CANDIDATES);
        const chosen = new Set([
          ...nearestUnits(places, r1, partners, PARTNERS, (r2) => hiddenPath(r1, r2, d, v, w)),
          ...nearestPlaces(places, r1, partners, PARTNERS),
        ]);
        for (const r2 of chosen) exchange(r1, r2, d);
      }
      // Out of the group: one of its respondents exchanges the value with someone elsewhere.
      const withoutV = spread(
        (byValue[d] ?? []).flatMap((list, value) => (value === v ? [] : list)),
        4 * CANDIDATES,
      );
      for (const r1 of spread(inTarget, MOVERS)) {
        if (spent()) break;
        const partners = spread(withoutV, CANDIDATES);
        const chosen = new Set([
          ...nearestUnits(places, r1, partners.filter(sameAnswer(r1)), PARTNERS, (r2) =>
            hiddenPath(r1, r2, d, v, valuesOf(r2)[d] as number),
          ),
          ...nearestPlaces(places, r1, partners, PARTNERS),
        ]);
        for (const r2 of chosen) exchange(r1, r2, d);
      }
    }
    // Another answer in the group: one of its respondents exchanges answers with someone of
    // the same unit, or with the same values elsewhere, then with whoever is nearest.
    for (const r1 of spread(inTarget, MOVERS)) {
      if (spent()) break;
      const differs = (r2: number) => !sameAnswer(r1)(r2);
      const partners = new Set([
        ...spread(byNode.get(places.node[r1] as number) ?? [], CANDIDATES).filter(differs),
        ...nearestUnits(places, r1, spread(alike(r1), CANDIDATES).filter(differs), PARTNERS),
        ...nearestPlaces(places, r1, spread(everyone, CANDIDATES).filter(differs), PARTNERS),
      ]);
      for (const r2 of [...partners].slice(0, 2 * PARTNERS)) exchange(r1, r2, -1);
    }
  }
  system.budget.moves -= tried;
  return deltas.opened;
}

/** Up to `most` candidates, those whose place is nearest r's first (same unit, fewest values apart). */
function nearestPlaces(places: RespondentPlaces, r: number, candidates: number[], most: number) {
  const D = places.dimensions;
  const distance = (other: number) => {
    let apart = places.node[other] === places.node[r] ? 0 : D + 1;
    for (let d = 0; d < D; d++)
      if (places.values[other * D + d] !== places.values[r * D + d]) apart++;
    return apart;
  };
  return candidates
    .filter((other) => other !== r)
    .map((other) => ({ other, apart: distance(other) }))
    .sort((a, b) => a.apart - b.apart || a.other - b.other)
    .slice(0, most)
    .map(({ other }) => other);
}

/** Up to `most` of a list, spread over it. */
function spread(list: number[], most: number): number[] {
  if (list.length <= most) return list;
  const step = list.length / most;
  return Array.from({ length: most }, (_, i) => list[Math.floor(i * step)] as number);
}

/**
 * Up to `most` candidates from units other than r's: those `first` accepts first, then nearest
 * in the unit order.
 */
function nearestUnits(
  places: RespondentPlaces,
  r: number,
  candidates: number[],
  most: number,
  first: (other: number) => boolean = () => true,
) {
  const node = places.node[r] as number;
  return candidates
    .filter((other) => places.node[other] !== node)
    .map((other) => ({
      other,
      apart: (first(other) ? 0 : 1 << 20) + Math.abs((places.node[other] as number) - node),
    }))
    .sort((a, b) => a.apart - b.apart || a.other - b.other)
    .slice(0, most)
    .map(({ other }) => other);
}

/** The cell of a unit part with the given dimension values (none: the whole part), or −1. */
function cellAt(
  places: RespondentPlaces,
  node: number,
  part: number,
  dims: [number, number][],
): number {
  if (dims.length > 1) return -1;
  const [d, v] = dims[0] ?? [-1, 0];
  const filter = d < 0 ? 0 : (places.dimensionStart[d] as number) + v;
  return places.cellAt[(node * 2 + part) * places.filters + filter] as number;
}

const indexCache = new WeakMap<RespondentPlaces, ReturnType<typeof buildIndex>>();

/** What every question's moves share: built once per release's places. */
function placesIndex(places: RespondentPlaces) {
  let index = indexCache.get(places);
  if (!index) {
    index = buildIndex(places);
    indexCache.set(places, index);
  }
  return index;
}

function buildIndex(places: RespondentPlaces) {
  const count = places.node.length;
  const D = places.dimensions;
  const byNode = new Map<number, number[]>();
  // Respondents by their breakdown values (all of them).
  const byValues = new Map<string, number[]>();
  for (let r = 0; r < count; r++) {
    const node = places.node[r] as number;
    const list = byNode.get(node) ?? [];
    list.push(r);
    byNode.set(node, list);
    const key = valuesKey(places, r);
    const same = byValues.get(key) ?? [];
    same.push(r);
    byValues.set(key, same);
  }
  const byValue: number[][][] = Array.from({ length: D }, () => []);
  for (let r = 0; r < count; r++)
    for (let d = 0; d < D; d++) {
      const v = places.values[r * D + d] as number;
      const lists = byValue[d] as number[][];
      while (lists.length <= v) lists.push([]);
      (lists[v] as number[]).push(r);
    }
  return {
    ...respondentCells(places, count),
    byNode,
    byValue,
    /** The respondents with r's breakdown values (r too). */
    alike: (r: number) => byValues.get(valuesKey(places, r)) ?? [],
    place: cellPlaces(places),
    depth: nodeDepths(places.parent),
  };
}

function nodeDepths(parent: Int32Array): Int32Array {
  const depth = new Int32Array(parent.length);
  const of = (node: number): number => {
    if (node <= 0) return 0;
    if (depth[node] === 0) depth[node] = of(parent[node] as number) + 1;
    return depth[node] as number;
  };
  for (let node = 0; node < parent.length; node++) of(node);
  return depth;
}

function valuesKey(places: RespondentPlaces, r: number): string {
  const D = places.dimensions;
  return places.values.subarray(r * D, (r + 1) * D).join(",");
}

/** Per respondent the cells it counts in (flat), and per cell its respondents. */
function respondentCells(places: RespondentPlaces, count: number) {
  const D = places.dimensions;
  const start = new Int32Array(count + 1);
  const flat: number[] = [];
  const byCell = new Map<number, number[]>();
  const cells = new Int32Array(placeCellsMost(places));
  for (let r = 0; r < count; r++) {
    const found = cellsOfPlaceInto(
      places,
      places.node[r] as number,
      places.values.subarray(r * D, (r + 1) * D),
      cells,
    );
    for (const cell of cells.subarray(0, found)) {
      flat.push(cell);
      const list = byCell.get(cell) ?? [];
      list.push(r);
      byCell.set(cell, list);
    }
    start[r + 1] = flat.length;
  }
  return { start, cells: Int32Array.from(flat), byCell };
}

/** Per cell its unit node, part and dimension values (crosses: both). */
function cellPlaces(places: RespondentPlaces) {
  const { filters: F, dimensionStart, crosses, cellAt: at } = places;
  const D = dimensionStart.length;
  const found = new Map<number, { node: number; part: number; dims: [number, number][] }>();
  for (let index = 0; index < at.length; index++) {
    const cell = at[index] as number;
    if (cell < 0) continue;
    const filter = index % F;
    const part = Math.floor(index / F) % 2;
    const node = Math.floor(index / F / 2);
    const dims: [number, number][] = [];
    let d = D - 1;
    while (d >= 0 && (dimensionStart[d] as number) > filter) d--;
    const crossAt = crosses.length > 0 ? (crosses[2] as number) : F;
    if (filter >= crossAt) {
      for (let c = crosses.length - 4; c >= 0; c -= 4) {
        const first = crosses[c + 2] as number;
        if (filter < first) continue;
        const width = crosses[c + 3] as number;
        dims.push([crosses[c] as number, Math.floor((filter - first) / width)]);
        dims.push([crosses[c + 1] as number, (filter - first) % width]);
        break;
      }
    } else if (filter > 0 && d >= 0) dims.push([d, filter - (dimensionStart[d] as number)]);
    found.set(cell, { node, part, dims });
  }
  return found;
}
