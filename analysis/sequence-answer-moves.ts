import type { Release } from "./release-types";
import type { Cell } from "./sequence-answer-model";
import type { PinSubject } from "./sequence-answer-pins";
import { EPSILON, type Row } from "./sequence-system";

/**
 * Feasible points of a question's stacked answer system (sequence-answers.ts) other than the true
 * counts, found without an LP, for the "pinned" checks (sequence-answer-pins.ts): a count is not
 * pinned once two points give it different values.
 *
 * A point is the truth with some respondents' answers changed, as if they had answered otherwise
 * from release t₀ on. Such a change, written per group through every group the respondent belongs
 * to, keeps every relation of every release (each relation is a partition of respondents), every
 * group's sum of options (sizes do not change) and "never goes down" from t₀ on; what it can break
 * is a published table (a published count changes), a count going below 0 or above its cap, or
 * "never goes down" into t₀. Respondents are placed by unit (a leaf, or a unit's direct part) and
 * one value of every dimension. Moves tried for a count of group g (unit U, filters F), option o:
 * - a rectangle, where F filters dimension d at v: a respondent in g moves o → p while one of the
 *   same unit with d = w moves p → o, and two of a unit outside g do the reverse (groups by other
 *   dimensions, and groups without a filter, do not change);
 * - a swap: one respondent in g moves o → p, one outside g (same values of every dimension) p → o,
 *   the values of the dimensions g does not filter chosen so that every group moved is hidden;
 * - one respondent in g moves o → p (every group above it changes: the organisation's table too);
 * - for a declared cross of the organisation, four respondents of one unit over d₁ × d₂.
 * Each move is checked against the bounds and rows of every count it changes, many moves go into
 * one point, and the caller (pinnedCounts) checks that point against every bound and row
 * (isPointOf) before it is used.
 */
export interface AnswerModel {
  lower: readonly number[];
  upper: readonly number[];
  rows: readonly Row[];
}

/** Whether `point` satisfies every bound and every row of the model. */
export function isPointOf(model: AnswerModel, point: ArrayLike<number>): boolean {
  if (point.length !== model.lower.length) return false;
  for (let j = 0; j < point.length; j++) {
    const value = point[j] as number;
    if (
      !(
        value >= (model.lower[j] as number) - EPSILON &&
        value <= (model.upper[j] as number) + EPSILON
      )
    )
      return false;
  }
  for (const row of model.rows) {
    let sum = 0;
    for (let i = 0; i < row.variables.length; i++)
      sum += (row.coefficients[i] as number) * (point[row.variables[i] as number] as number);
    if (!(sum >= row.lower - EPSILON && sum <= row.upper + EPSILON)) return false;
  }
  return true;
}

/** Points to try after the truth, each built for the subjects still open when it is asked for. */
export type MovedPoints = (
  truth: Float64Array,
  open: () => readonly PinSubject[],
) => Iterable<Float64Array>;

/** Rounds (points) at most; per open subject and round, the changes looked at and tried. */
const ROUNDS_MAX = 4;
const SHAPES_MAX = 500;
const TRIES_MAX = 200;
/** Units tried inside a group (its unit's subtree) and outside it, nearest first. */
const HOMES_MAX = 6;
const OUTSIDE_MAX = 12;

interface Respondent {
  home: string;
  values: Map<string, unknown>;
  /** +1: answers option a → b; −1: b → a. */
  sign: number;
}

export function answerMoves(
  releases: Release[],
  options: Map<string, (Cell[] | null)[]>,
  model: AnswerModel,
): MovedPoints {
  // The indexes are built only where the true counts leave a subject open.
  return function* (truth, open) {
    if (open().length > 0) yield* movesOf(releases, options, model)(truth, open);
  };
}

