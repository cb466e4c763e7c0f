import type { Highs } from "highs";
import {
  auditRanges,
  hiddenComponents,
  lpData,
  noProvenRanges,
  type RangeFindings,
} from "./audit-ranges";
import { type CellModel, cellBounds, cheapestNeighbour, equationsByCell } from "./cell-model";
import { releaseEquations } from "./release-equations";
import type { HiddenReason, Release } from "./release-types";

/**
 * Survey releases readers were shown before the headcounts of their reference date, against the
 * headcount tables about to be published for that date. An attacker holding both knows that a
 * unit's respondents are at most its staff: a published staff total caps the unit's respondents,
 * and a hidden one caps them as far as the headcount tables bound it (jointly: the attacker
 * solves both systems at once, with respondents ≤ staff for every unit in both). Such a cap can
 * pin a hidden survey group its own audit left open. Shown releases are never withdrawn, so it
 * is the headcount date that must hide more: this module says which of its cells.
 */

/** One protected headcount date, as `buildHeadcountRelease` holds it. */
export interface HeadcountDateCells {
  /** Its cells: true counts, reasons, equations (as protected). */
  model: CellModel;
  /** Per cell, where it sits (the unit total is part "all", level and dimension null). */
  describe: readonly {
    unitId: string;
    part: "all" | "direct";
    level: string | null;
    dimension: string | null;
  }[];
}

/** What `headcountCellsExposingSurveys` asks of the date. */
export interface SurveyExposure {
  /** Published headcount cells to hide (and keep hidden) before the date is protected again. */
  hide: number[];
  /**
   * A shown release is still exposed and no publishable cell is left that could help: the date
   * must be hidden whole (the last resort of headcount-release.ts, safe whatever the counts).
   */
  stuck: boolean;
  lpSolves: number;
}

const NONE: SurveyExposure = { hide: [], stuck: false, lpSolves: 0 };

/**
 * The headcount cells of a protected date whose publication would expose a shown survey release:
 * with the date's tables as caps on respondents (respondents ≤ staff per unit), a hidden survey
 * group becomes exactly derivable or a primary group's range from the values alone narrower
 * than k (the survey audit's own rules, `auditRanges`). Per exposed component of a shown
 * release, one cell per call, the least hiding first: the published unit total with the
 * tightest cap on it; where every total capping it is already hidden, the cheapest published
 * cell beside such a total, so its range opens up. The caller hides them, protects the date
 * again and asks again until nothing is exposed.
 */
export function headcountCellsExposingSurveys(
  highs: Highs,
  date: HeadcountDateCells,
  shown: readonly Release[],
): SurveyExposure {
  const totals = unitTotals(date);
  const result: SurveyExposure = { hide: [], stuck: false, lpSolves: 0 };
  for (const release of shown) {
    const found = exposureOf(highs, date, totals, release);
    result.lpSolves += found.lpSolves;
    result.stuck ||= found.stuck;
    for (const cell of found.hide) if (!result.hide.includes(cell)) result.hide.push(cell);
  }
  result.hide.sort((a, b) => a - b);
  return result;
}

/** Unit id → the headcount cell of the unit's whole staff (all levels, everyone). */
function unitTotals(date: HeadcountDateCells): Map<string, number> {
  const totals = new Map<string, number>();
  date.describe.forEach((cell, index) => {
    if (cell.part === "all" && cell.level === null && cell.dimension === null)
      totals.set(cell.unitId, index);
  });
  return totals;
}

/** A shown survey release as the attacker's cell model, before any point is chosen. */
interface SurveySystem {
  release: Release;
  model: CellModel;
  /** Per group: its unit, and whether it is the unit's whole subtree with no filter. */
  unitOf: string[];
  unitTotal: Map<string, number>;
  parentOf: Map<string, string | null>;
}

