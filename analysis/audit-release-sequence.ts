import type { Highs } from "highs";
import { type ReleaseEquations, releaseEquations } from "./release-equations";
import type { HiddenReason, Release } from "./release-types";

/**
 * Something a reader holding every release of the sequence learns about the respondents who
 * arrived between two of them (a batch) that a single release would never tell.
 */
export interface SequenceFinding {
  kind:
    | "exact" // a batch group of 1..k−1 follows exactly (values and reasons)
    | "narrow" // values alone prove a batch group holds 1..k−1
    | "unanimous" // a sensitive question's answers in a batch group are (nearly) unanimous
    | "comment"; // new comments are shown for fewer than max(k, 10) newcomers
  groupId: string;
  /** Positions in the sequence: the batch arrived after release `from` and by release `to`. */
  from: number;
  to: number;
  item?: string;
  /** For "unanimous": the group whose question, hidden in the later release, removes it. */
  victim?: string;
}

export interface SequenceAudit {
  findings: SequenceFinding[];
  solves: number;
}

const OPTIMAL = 7;
const UNBOUNDED = 10;
const INFEASIBLE = 8;
const EPSILON = 1e-6;

/**
 * Audits a sequence of releases of one campaign (oldest first; the last is the candidate) as
 * a reader who keeps them all. The true counts of every release are unknowns tied together:
 * each release's own equations, published values, reasons and headcounts, and "counts never
 * go down" between releases (responses are only added while a campaign is open). For every
 * group and every two releases s < t, the batch d = n_t − n_s must not be exactly a number
 * 1..k−1 (values and reasons known) and must not be proven to lie in 1..k−1 from the
 * published values alone. Figures that are differences of published values (answers, new
 * comments) are checked for the pairs ending at the candidate: pairs of earlier releases
 * were checked when the later one was first served and their published values do not change.
 */
export function auditReleaseSequence(
  highs: Highs,
  releases: Release[],
  {
    sensitiveItems,
    minCommentGroup,
  }: { sensitiveItems: ReadonlySet<string>; minCommentGroup: number },
): SequenceAudit {
  const findings: SequenceFinding[] = [];
  if (releases.length < 2) return { findings, solves: 0 };
  const structures = releases.map(releaseEquations);
  const k = Math.max(...releases.map((release) => release.k));
  const last = releases.length - 1;
  for (let from = 0; from < last; from++) {
    findings.push(...unanimousBatches(releases, structures, from, last, sensitiveItems));
    findings.push(
      ...commentBatches(releases, structures, from, last, Math.max(k, minCommentGroup)),
    );
  }
  const solves = auditBatchCounts(highs, releases, structures, k, findings);
  return { findings, solves };
}

/** One group's count in one release: a published value, a hidden one, or no information. */
type Entry = { value: number } | { variable: number } | null;

interface Variable {
  release: number;
  groupId: string;
  reason: HiddenReason;
  lowerA: number;
  upperA: number;
  lowerB: number;
  upperB: number;
}

interface Target {
  groupId: string;
  from: number;
  to: number;
  /** d = Σ sign × variable + constant. */
  terms: { variable: number; sign: number }[];
  constant: number;
}

interface Row {
  variables: number[];
  coefficients: number[];
  lower: number;
  upper: number;
}

