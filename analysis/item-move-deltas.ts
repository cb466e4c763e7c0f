import type { IntegerBounds } from "./item-bounds";
import { type LpCheck, opensCheck } from "./item-lp";
import { POINT_TOLERANCE, satisfiesSystem } from "./item-lp-whole";

/** A cell's role in the known part of a change (what a reader sees of it). */
const UNSEEN = 0;
/** Outside the component and not published: not part of the system. */
const IGNORED = 1;
/** In the component, published: its size is known, its counts are variables. */
const SIZE_KNOWN = 2;
/** In the component, not published: size and counts are variables. */
const UNKNOWN = 3;
/** Outside the component, published: size and counts are known. */
const ALL_KNOWN = 4;

/** Changes of the same known part kept per part, to pair with a later one that cancels them. */
const POOLED_PER_PART = 8;

/** One question's system as the item audit built it for a component. */
export interface DeltaSystem {
  kind: "single" | "multi";
  slots: number;
  bounds: IntegerBounds;
  /** The true value of every variable (a solution). */
  truth: Float64Array;
  /** True sizes and counts (cell × slot) of every cell. */
  n: ArrayLike<number>;
  table: Float64Array;
  /** Per cell of the component its variables (size −1: published, a constant); else undefined. */
  variablesOf: (
    cell: number,
  ) => { size: number; count: number; rest: number; slack: number } | undefined;
  published: (cell: number) => boolean;
}

/** 32-bit weight of a coordinate (cell × width + entry) for the known part's linear hash. */
function weight(coord: number): number {
  let h = Math.imul(coord ^ 0x5bd1e995, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae3d);
  h ^= h >>> 16;
  return h | 1;
}

/**
 * Per-cell arrays shared by every `MoveDeltas` of this thread (one question's moves run at a
 * time): a release has tens of thousands of cells, and a question's audit builds one
 * `MoveDeltas` per component and round. `delta` and `marked` are all zero between changes.
 */
let shared:
  | { delta: Int32Array; marked: Uint8Array; role: Uint8Array; vars: Int32Array; dirty: boolean }
  | undefined;

function sharedArrays(cells: number, width: number) {
  if (!shared || shared.delta.length < cells * width || shared.marked.length < cells)
    shared = {
      delta: new Int32Array(cells * width),
      marked: new Uint8Array(cells),
      role: new Uint8Array(cells),
      vars: new Int32Array(cells * 4),
      dirty: false,
    };
  else if (shared.dirty) {
    // A change was left half built (an error thrown mid-way): start from zero again.
    shared.delta.fill(0);
    shared.marked.fill(0);
  }
  shared.role.fill(UNSEEN, 0, cells);
  shared.dirty = false;
  return shared;
}

/**
 * One change of figures at a time (per cell Δsize, then Δcount per slot), in flat arrays reused
 * from change to change, tried as a point of a question's system. A change whose known part (the
 * figures a reader sees) is not zero is kept, a few per known part, and tried summed with every
 * kept one whose known part cancels it. Known parts are found by a linear hash (the negated part
 * hashes to the negated hash) and compared exactly before use.
 */
export class MoveDeltas {
  /** Checks (indices into the caller's list) some point opened, in the order they opened. */
  readonly opened: number[] = [];
  private readonly width: number;
  private readonly delta: Int32Array;
  private readonly marked: Uint8Array;
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly role: Uint8Array;
  /** Per cell of the component: size, count, rest and slack base variables. */
  private readonly vars: Int32Array;
  private readonly point: Float64Array;
  private changed: Int32Array;
  private changedCount = 0;
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly opens: number[] = [];
  private readonly isOpen: Uint8Array;
  private openCount = 0;
  private readonly checkStart: Int32Array;
  private readonly checkList: Int32Array;
  /** Kept changes: known-part hash → their starts in `kept`. */
  private readonly pool = new Map<number, number[]>();
  /** Per kept change: cell count, known entries, then (cell, its width entries) per cell. */
  private kept = new Int32Array(1 << 14);
  private keptEnd = 0;
  private readonly pointAt = (variable: number) => this.point[variable] as number;
  private readonly arrays: { dirty: boolean };

  constructor(
    private readonly system: DeltaSystem,
    private readonly checks: LpCheck[],
    left: number[],
  ) {
    const cells = system.n.length;
    this.width = system.slots + 1;
    const arrays = sharedArrays(cells, this.width);
    this.arrays = arrays;
    this.delta = arrays.delta;
    this.marked = arrays.marked;
    this.role = arrays.role;
    this.vars = arrays.vars;
    this.touched = new Int32Array(256);
    this.point = Float64Array.from(system.truth);
    this.changed = new Int32Array(256);
    this.seen = new Int32Array(checks.length);
    this.isOpen = new Uint8Array(checks.length);
    for (const check of left) this.isOpen[check] = 1;
    this.openCount = left.length;
    // The remaining checks by the variables their ways test (flat: variable → its checks).
    const variables = system.bounds.size;
    const starts = new Int32Array(variables + 1);
    for (const check of left)
      for (const way of (checks[check] as LpCheck).ways)
        starts[way.variable + 1] = (starts[way.variable + 1] as number) + 1;
    for (let v = 0; v < variables; v++)
      starts[v + 1] = (starts[v + 1] as number) + (starts[v] as number);
    const next = Int32Array.from(starts);
    this.checkStart = starts;
    this.checkList = new Int32Array(starts[variables] as number);
    for (const check of left)
      for (const way of (checks[check] as LpCheck).ways) {
        const at = next[way.variable] as number;
        next[way.variable] = at + 1;
        this.checkList[at] = check;
      }
  }