function exposureOf(
  highs: Highs,
  date: HeadcountDateCells,
  totals: Map<string, number>,
  release: Release,
): SurveyExposure {
  if (release.audit.organisationOnly) return NONE;
  if (!release.groups.some((group) => "hidden" in group.n)) return NONE;
  const hc = date.model;
  const survey = surveySystem(release, release.knownHeadcounts);
  // Units in both trees whose survey total is hidden: only there can a cap say something new
  // (a published respondent count under a published staff total is a fact the release showed).
  const linked = [...survey.unitTotal].filter(
    ([unitId, group]) => totals.has(unitId) && survey.model.hidden[group] !== null,
  );
  if (linked.length === 0) return NONE;
  const trueStaff = (unitId: string) => hc.n[totals.get(unitId) as number] as number;
  const publishedStaff = (unitId: string) => {
    const cell = totals.get(unitId);
    return cell !== undefined && hc.hidden[cell] === null ? (hc.n[cell] as number) : undefined;
  };

  // A point of the attacker's system: integer respondents within the caps of the true staff.
  // It stands in for the survey's true counts (not kept): exactness and ranges do not depend
  // on which point of the system the audit starts from.
  const strongCaps = withCaps(release, (unitId) =>
    totals.has(unitId) ? trueStaff(unitId) : undefined,
  );
  const strong = surveySystem(release, strongCaps);
  let lpSolves = 0;
  const point = integerPoint(highs, strong.model);
  if (point) {
    strong.model.n = point;
    // First the cheap question: an attacker told every unit's true staff (hidden ones too)
    // knows more than any reader; if that pins nothing, the published tables pin nothing
    // either. Not where a true staff under k became a cap: the audit then asks a small group
    // for a range of that staff only, where the reader, who does not know it, is held to k.
    const changed = changedCaps(survey.model, strong.model);
    const strongFindings = auditChanged(highs, strong.model, changed, release.groups.length);
    lpSolves += strongFindings.solves;
    const capUnderK = [...changed].some((cell) => (strong.model.upper[cell] as number) < hc.k);
    if (strongFindings.exact.length + strongFindings.narrow.length === 0 && !capUnderK) {
      return { hide: [], stuck: false, lpSolves };
    }
  }

  // The reader's own system: published staff totals as caps, and for each hidden total its
  // headcount cell joined to the survey's group by respondents + slack = staff.
  const joint = jointModel(release, survey, date, totals, publishedStaff, point, linked);
  if (!point) {
    // Some unit's true staff is below its respondents (people who joined after the reference
    // date answered), so the point comes from the reader's system itself. When it has none,
    // the published caps contradict the release: hide every one capping a hidden survey total
    // (hidden, a total can make room; a system without a solution pins nothing).
    const readerPoint = integerPoint(highs, joint.model);
    if (!readerPoint) {
      const hide = linked.flatMap(([unitId]) =>
        publishedStaff(unitId) !== undefined && trueStaff(unitId) >= hc.k
          ? [totals.get(unitId) as number]
          : [],
      );
      return { hide, stuck: false, lpSolves };
    }
    joint.model.n = readerPoint;
  }
  const jointFindings = auditChanged(highs, joint.model, joint.changed, release.groups.length);
  lpSolves += jointFindings.solves;
  const findings = [...jointFindings.exact, ...jointFindings.narrow].filter(
    (cell) => cell < release.groups.length,
  );
  if (findings.length === 0) return { hide: [], stuck: false, lpSolves };

  const components = hiddenComponents(joint.model);
  const componentOf = new Map<number, number>();
  components.forEach((component, index) => {
    for (const cell of component.cells) componentOf.set(cell, index);
  });
  const hide: number[] = [];
  let stuck = false;
  const done = new Set<number>();
  for (const finding of findings) {
    const index = componentOf.get(finding) as number;
    if (done.has(index)) continue;
    done.add(index);
    const cells = (components[index] as { cells: number[] }).cells;
    const choice = cellToHide(date, totals, survey, joint, cells, publishedStaff);
    if (choice === undefined) stuck = true;
    else if (!hide.includes(choice)) hide.push(choice);
  }
  return { hide, stuck, lpSolves };
}

/**
 * The headcount cell to hide for one exposed component: the published total capping one of its
 * groups (its unit or a unit above) with the least room between cap and respondents; failing
 * that, the cheapest published cell beside a hidden total joined to it.
 */
function cellToHide(
  date: HeadcountDateCells,
  totals: Map<string, number>,
  survey: SurveySystem,
  joint: { model: CellModel; staffCell: Map<number, number> },
  cells: number[],
  publishedStaff: (unitId: string) => number | undefined,
): number | undefined {
  const hc = date.model;
  const groups = survey.release.groups.length;
  const capping = new Set<string>();
  for (const cell of cells) {
    if (cell >= groups) continue;
    for (let unit: string | null = survey.unitOf[cell] as string; unit !== null; ) {
      capping.add(unit);
      unit = survey.parentOf.get(unit) ?? null;
    }
  }
  let best: { cell: number; room: number } | undefined;
  for (const unitId of capping) {
    const staff = publishedStaff(unitId);
    const cell = totals.get(unitId);
    if (staff === undefined || cell === undefined || staff < hc.k || hc.settled?.[cell]) continue;
    const group = survey.unitTotal.get(unitId);
    const respondents = group === undefined ? 0 : (joint.model.n[group] as number);
    const room = staff - respondents;
    if (!best || room < best.room || (room === best.room && cell < best.cell))
      best = { cell, room };
  }
  if (best) return best.cell;
  const byCell = equationsByCell(hc);
  const staffCells = cells
    .map((cell) => joint.staffCell.get(cell))
    .filter((cell): cell is number => cell !== undefined)
    .sort((a, b) => a - b);
  for (const start of staffCells) {
    const next = cheapestNeighbour(hc, byCell, start, {
      candidate: (other) =>
        hc.hidden[other] === null && (hc.n[other] as number) >= hc.k && !hc.settled?.[other],
      passThrough: (other) => hc.hidden[other] !== null,
    });
    if (next !== undefined) return next;
  }
  return undefined;
}