function auditBatchCounts(
  highs: Highs,
  releases: Release[],
  structures: ReleaseEquations[],
  k: number,
  findings: SequenceFinding[],
): number {
  const ids = [...new Set(releases.flatMap((release) => release.groups.map((g) => g.id)))];
  const directIds = new Set(
    releases.flatMap((release) =>
      release.groups.filter((g) => g.part === "direct").map((g) => g.id),
    ),
  );
  const variables: Variable[] = [];
  const entries = new Map<string, Entry[]>();
  for (const id of ids) {
    entries.set(
      id,
      releases.map((release, t): Entry => {
        const position = structures[t]?.position.get(id);
        if (position === undefined) {
          // Left out: an empty direct part, or a table an organisation-only release omits.
          return !release.audit.organisationOnly && directIds.has(id) ? { value: 0 } : null;
        }
        const n = release.groups[position]?.n;
        if (n && "value" in n) return { value: n.value };
        const cap = structures[t]?.cap.get(id) ?? Number.POSITIVE_INFINITY;
        variables.push({
          release: t,
          groupId: id,
          reason: (n as { hidden: HiddenReason }).hidden,
          lowerA: 0,
          upperA: cap,
          lowerB: 0,
          upperB: cap,
        });
        return { variable: variables.length - 1 };
      }),
    );
  }
  // Reasons (model B), per release with its own k; a part of a primary group may be 0.
  releases.forEach((release, t) => {
    const splits = new Set<string>();
    for (const { total, parts } of structures[t]?.equations ?? []) {
      const position = structures[t]?.position.get(total) as number;
      const n = release.groups[position]?.n;
      if (n && "hidden" in n && n.hidden === "primary") for (const part of parts) splits.add(part);
    }
    for (const variable of variables) {
      if (variable.release !== t) continue;
      if (variable.reason === "primary") {
        variable.lowerB = splits.has(variable.groupId) ? 0 : 1;
        variable.upperB = Math.min(variable.upperB, release.k - 1);
      } else if (variable.reason === "secondary") variable.lowerB = release.k;
    }
  });
  const rows: Row[] = [];
  // Counts never go down: published values bound the hidden ones before and after them.
  for (const id of ids) {
    const timeline = entries.get(id) as Entry[];
    let previous: number | undefined;
    timeline.forEach((entry, t) => {
      if (entry === null) return;
      if ("value" in entry) {
        for (let s = t - 1; s >= 0; s--) {
          const earlier = timeline[s];
          if (earlier && "variable" in earlier) {
            const variable = variables[earlier.variable] as Variable;
            variable.upperA = Math.min(variable.upperA, entry.value);
            variable.upperB = Math.min(variable.upperB, entry.value);
          }
        }
        for (let u = t + 1; u < timeline.length; u++) {
          const later = timeline[u];
          if (later && "variable" in later) {
            const variable = variables[later.variable] as Variable;
            variable.lowerA = Math.max(variable.lowerA, entry.value);
            variable.lowerB = Math.max(variable.lowerB, entry.value);
          }
        }
        previous = undefined;
        return;
      }
      if (previous !== undefined) {
        rows.push({
          variables: [previous, entry.variable],
          coefficients: [1, -1],
          lower: Number.NEGATIVE_INFINITY,
          upper: 0,
        });
      }
      previous = entry.variable;
    });
  }
  // Each release's own relations, with its published values moved to the right-hand side.
  structures.forEach((structure, t) => {
    for (const { total, parts } of structure.equations) {
      const row: Row = { variables: [], coefficients: [], lower: 0, upper: 0 };
      const add = (id: string, sign: number) => {
        const entry = entries.get(id)?.[t];
        if (!entry) return;
        if ("variable" in entry) {
          row.variables.push(entry.variable);
          row.coefficients.push(sign);
        } else {
          row.lower -= sign * entry.value;
          row.upper -= sign * entry.value;
        }
      };
      add(total, 1);
      for (const part of parts) add(part, -1);
      if (row.variables.length > 0) rows.push(row);
    }
  });

  const targets: Target[] = [];
  for (const id of ids) {
    const timeline = entries.get(id) as Entry[];
    for (let to = 1; to < timeline.length; to++) {
      const end = timeline[to];
      if (!end) continue;
      for (let from = 0; from < to; from++) {
        const start = timeline[from];
        if (!start) continue;
        if ("value" in start && "value" in end) {
          const d = end.value - start.value;
          if (d >= 1 && d < k) findings.push({ kind: "exact", groupId: id, from, to });
          continue;
        }
        const target: Target = { groupId: id, from, to, terms: [], constant: 0 };
        if ("value" in end) target.constant += end.value;
        else target.terms.push({ variable: end.variable, sign: 1 });
        if ("value" in start) target.constant -= start.value;
        else target.terms.push({ variable: start.variable, sign: -1 });
        targets.push(target);
      }
    }
  }

  let solves = 0;
  for (const component of components(variables.length, rows, targets)) {
    solves += auditComponent(highs, variables, component, k, findings);
  }
  return solves;
}