  /** Checks no point has opened yet. */
  get openChecks(): number {
    return this.openCount;
  }

  /** Adds (sign 1) or removes (−1) a respondent with `answer` to or from `cells[from..to)`. */
  add(cells: Int32Array, from: number, to: number, answer: number, sign: number): void {
    const { width, delta, marked } = this;
    const multi = this.system.kind === "multi";
    for (let i = from; i < to; i++) {
      const cell = cells[i] as number;
      if (marked[cell] === 0) {
        this.arrays.dirty = true;
        this.touch(cell);
      }
      const base = cell * width;
      delta[base] = (delta[base] as number) + sign;
      if (!multi) delta[base + 1 + answer] = (delta[base + 1 + answer] as number) + sign;
      else if (answer === 0) delta[base + 1] = (delta[base + 1] as number) + sign;
      else
        for (let o = 0; o + 1 < this.system.slots; o++)
          if (answer & (1 << o)) delta[base + 2 + o] = (delta[base + 2 + o] as number) + sign;
    }
  }

  /**
   * Tries the change built by `add` (alone if it leaves every known figure as it is, else summed
   * with each kept change that cancels its known part), keeps it, and clears it.
   */
  consider(): void {
    const { width, delta } = this;
    let hash = 0;
    let known = 0;
    for (let t = 0; t < this.touchedCount; t++) {
      const cell = this.touched[t] as number;
      const base = cell * width;
      const kind = this.roleOf(cell);
      if (kind === SIZE_KNOWN) {
        const value = delta[base] as number;
        if (value !== 0) {
          hash = (hash + Math.imul(value, weight(base))) | 0;
          known++;
        }
      } else if (kind === ALL_KNOWN)
        for (let j = 0; j < width; j++) {
          const value = delta[base + j] as number;
          if (value !== 0) {
            hash = (hash + Math.imul(value, weight(base + j))) | 0;
            known++;
          }
        }
    }
    if (known === 0) {
      this.tryPoint();
      this.clear();
      return;
    }
    for (const start of this.pool.get(-hash | 0) ?? []) {
      if (!this.matches(start, known, -1)) continue;
      if (this.openCount === 0) {
        this.clear();
        return;
      }
      const before = this.touchedCount;
      this.addKept(start, 1);
      this.tryPoint();
      this.addKept(start, -1);
      for (let t = before; t < this.touchedCount; t++) this.marked[this.touched[t] as number] = 0;
      this.touchedCount = before;
    }
    const same = this.pool.get(hash);
    let alike = 0;
    for (const start of same ?? []) if (this.matches(start, known, 1)) alike++;
    if (alike < POOLED_PER_PART) {
      const start = this.keep(known);
      if (same) same.push(start);
      else this.pool.set(hash, [start]);
    }
    this.clear();
  }