/** The release's own known headcounts, lowered where `staff` gives a unit a smaller one. */
function withCaps(
  release: Release,
  staff: (unitId: string) => number | undefined,
): Record<string, number> {
  const caps: Record<string, number> = { ...release.knownHeadcounts };
  const published = new Map(
    release.groups
      .filter((group) => group.part === "all" && group.filters.length === 0 && "value" in group.n)
      .map((group) => [group.unitId, (group.n as { value: number }).value]),
  );
  for (const unit of release.units) {
    const cap = staff(unit.id);
    // A cap under a published count of the unit is no cap (build-release.ts drops it too).
    if (cap === undefined || cap < (published.get(unit.id) ?? 0)) continue;
    caps[unit.id] = Math.min(caps[unit.id] ?? Number.POSITIVE_INFINITY, cap);
  }
  return caps;
}

/** A shown release as a cell model under the given caps; hidden counts start at 0. */
function surveySystem(release: Release, knownHeadcounts: Record<string, number>): SurveySystem {
  const relations = releaseEquations({ ...release, knownHeadcounts });
  const index = relations.position;
  const model: CellModel = {
    k: release.k,
    n: release.groups.map((group) => ("value" in group.n ? group.n.value : 0)),
    hidden: release.groups.map((group) =>
      "hidden" in group.n ? (group.n.hidden as HiddenReason) : null,
    ),
    equations: relations.equations.map((equation) => ({
      total: index.get(equation.total) as number,
      parts: equation.parts.map((part) => index.get(part) as number),
      partition: equation.partition,
    })),
    upper: release.groups.map((group) => relations.cap.get(group.id) ?? Number.POSITIVE_INFINITY),
    cost: release.groups.map(() => 1),
  };
  // A group splitting a primary group is hidden with it and may hold 0 (release-types.ts).
  const splits = new Uint8Array(model.n.length);
  for (const { total, parts } of model.equations) {
    if (model.hidden[total] !== "primary") continue;
    for (const part of parts) splits[part] = 1;
  }
  model.breaksDownPrimary = splits;
  const unitTotal = new Map<string, number>();
  release.groups.forEach((group, position) => {
    if (group.part === "all" && group.filters.length === 0) unitTotal.set(group.unitId, position);
  });
  return {
    release,
    model,
    unitOf: release.groups.map((group) => group.unitId),
    unitTotal,
    parentOf: new Map(release.units.map((unit) => [unit.id, unit.parentId])),
  };
}

/** Cells whose cap is lower in `capped` than in `base`. */
function changedCaps(base: CellModel, capped: CellModel): Set<number> {
  const changed = new Set<number>();
  capped.upper.forEach((upper, cell) => {
    if (upper < (base.upper[cell] as number)) changed.add(cell);
  });
  return changed;
}

/**
 * The survey audit's LP audit on the components that hold a changed cell; every other
 * component is what the release's own audit passed, unchanged, and is not asked again. Cells
 * from `groups` on (the headcount date's and the slacks of a joint model) stay unknowns but are
 * not asked: the headcount release audits its own cells.
 */
function auditChanged(
  highs: Highs,
  model: CellModel,
  changed: Set<number>,
  groups: number,
): RangeFindings {
  const proven = noProvenRanges(model.n.length);
  const leave = (cell: number) => {
    proven.wide[cell] = 1;
    proven.wideWithoutReasons[cell] = 1;
  };
  for (const { cells } of hiddenComponents(model)) {
    if (!cells.some((cell) => changed.has(cell))) for (const cell of cells) leave(cell);
  }
  for (let cell = groups; cell < model.n.length; cell++) leave(cell);
  return auditRanges(highs, model, proven);
}

/**
 * The reader's joint system: the survey groups with every published staff total as a cap, and
 * for each unit whose survey total and staff total are both hidden, the headcount date's cells
 * and equations appended with a slack cell: staff = respondents + slack, slack ≥ 0. Headcount
 * and slack cells count as proven (their own audit is the headcount release's): only survey
 * groups are asked.
 */
