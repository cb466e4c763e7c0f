import type { Highs } from "highs";
import { type ReleaseEquations, releaseEquations } from "./release-equations";
import type { Release } from "./release-types";
import { auditStackedBatches, sequenceSystem } from "./sequence-system";
import {
  auditBatchesWithTruths,
  type WitnessCache,
  type WitnessObserver,
} from "./sequence-witnesses";
import type { TrueCounts } from "./true-group-counts";

/**
 * Something a reader holding every release of the sequence learns about the respondents who
 * arrived between two of them (a batch) that a single release would never tell.
 */
export interface SequenceFinding {
  kind:
    | "exact" // a batch group of 1..k−1 follows exactly (values and reasons)
    | "narrow" // values alone prove a batch group holds 1..k−1
    | "unsettled" // not produced since every open batch ends in the whole stacked system
    | "unanimous" // a sensitive question's answers in a batch group are (nearly) unanimous
    | "comment" // new comments are shown for fewer than max(k, 10) newcomers
    | "answers"; // stacked answer tables tell about newcomers (sequence-answers.ts)
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
  /**
   * "witnesses" when the true counts of every release were known (what they and kept points
   * leave open audited jointly; shift LPs first only in very large systems), "stacked"
   * otherwise (one joint LP of every release).
   */
  method: "witnesses" | "stacked";
  /** With witnesses: batches they left open, and the joint fallback's LPs. */
  open?: number;
  windowSolves?: number;
}

/**
 * Hidden counts below which the stacked audit runs even with the true counts known: 3 releases
 * of the 60-unit benchmark (about 800 hidden groups each) took 175% of one release's build.
 */
export const STACKED_AUDIT_MAX_HIDDEN = 2_500;

export interface SequenceAuditOptions {
  sensitiveItems: ReadonlySet<string>;
  minCommentGroup: number;
  /**
   * The true counts of each release (same order), kept in memory by the release worker. When
   * every one is known the batches are settled by witnesses; otherwise (after a restart) by the
   * stacked audit.
   */
  truths?: (TrueCounts | undefined)[];
  witnesses?: WitnessCache;
  /**
   * Stacked systems of fewer than this many hidden counts are audited jointly even when the truths
   * are known: exact, and on a few releases faster than witnesses (tests set 0 to use them).
   */
  stackedUpTo?: number;
  /** Sees every witness the audit finds (tests check each is feasible for the reader's system). */
  observeWitness?: WitnessObserver;
  /**
   * The most hidden counts of one joint LP for the batches the true counts leave open (default
   * WINDOW_MAX_VARIABLES); beyond, shift witnesses and windows first, and the whole stacked
   * system for what they leave (tests set it low).
   */
  jointUpTo?: number;
}

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
    truths,
    witnesses,
    stackedUpTo = STACKED_AUDIT_MAX_HIDDEN,
    observeWitness,
    jointUpTo,
  }: SequenceAuditOptions,
): SequenceAudit {
  const findings: SequenceFinding[] = [];
  const known =
    truths && truths.length === releases.length && truths.every((truth) => truth !== undefined)
      ? (truths as TrueCounts[])
      : undefined;
  if (releases.length < 2) return { findings, solves: 0, method: known ? "witnesses" : "stacked" };
  const structures = releases.map(releaseEquations);
  const k = Math.max(...releases.map((release) => release.k));
  const last = releases.length - 1;
  for (let from = 0; from < last; from++) {
    findings.push(...unanimousBatches(releases, structures, from, last, sensitiveItems));
    findings.push(
      ...commentBatches(releases, structures, from, last, Math.max(k, minCommentGroup)),
    );
  }
  const system = sequenceSystem(releases, structures);
  const witnessed =
    known &&
    system.variables.length >= stackedUpTo &&
    auditBatchesWithTruths(highs, releases, structures, known, k, {
      cache: witnesses,
      observe: observeWitness,
      ...(jointUpTo === undefined ? {} : { jointUpTo }),
    });
  if (witnessed) {
    findings.push(...witnessed.findings);
    return {
      findings,
      solves: witnessed.solves + witnessed.windowSolves,
      method: "witnesses",
      open: witnessed.open,
      windowSolves: witnessed.windowSolves,
    };
  }
  const stacked = auditStackedBatches(highs, system, k);
  findings.push(...stacked.findings);
  return { findings, solves: stacked.solves, method: "stacked" };
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