interface Component {
  variables: number[];
  rows: Row[];
  targets: Target[];
}

function components(count: number, rows: Row[], targets: Target[]): Component[] {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (x: number): number => {
    let top = x;
    while (parent[top] !== top) top = parent[top] as number;
    while (parent[x] !== top) {
      const next = parent[x] as number;
      parent[x] = top;
      x = next;
    }
    return top;
  };
  const join = (list: number[]) => {
    const first = find(list[0] as number);
    for (const other of list) parent[find(other)] = first;
  };
  for (const row of rows) join(row.variables);
  for (const target of targets) join(target.terms.map((term) => term.variable));
  const byRoot = new Map<number, Component>();
  for (let v = 0; v < count; v++) {
    const root = find(v);
    const component = byRoot.get(root) ?? { variables: [], rows: [], targets: [] };
    component.variables.push(v);
    byRoot.set(root, component);
  }
  for (const row of rows) byRoot.get(find(row.variables[0] as number))?.rows.push(row);
  for (const target of targets)
    byRoot.get(find((target.terms[0] as { variable: number }).variable))?.targets.push(target);
  return [...byRoot.values()].filter((component) => component.targets.length > 0);
}

function auditComponent(
  highs: Highs,
  variables: Variable[],
  component: Component,
  k: number,
  findings: SequenceFinding[],
): number {
  const column = new Map(component.variables.map((v, index) => [v, index]));
  const cols = component.variables.map((v) => variables[v] as Variable);
  const finite = (value: number) =>
    value === Number.POSITIVE_INFINITY
      ? highs.infinity
      : value === Number.NEGATIVE_INFINITY
        ? -highs.infinity
        : value;
  for (const col of cols) {
    if (col.lowerB > col.upperB + EPSILON) {
      throw new Error(
        `Sequence audit: release ${col.release} contradicts the others at ${col.groupId}`,
      );
    }
  }
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of component.rows) {
    row.variables.forEach((v, position) => {
      indices.push(column.get(v) as number);
      values.push(row.coefficients[position] as number);
    });
    starts.push(indices.length);
  }
  const numCols = cols.length;
  const lp = highs.createModel({
    numCols,
    numRows: component.rows.length,
    colCost: new Float64Array(numCols),
    colLower: Float64Array.from(cols, (c) => c.lowerB),
    colUpper: Float64Array.from(cols, (c) => finite(c.upperB)),
    rowLower: Float64Array.from(component.rows, (row) => finite(row.lower)),
    rowUpper: Float64Array.from(component.rows, (row) => finite(row.upper)),
    matrix: {
      format: "csr" as const,
      numRows: component.rows.length,
      numCols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
  let solves = 0;
  const targets = component.targets;
  const low = new Float64Array(targets.length).fill(Number.POSITIVE_INFINITY);
  const high = new Float64Array(targets.length).fill(Number.NEGATIVE_INFINITY);
  const batchIn = (target: Target, solution: ArrayLike<number>) =>
    target.terms.reduce(
      (sum, term) => sum + term.sign * (solution[column.get(term.variable) as number] as number),
      target.constant,
    );
  const observe = () => {
    const solution = lp.getSolution().colValue;
    targets.forEach((target, index) => {
      const value = batchIn(target, solution);
      if (value < (low[index] as number)) low[index] = value;
      if (value > (high[index] as number)) high[index] = value;
    });
  };
  /** Optimum of d, or null when unbounded above. */
  const solve = (target: Target, sense: "min" | "max"): number | null => {
    solves++;
    lp.changeColsCost(
      { kind: "range" as const, from: 0, to: numCols - 1 },
      new Float64Array(numCols),
    );
    for (const term of target.terms)
      lp.changeColCost(column.get(term.variable) as number, term.sign);
    lp.changeObjectiveSense(
      sense === "min"
        ? highs.constants.objectiveSense.minimize
        : highs.constants.objectiveSense.maximize,
    );
    lp.run();
    const status = lp.getModelStatus();
    if (status === UNBOUNDED) return null;
    if (status === INFEASIBLE)
      throw new Error("Sequence audit: the releases contradict each other");
    if (status !== OPTIMAL) throw new Error(`Sequence audit: unexpected solver status ${status}`);
    observe();
    return lp.getObjectiveValue() + target.constant;
  };
  // Neither exact in 1..k−1 nor provably inside 1..k−1: a point at 0 or at k or above settles
  // both questions; two integers apart settles exactness.
  const settled = (index: number) =>
    (low[index] as number) <= EPSILON || (high[index] as number) >= k - EPSILON;
  try {
    lp.options.set({ output_flag: false, presolve: "off" });
    // Model B: values and reasons.
    const open: number[] = [];
    targets.forEach((target, index) => {
      if (settled(index) || (high[index] as number) - (low[index] as number) >= 2) {
        if (!settled(index)) open.push(index);
        return;
      }
      const max = solve(target, "max");
      if (max === null || settled(index) || (high[index] as number) - (low[index] as number) >= 2) {
        if (max !== null && !settled(index)) open.push(index);
        return;
      }
      const min = solve(target, "min") as number;
      if (settled(index)) return;
      const exact = Math.floor(max + EPSILON) <= Math.ceil(min - EPSILON);
      if (exact)
        findings.push({ kind: "exact", groupId: target.groupId, from: target.from, to: target.to });
      else open.push(index);
    });
    if (open.length === 0) return solves;
    // Model A: values only. Does a batch group provably hold 1..k−1?
    lp.changeColsBounds(
      { kind: "range" as const, from: 0, to: numCols - 1 },
      Float64Array.from(cols, (c) => c.lowerA),
      Float64Array.from(cols, (c) => finite(c.upperA)),
    );
    for (const index of open) {
      if (settled(index)) continue;
      const target = targets[index] as Target;
      const min = solve(target, "min") as number;
      if (settled(index) || Math.ceil(min - EPSILON) < 1) continue;
      const max = solve(target, "max");
      if (settled(index) || max === null || Math.floor(max + EPSILON) >= k) continue;
      findings.push({ kind: "narrow", groupId: target.groupId, from: target.from, to: target.to });
    }
    return solves;
  } finally {
    lp.dispose();
  }
}

type Slots = Map<string, number>;

function itemSlots(release: Release, groupId: string, structure: ReleaseEquations, key: string) {
  const group = release.groups[structure.position.get(groupId) ?? -1];
  if (!group || !("value" in group.n)) return null;
  const item = group.items.find((candidate) => candidate.key === key);
  if (!item || !("options" in item)) return null;
  const slots: Slots = new Map(item.options.map((option) => [String(option.value), option.count]));
  return { n: group.n.value, slots };
}

/**
 * Sensitive answers of the newcomers: for every group showing a sensitive question in both
 * releases, and every remainder of a relation (total minus the parts showing it in both), the
 * batch's answers follow by subtraction; (nearly) unanimous ones must not be shown.
 */
export function unanimousBatches(
  releases: Release[],
  structures: ReleaseEquations[],
  from: number,
  to: number,
  sensitiveItems: ReadonlySet<string>,
): SequenceFinding[] {
  const earlier = releases[from] as Release;
  const later = releases[to] as Release;
  const before = structures[from] as ReleaseEquations;
  const after = structures[to] as ReleaseEquations;
  const found: SequenceFinding[] = [];
  const batch = (groupId: string, key: string) => {
    const end = itemSlots(later, groupId, after, key);
    const start = itemSlots(earlier, groupId, before, key);
    if (!end || !start) return null;
    const slots: Slots = new Map();
    for (const [value, count] of end.slots) slots.set(value, count - (start.slots.get(value) ?? 0));
    return { n: end.n - start.n, slots };
  };
  for (const key of sensitiveItems) {
    for (const group of later.groups) {
      const change = batch(group.id, key);
      if (change && change.n > 0 && nearlyUnanimous(change.slots, change.n)) {
        found.push({ kind: "unanimous", groupId: group.id, from, to, item: key, victim: group.id });
      }
    }
    for (const { total, parts } of after.equations) {
      const whole = batch(total, key);
      if (!whole) continue;
      const rest = { n: whole.n, slots: new Map(whole.slots) };
      let victim: { id: string; n: number } | undefined;
      for (const part of parts) {
        const change = batch(part, key);
        if (!change) continue;
        if (change.n > 0 && (!victim || change.n < victim.n)) victim = { id: part, n: change.n };
        rest.n -= change.n;
        for (const [value, count] of change.slots)
          rest.slots.set(value, (rest.slots.get(value) ?? 0) - count);
      }
      if (rest.n > 0 && rest.n < whole.n && nearlyUnanimous(rest.slots, rest.n)) {
        found.push({
          kind: "unanimous",
          groupId: total,
          from,
          to,
          item: key,
          victim: victim?.id ?? total,
        });
      }
    }
  }
  return found;
}

function nearlyUnanimous(slots: Slots, size: number): boolean {
  return Math.max(...slots.values()) >= size - 1;
}

/**
 * New comments of a unit since an earlier release (texts it shows now that the nearest unit
 * at or above it did not show then) come from the unit's newcomers: there must be at least
 * `minimum` of them, as published counts show, and so for the newcomers of the unit outside
 * its nearest sub-units that show comments.
 */
export function commentBatches(
  releases: Release[],
  structures: ReleaseEquations[],
  from: number,
  to: number,
  minimum: number,
): SequenceFinding[] {
  const earlier = releases[from] as Release;
  const later = releases[to] as Release;
  const found: SequenceFinding[] = [];
  const parentOf = new Map(later.units.map((unit) => [unit.id, unit.parentId]));
  const texts = (release: Release, unitId: string, item: string) =>
    release.comments.find((entry) => entry.unitId === unitId && entry.item === item)?.texts;
  const count = (t: number, unitId: string) => {
    const release = releases[t] as Release;
    const group = release.groups[structures[t]?.position.get(`${unitId}/all`) ?? -1];
    return group && "value" in group.n ? group.n.value : null;
  };
  const batchSize = (unitId: string) => {
    const end = count(to, unitId);
    const start = count(from, unitId);
    return end === null || start === null ? null : end - start;
  };
  const newTexts = (unitId: string, item: string): string[] => {
    const now = texts(later, unitId, item);
    if (!now) return [];
    let above: string | null | undefined = unitId;
    while (above && !texts(earlier, above, item)) above = parentOf.get(above);
    if (!above) return [];
    return multisetMinus(now, texts(earlier, above, item) ?? []);
  };
  const shownBelow = (unitId: string, item: string): string[] =>
    later.units
      .filter((unit) => unit.parentId === unitId)
      .flatMap((unit) => (texts(later, unit.id, item) ? [unit.id] : shownBelow(unit.id, item)));
  for (const { unitId, item } of later.comments) {
    const fresh = newTexts(unitId, item);
    if (fresh.length === 0) continue;
    const size = batchSize(unitId);
    let ok = size !== null && size >= minimum;
    const below = shownBelow(unitId, item);
    const rest = below.reduce((left, child) => multisetMinus(left, newTexts(child, item)), fresh);
    if (ok && rest.length > 0) {
      const sizes = below.map(batchSize);
      const known = sizes.filter((s): s is number => s !== null);
      const restSize =
        known.length < sizes.length ? null : (size as number) - known.reduce((a, b) => a + b, 0);
      ok = restSize !== null && restSize >= minimum;
    }
    if (!ok) found.push({ kind: "comment", groupId: `${unitId}/all`, from, to, item });
  }
  return found;
}

function multisetMinus(left: string[], right: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const text of right) remaining.set(text, (remaining.get(text) ?? 0) + 1);
  return left.filter((text) => {
    const left = remaining.get(text) ?? 0;
    if (left === 0) return true;
    remaining.set(text, left - 1);
    return false;
  });
}