function jointModel(
  release: Release,
  survey: SurveySystem,
  date: HeadcountDateCells,
  totals: Map<string, number>,
  publishedStaff: (unitId: string) => number | undefined,
  point: number[] | undefined,
  linked: [string, number][],
): { model: CellModel; changed: Set<number>; staffCell: Map<number, number> } {
  const capped = surveySystem(release, withCaps(release, publishedStaff)).model;
  // Without a point yet (see exposureOf), hidden counts stay 0 until one is found.
  if (point) capped.n = [...point];
  const changed = changedCaps(survey.model, capped);
  const staffCell = new Map<number, number>();
  const hiddenStaff = linked.filter(([unitId]) => publishedStaff(unitId) === undefined);
  if (hiddenStaff.length === 0) return { model: capped, changed, staffCell };
  const hc = date.model;
  const offset = capped.n.length;
  const model: CellModel = {
    ...capped,
    n: [...capped.n, ...hc.n],
    hidden: [...capped.hidden, ...hc.hidden],
    equations: [
      ...capped.equations,
      ...hc.equations.map((equation) => ({
        total: equation.total + offset,
        parts: equation.parts.map((part) => part + offset),
        ...(equation.partition ? { partition: true } : {}),
      })),
    ],
    upper: [...capped.upper, ...hc.n.map(() => Number.POSITIVE_INFINITY)],
    cost: [...capped.cost, ...hc.cost],
    breaksDownPrimary: Uint8Array.from([
      ...(capped.breaksDownPrimary ?? new Uint8Array(offset)),
      ...(hc.breaksDownPrimary ?? new Uint8Array(hc.n.length)),
    ]),
  };
  for (const [unitId, group] of hiddenStaff) {
    const staff = offset + (totals.get(unitId) as number);
    const slack = model.n.length;
    // "unanimity": 0 or more, never a small group of its own.
    model.n.push((model.n[staff] as number) - (model.n[group] as number));
    model.hidden.push("unanimity");
    model.upper.push(Number.POSITIVE_INFINITY);
    model.cost.push(1);
    model.equations.push({ total: staff, parts: [group, slack] });
    changed.add(group);
    staffCell.set(staff, totals.get(unitId) as number);
  }
  model.breaksDownPrimary = Uint8Array.from([
    ...(model.breaksDownPrimary as Uint8Array),
    ...new Uint8Array(model.n.length - (model.breaksDownPrimary as Uint8Array).length),
  ]);
  return { model, changed, staffCell };
}

/** An integer point of the attacker's system (model B), or undefined when there is none. */
function integerPoint(highs: Highs, model: CellModel): number[] | undefined {
  const point = [...model.n];
  for (const { cells, rows } of hiddenComponents(model)) {
    const column = new Map(cells.map((cell, index) => [cell, index]));
    const bounds = cells.map((cell) => cellBounds(model, cell));
    if (bounds.some((b) => b.lower > b.upper)) return undefined;
    const lp = highs.createModel({
      ...lpData(highs, cells.length, rows, column, bounds),
      integrality: new Int32Array(cells.length).fill(1),
    });
    try {
      lp.options.set({ output_flag: false });
      lp.run();
      if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) return undefined;
      const solution = lp.getSolution().colValue;
      cells.forEach((cell, index) => {
        point[cell] = Math.round(solution[index] as number);
      });
    } finally {
      lp.dispose();
    }
  }
  return point;
}

/** Rounds of hiding for shown survey releases before a date is hidden whole instead. */
export const MAX_SURVEY_ROUNDS = 12;

/**
 * Protects one headcount date so that it exposes none of the survey releases `shown` before
 * it: `protect` (headcount-release.ts) is asked again with every cell found exposing one kept
 * hidden, until nothing is exposed; when that does not settle, or no publishable cell is left
 * to hide, the date is hidden whole (`protect(…, true)`). Deterministic: the same tables and
 * releases give the same cells.
 */
export function protectForShownSurveys<T extends { model: CellModel; hiddenWhole?: boolean }>(
  highs: Highs,
  describe: HeadcountDateCells["describe"],
  shown: readonly Release[],
  protect: (keepHidden: ReadonlySet<number>, whole: boolean) => T,
  countSolves: (solves: number) => void,
): T {
  const keepHidden = new Set<number>();
  let result = protect(keepHidden, false);
  for (let round = 1; shown.length > 0 && !result.hiddenWhole; round++) {
    const exposure = headcountCellsExposingSurveys(highs, { model: result.model, describe }, shown);
    countSolves(exposure.lpSolves);
    if (exposure.hide.length === 0 && !exposure.stuck) return result;
    if (exposure.stuck || round > MAX_SURVEY_ROUNDS) return protect(keepHidden, true);
    for (const cell of exposure.hide) keepHidden.add(cell);
    result = protect(keepHidden, false);
  }
  return result;
}