function movesOf(
  releases: Release[],
  options: Map<string, (Cell[] | null)[]>,
  model: AnswerModel,
): MovedPoints {
  const parent = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  const dimensions = new Map<string, unknown[]>();
  const meta = new Map<string, { unitId: string; part: string; filters: [string, unknown][] }>();
  const byKey = new Map<string, string>();
  const keyOf = (unitId: string, part: string, filters: [string, unknown][]) =>
    JSON.stringify([unitId, part, [...filters].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))]);
  for (const release of releases) {
    for (const unit of release.units) {
      if (parent.has(unit.id)) continue;
      parent.set(unit.id, unit.parentId);
      if (unit.parentId !== null)
        children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
    for (const dimension of release.dimensions) {
      const values = dimensions.get(dimension.key) ?? [];
      for (const value of dimension.values) if (!values.includes(value)) values.push(value);
      dimensions.set(dimension.key, values);
    }
    for (const group of release.groups) {
      if (meta.has(group.id) || !options.has(group.id)) continue;
      const filters = group.filters.map((f): [string, unknown] => [f.dimension, f.value]);
      meta.set(group.id, { unitId: group.unitId, part: group.part, filters });
      byKey.set(keyOf(group.unitId, group.part, filters), group.id);
    }
  }
  const dimensionKeys = [...dimensions.keys()];
  const path = (unit: string) => {
    const units: string[] = [];
    for (let u: string | null | undefined = unit; u; u = parent.get(u)) units.push(u);
    return units;
  };
  const memo = new Map<string, string[]>();
  const valueKeys = new WeakMap<Map<string, unknown>, string>();
  /** Every group id of the system a respondent belongs to. */
  const groupsOf = ({ home, values }: Respondent): string[] => {
    let valuesKey = valueKeys.get(values);
    if (valuesKey === undefined) {
      valuesKey = JSON.stringify([...values]);
      valueKeys.set(values, valuesKey);
    }
    const memoKey = `${home}|${valuesKey}`;
    const known = memo.get(memoKey);
    if (known) return known;
    const filterSets: [string, unknown][][] = [[]];
    for (let i = 0; i < dimensionKeys.length; i++) {
      const d = dimensionKeys[i] as string;
      filterSets.push([[d, values.get(d)]]);
      for (let j = i + 1; j < dimensionKeys.length; j++) {
        const e = dimensionKeys[j] as string;
        filterSets.push([
          [d, values.get(d)],
          [e, values.get(e)],
        ]);
      }
    }
    const found: string[] = [];
    const add = (unit: string, part: string) => {
      for (const filters of filterSets) {
        const id = byKey.get(keyOf(unit, part, filters));
        if (id !== undefined) found.push(id);
      }
    };
    for (const unit of path(home)) add(unit, "all");
    add(home, "direct");
    memo.set(memoKey, found);
    return found;
  };
  /** A place a respondent can be: a leaf, or a unit whose direct part the system lists. */
  const canHome = (unit: string) =>
    (children.get(unit) ?? []).length === 0 || byKey.has(keyOf(unit, "direct", []));
  const subtree = (unit: string) => {
    const units = [unit];
    for (let i = 0; i < units.length; i++) units.push(...(children.get(units[i] as string) ?? []));
    return units;
  };
  // Rows per column, to check a move against the rows of the counts it changes.
  const rowsOf = new Map<number, Row[]>();
  for (const row of model.rows)
    for (const v of row.variables) {
      const list = rowsOf.get(v);
      if (list) list.push(row);
      else rowsOf.set(v, [row]);
    }
  const rowHolds = (row: Row, point: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < row.variables.length; i++)
      sum += (row.coefficients[i] as number) * (point[row.variables[i] as number] as number);
    return sum >= row.lower - EPSILON && sum <= row.upper + EPSILON;
  };
  /**
   * The counts a change of answers moves per group from release `from` on (+1: one more left
   * option a for b), or null where it would move a published count.
   */
  const shapeOf = (respondents: Respondent[], from: number): [Cell[], number][] | null => {
    const delta = new Map<string, number>();
    for (const respondent of respondents)
      for (const id of groupsOf(respondent)) delta.set(id, (delta.get(id) ?? 0) + respondent.sign);
    const moved: [Cell[], number][] = [];
    for (const [id, d] of delta) {
      if (d === 0) continue;
      const timeline = options.get(id) ?? [];
      for (let t = Math.max(from, 0); t < timeline.length; t++) {
        const cells = timeline[t];
        if (!cells) continue;
        if (cells.some((cell) => "value" in cell)) return null;
        moved.push([cells, d]);
      }
    }
    return moved.length > 0 ? moved : null;
  };
  /**
   * Applies a shape with options a → b to `point` if every count it changes stays within its
   * bounds and rows; the changed columns, or null (the point unchanged).
   */
  const apply = (point: Float64Array, shape: [Cell[], number][], a: number, b: number) => {
    const changes = new Map<number, number>();
    for (const [cells, d] of shape) {
      const ca = (cells[a] as { variable: number }).variable;
      const cb = (cells[b] as { variable: number }).variable;
      changes.set(ca, (changes.get(ca) ?? 0) - d);
      changes.set(cb, (changes.get(cb) ?? 0) + d);
    }
    for (const [j, d] of changes) point[j] = (point[j] as number) + d;
    const columns = [...changes.keys()];
    const holds = columns.every((j) => {
      const value = point[j] as number;
      return (
        value >= (model.lower[j] as number) - EPSILON &&
        value <= (model.upper[j] as number) + EPSILON &&
        (rowsOf.get(j) ?? []).every((row) => rowHolds(row, point))
      );
    });
    if (holds) return columns;
    for (const [j, d] of changes) point[j] = (point[j] as number) - d;
    return null;
  };
  /** The changes of answers that move a subject's count, fewest groups changed first. */
  /** Whether a group's counts are all unknowns from release `from` on (or it is not listed). */
  const lastFixed = new Map<string, number>();
  const movable = (id: string | undefined, from: number) => {
    if (id === undefined) return true;
    let last = lastFixed.get(id);
    if (last === undefined) {
      const timeline = options.get(id) ?? [];
      last = timeline.findLastIndex((cells) => cells?.some((cell) => "value" in cell) === true);
      lastFixed.set(id, last);
    }
    return last < from;
  };
  function* changesFor(groupId: string, from: number): Generator<Respondent[]> {
    const group = meta.get(groupId);
    if (!group) return;
    const inGroup =
      group.part === "direct"
        ? (unit: string) => unit === group.unitId
        : (() => {
            const inside = new Set(subtree(group.unitId));
            return (unit: string) => inside.has(unit);
          })();
    const homes = (group.part === "direct" ? [group.unitId] : subtree(group.unitId))
      .filter(canHome)
      .slice(0, HOMES_MAX);
    const fixed = new Map(group.filters);
    const firstValues = new Map(
      dimensionKeys.map((d) => [d, fixed.has(d) ? fixed.get(d) : dimensions.get(d)?.[0]]),
    );
    const outsideOf = (home: string) => {
      // Outside a direct part: first the unit's own sub-units.
      const found = group.part === "direct" ? subtree(home).slice(1).filter(canHome) : [];
      let current = home;
      for (let up = parent.get(current); up; current = up, up = parent.get(up)) {
        for (const unit of [up, ...(children.get(up) ?? []).flatMap(subtree)])
          if (unit !== current && !inGroup(unit) && canHome(unit) && !found.includes(unit))
            found.push(unit);
        if (found.length >= OUTSIDE_MAX) break;
      }
      return found.slice(0, OUTSIDE_MAX);
    };
    /**
     * Values of the dimensions g does not filter for respondents at `homes` (signed): per
     * dimension the first value whose groups the change moves are all unknowns; null if none.
     */
    const valuesFor = (signed: [string, number][]) => {
      const net = new Map<string, number>();
      for (const [home, sign] of signed) {
        for (const unit of path(home)) net.set(`${unit}|all`, (net.get(`${unit}|all`) ?? 0) + sign);
        net.set(`${home}|direct`, (net.get(`${home}|direct`) ?? 0) + sign);
      }
      const moved = [...net].filter(([, d]) => d !== 0).map(([key]) => key.split("|"));
      const values = new Map(fixed);
      for (const d of dimensionKeys) {
        if (fixed.has(d)) continue;
        const w = (dimensions.get(d) ?? []).find((value) =>
          moved.every(([unit, part]) =>
            movable(byKey.get(keyOf(unit as string, part as string, [[d, value]])), from),
          ),
        );
        if (w === undefined) return null;
        values.set(d, w);
      }
      return values;
    };
    const cross = group.filters.length === 2 ? group.filters : undefined;
    const filtered = group.filters.length === 1 ? group.filters[0] : undefined;
    const at = (home: string, values: Map<string, unknown>, sign: number) => ({
      home,
      values,
      sign,
    });
    for (const home of homes) {
      const outside = outsideOf(home);
      if (filtered) {
        const [d, v] = filtered;
        for (const w of dimensions.get(d) ?? []) {
          if (w === v) continue;
          const shifted = new Map(firstValues).set(d, w);
          for (const other of outside)
            yield [
              at(home, firstValues, 1),
              at(home, shifted, -1),
              at(other, firstValues, -1),
              at(other, shifted, 1),
            ];
        }
      }
      for (const other of outside) {
        const values = valuesFor([
          [home, 1],
          [other, -1],
        ]);
        if (values) yield [at(home, values, 1), at(other, values, -1)];
      }
      const values = valuesFor([[home, 1]]);
      if (values) yield [at(home, values, 1)];
      if (cross) {
        // A declared cross (of the organisation): four respondents of one unit, d₁ × d₂.
        const [[d1, v1], [d2, v2]] = cross as [[string, unknown], [string, unknown]];
        for (const w1 of dimensions.get(d1) ?? [])
          for (const w2 of dimensions.get(d2) ?? []) {
            if (w1 === v1 || w2 === v2) continue;
            yield [
              at(home, firstValues, 1),
              at(home, new Map(firstValues).set(d2, w2), -1),
              at(home, new Map(firstValues).set(d1, w1), -1),
              at(home, new Map(firstValues).set(d1, w1).set(d2, w2), 1),
            ];
          }
      }
    }
  } /** Per group and first release moved: the changes that keep every published count. */
  const shapes = new Map<string, [Cell[], number][][]>();
  const shapesAt = (groupId: string, from: number) => {
    const key = `${groupId}|${from}`;
    let found = shapes.get(key);
    if (!found) {
      found = [];
      let looked = 0;
      for (const respondents of changesFor(groupId, from)) {
        if (++looked > SHAPES_MAX) break;
        const shape = shapeOf(respondents, from);
        if (shape) found.push(shape);
      }
      shapes.set(key, found);
    }
    return found;
  };

  const slotsOf = (subject: PinSubject) => {
    const timeline = options.get(subject.groupId) ?? [];
    return timeline.find((cells) => cells !== null)?.length ?? 0;
  };
  const subjectColumns = (subject: PinSubject) => subject.count.vars;
  return function* (truth, open) {
    for (let round = 0; round < ROUNDS_MAX; round++) {
      const subjects = open();
      if (subjects.length === 0) return;
      const point = Float64Array.from(truth);
      /** Columns some move changed: subjects on them are likely settled by this point. */
      const moved = new Set<number>();
      let applied = 0;
      for (const subject of subjects) {
        if (subjectColumns(subject).some((j) => moved.has(j))) continue;
        const slots = slotsOf(subject);
        let tries = 0;
        search: for (let from = subject.to; from > subject.from && from >= 0; from--)
          for (const shape of shapesAt(subject.groupId, from))
            for (let other = 0; other < slots; other++) {
              if (other === subject.slot) continue;
              for (const [a, b] of [
                [subject.slot, other],
                [other, subject.slot],
              ] as const) {
                if (++tries > TRIES_MAX) break search;
                const columns = apply(point, shape, a, b);
                if (!columns) continue;
                applied++;
                for (const j of columns) moved.add(j);
                break search;
              }
            }
      }
      if (applied === 0) return;
      yield point;
    }
  };
}