  private touch(cell: number) {
    if (this.touchedCount === this.touched.length) {
      const grown = new Int32Array(2 * this.touched.length);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.marked[cell] = 1;
    this.touched[this.touchedCount++] = cell;
  }

  private clear() {
    const { width, delta, marked, touched } = this;
    for (let t = 0; t < this.touchedCount; t++) {
      const cell = touched[t] as number;
      marked[cell] = 0;
      delta.fill(0, cell * width, (cell + 1) * width);
    }
    this.touchedCount = 0;
    this.arrays.dirty = false;
  }

  private roleOf(cell: number): number {
    const known = this.role[cell] as number;
    if (known !== UNSEEN) return known;
    const vars = this.system.variablesOf(cell);
    const published = this.system.published(cell);
    let kind: number;
    if (vars) {
      kind = published ? SIZE_KNOWN : UNKNOWN;
      this.vars.set([vars.size, vars.count, vars.rest, vars.slack], cell * 4);
    } else kind = published ? ALL_KNOWN : IGNORED;
    this.role[cell] = kind;
    return kind;
  }

  /** Keeps the current change (its cells that change) and returns where it starts. */
  private keep(known: number): number {
    const { width, delta } = this;
    const need = this.keptEnd + 2 + this.touchedCount * (1 + width);
    if (need > this.kept.length) {
      const grown = new Int32Array(Math.max(need, 2 * this.kept.length));
      grown.set(this.kept.subarray(0, this.keptEnd));
      this.kept = grown;
    }
    const start = this.keptEnd;
    let at = start + 2;
    let cells = 0;
    for (let t = 0; t < this.touchedCount; t++) {
      const cell = this.touched[t] as number;
      const base = cell * width;
      let zero = true;
      for (let j = 0; j < width && zero; j++) if (delta[base + j] !== 0) zero = false;
      if (zero) continue;
      this.kept[at] = cell;
      this.kept.set(delta.subarray(base, base + width), at + 1);
      at += 1 + width;
      cells++;
    }
    this.kept[start] = cells;
    this.kept[start + 1] = known;
    this.keptEnd = at;
    return start;
  }

  /** Whether the kept change at `start` has sign × the current change's known part. */
  private matches(start: number, known: number, sign: number): boolean {
    const { width, delta, kept } = this;
    if (kept[start + 1] !== known) return false;
    const cells = kept[start] as number;
    let at = start + 2;
    for (let c = 0; c < cells; c++, at += 1 + width) {
      const cell = kept[at] as number;
      const kind = this.role[cell];
      const entries = kind === SIZE_KNOWN ? 1 : kind === ALL_KNOWN ? width : 0;
      const base = cell * width;
      for (let j = 0; j < entries; j++) {
        const value = kept[at + 1 + j] as number;
        if (value !== 0 && value !== sign * (delta[base + j] as number)) return false;
      }
    }
    return true;
  }

  private addKept(start: number, sign: number) {
    const { width, delta, kept } = this;
    const cells = kept[start] as number;
    let at = start + 2;
    for (let c = 0; c < cells; c++, at += 1 + width) {
      const cell = kept[at] as number;
      if (this.marked[cell] === 0) this.touch(cell);
      const base = cell * width;
      for (let j = 0; j < width; j++)
        delta[base + j] = (delta[base + j] as number) + sign * (kept[at + 1 + j] as number);
    }
  }

  /** Sets a variable of the point; false (and nothing set) if it leaves its bounds. */
  private set(variable: number, value: number): boolean {
    const { bounds } = this.system;
    if (value < (bounds.lows[variable] as number) - POINT_TOLERANCE) return false;
    if (value > (bounds.highs[variable] as number) + POINT_TOLERANCE) return false;
    if (this.changedCount === this.changed.length) {
      const grown = new Int32Array(2 * this.changed.length);
      grown.set(this.changed);
      this.changed = grown;
    }
    this.point[variable] = value;
    this.changed[this.changedCount++] = variable;
    for (
      let i = this.checkStart[variable] as number;
      i < (this.checkStart[variable + 1] as number);
      i++
    ) {
      const check = this.checkList[i] as number;
      if (this.isOpen[check] === 1 && this.seen[check] !== this.stamp) {
        this.seen[check] = this.stamp;
        this.opens.push(check);
      }
    }
    return true;
  }

  /**
   * The current change applied to the truth as a point: opens the checks it opens if every
   * changed variable stays within its bounds and the whole point passes `satisfiesSystem`
   * (soundness rests on that last step only). Cells whose figures do not change are skipped:
   * their variables keep their true values, which no remaining check is opened by.
   */
  private tryPoint() {
    const { width, delta, vars, system } = this;
    const { slots, n, table } = system;
    const multi = system.kind === "multi";
    this.stamp++;
    this.opens.length = 0;
    let inBounds = true;
    for (let t = 0; t < this.touchedCount && inBounds; t++) {
      const cell = this.touched[t] as number;
      const kind = this.roleOf(cell);
      if (kind !== SIZE_KNOWN && kind !== UNKNOWN) continue;
      const base = cell * width;
      let zero = true;
      for (let j = 0; j < width && zero; j++) if (delta[base + j] !== 0) zero = false;
      if (zero) continue;
      const size = (n[cell] as number) + (delta[base] as number);
      const sizeVar = vars[cell * 4] as number;
      const count = vars[cell * 4 + 1] as number;
      const rest = vars[cell * 4 + 2] as number;
      const slack = vars[cell * 4 + 3] as number;
      if (sizeVar >= 0 && !this.set(sizeVar, size)) inBounds = false;
      const counts = cell * slots;
      let ticks = 0;
      for (let slot = 0; slot < slots && inBounds; slot++) {
        const value = (table[counts + slot] as number) + (delta[base + 1 + slot] as number);
        ticks += value;
        inBounds = this.set(count + slot, value) && this.set(rest + slot, size - value);
      }
      if (!multi || !inBounds) continue;
      const none = (table[counts] as number) + (delta[base + 1] as number);
      for (let slot = 1; slot < slots && inBounds; slot++) {
        const value = (table[counts + slot] as number) + (delta[base + 1 + slot] as number);
        inBounds = this.set(slack + slot - 1, size - none - value);
      }
      inBounds = inBounds && this.set(slack + slots - 1, ticks - size);
    }
    if (inBounds && this.opens.length > 0) {
      const opening = this.opens.filter((check) =>
        opensCheck(this.checks[check] as LpCheck, this.pointAt),
      );
      if (opening.length > 0 && satisfiesSystem(system.bounds, this.point))
        for (const check of opening) {
          this.isOpen[check] = 0;
          this.openCount--;
          this.opened.push(check);
        }
    }
    for (let i = 0; i < this.changedCount; i++) {
      const variable = this.changed[i] as number;
      this.point[variable] = system.truth[variable] as number;
    }
    this.changedCount = 0;
  }
}
