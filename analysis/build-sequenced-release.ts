import type { Highs } from "highs";
import {
  auditReleaseSequence,
  commentBatches,
  type SequenceFinding,
  unanimousBatches,
} from "./audit-release-sequence";
import { buildRelease, organisationOnlyByDesign, type ReleaseInput } from "./build-release";
import { MIN_COMMENT_GROUP } from "./publish-comments";
import { releaseEquations } from "./release-equations";
import type { Release } from "./release-types";
import type { ResponseMatrix } from "./response-matrix";
import { withholdAnswers } from "./sequence-answers";
import type { WitnessCache } from "./sequence-witnesses";
import { type TrueCounts, trueGroupCounts } from "./true-group-counts";

/**
 * Rebuilds with more groups held back at most this often before the candidate is given up.
 * The rounds always end (each hides at least one more group, or stops), but each costs a
 * whole build and audit; on the 60-unit benchmark a batch of 500 newcomers needed 6.
 */
const MAX_SEQUENCE_ROUNDS = 10;

export interface SequencedRelease {
  /** The candidate, with whatever it holds back so that it may follow the shown releases. */
  release: Release;
  /** Whether it passes the sequence audit against every release already shown. */
  passes: boolean;
  findings: SequenceFinding[];
  rounds: number;
  solves: number;
  /** The candidate's true counts: the server keeps them in memory if the release is served. */
  truth: TrueCounts;
  /** How the batches were audited (see auditReleaseSequence): "stacked" also for small stacks. */
  method: "witnesses" | "stacked";
  /** Whether the true counts of every shown release were known (else: after a restart). */
  truthsKnown: boolean;
  /**
   * Builds with the item audit's LP stage: 1 when the candidate that passed was checked once
   * more with it, more when the LP-checked candidate failed the sequence audit and the later
   * rounds ran it each (0 with `itemLp: false`, or when no round passed).
   */
  lpBuilds: number;
  /**
   * Tables the answer audit of the stacked releases withheld in the release ("group id|question
   * key"): what the rounds' groups and the item audit published, but newcomers' answers forbid.
   */
  answersWithheld: string[];
}

export interface SequenceRules {
  sensitiveItems: ReadonlySet<string>;
  minCommentGroup: number;
}

/** The sequence rules of a questionnaire: its sensitive questions and the comment minimum. */
export function sequenceRules(input: ReleaseInput): SequenceRules {
  return {
    sensitiveItems: new Set(input.items.filter((item) => item.sensitive).map((item) => item.key)),
    minCommentGroup: MIN_COMMENT_GROUP,
  };
}

/**
 * Builds the next release of a campaign whose readers already saw `shown` (oldest first).
 * Groups whose change since a shown release would tell about the newcomers are held back
 * (hidden as "protects a small group") and the release protected again, a few rounds at
 * most; answers and comments of too few or too unanimous newcomers are held back as well.
 * When that cannot make the release safe (a change in a group that is hidden anyway, or in
 * the organisation as a whole), `passes` is false and the server keeps serving what it showed.
 * Every release that may be served is built with the item audit's LP stage (`itemLp`, on unless
 * turned off): the rounds decide which groups are held back without it, and the candidate that
 * passes is built once more with the same groups and the LP stage, its answers checked again.
 */
export function buildSequencedRelease(
  highs: Highs,
  matrix: ResponseMatrix,
  input: ReleaseInput,
  shown: Release[],
  {
    truths,
    witnesses,
    stackedUpTo,
    itemLp = true,
    answerAudit = true,
    answerLpMaxColumns,
  }: {
    /** The true counts of the shown releases, where the caller still holds them. */
    truths?: (TrueCounts | undefined)[];
    witnesses?: WitnessCache;
    /** See auditReleaseSequence. */
    stackedUpTo?: number;
    /**
     * Check the answers of the release served by LP as well (buildRelease's `itemLp`). The
     * server always does; off only in tests and benches about group sizes.
     */
    itemLp?: boolean;
    /**
     * Audit the answer tables stacked over the shown releases (sequence-answers.ts) and withhold
     * what tells about newcomers. The server always does; off only in tests about the rest.
     */
    answerAudit?: boolean;
    /** The answer audit's LP cap (sequence-answers.ts ANSWER_LP_MAX_COLUMNS): benches lift it. */
    answerLpMaxColumns?: number;
  } = {},
): SequencedRelease {
  const rules = sequenceRules(input);
  const truth = trueGroupCounts(matrix, input);
  const sequenceTruths = truths && truths.length === shown.length ? [...truths, truth] : undefined;
  const truthsKnown = sequenceTruths?.every(Boolean) === true;
  // Known from the candidate's true counts alone: a group published in a shown release that
  // grew by 1..k−1 since would be an exact finding if the candidate published it; hide it from
  // the first round instead of finding it after a whole build and audit.
  const alsoHide = new Set(changedByFew(shown, truth, input.k));
  // What the last shown release hid to protect others stays hidden: its pattern was made safe
  // against the releases before it, and a candidate that publishes other groups pins other
  // batches, which the rounds would have to find again (on the 60-unit benchmark, the sixth
  // interim release's first round found 1,079 pinned batches in 220 groups, most between shown
  // releases, and was held back after 10 rounds).
  for (const group of shown.at(-1)?.groups ?? [])
    if ("hidden" in group.n && group.n.hidden === "secondary") alsoHide.add(group.id);
  // Groups whose true count is the least the reader allows: hidden, they can only move up, so
  // they make no room for a newcomer's group beside them, and the first round's protection
  // does not count on them (as complementary cells they left newcomers pinned).
  let known = knownGroups(shown, truth);
  // The candidate's protection audits its hidden groups with the least count a reader of the
  // shown releases allows as lower bounds: without them, its own audit saw a primary group's
  // range as wide where the reader, knowing its neighbours cannot be below their earlier
  // values, pins it and with it counts of earlier releases (the fifth interim release of the
  // 60-unit benchmark was held back after 10 rounds on 57 such batches).
  const least = leastCounts(shown);
  // Every release a reader may get has its answers checked by LP too (20–165 s of CPU on the
  // demo's diagnoses, README). The LP stage hides answers only, never a group (it runs after the
  // group sizes are protected, on the published groups), so the hold-back rounds, which decide
  // the groups, run without it; the candidate that passes is built once more with the same
  // groups hidden and the LP stage on, and that release's newcomers' answers are held back and
  // checked again. Should that fail, the remaining rounds run the LP stage each.
  let lpEveryRound = false;
  let lpBuilds = 0;
  let solves = 0;
  let method: SequencedRelease["method"] = truthsKnown ? "witnesses" : "stacked";
  // A release passes when the sequence audit finds nothing in it.
  const outcome = (
    rounds: number,
    release: Release,
    findings: SequencedRelease["findings"],
  ): SequencedRelease => ({
    release,
    passes: findings.length === 0,
    findings,
    rounds,
    solves,
    truth,
    method,
    truthsKnown,
    lpBuilds,
    answersWithheld: [],
  });
  // The answer tables stacked over every shown release (sequence-answers.ts): the candidate's
  // tables that tell about newcomers are withheld; what withholding cannot settle is a finding.
  const answersChecked = (round: number, candidate: Release): SequencedRelease => {
    if (!answerAudit) return outcome(round, candidate, []);
    const checked = withholdAnswers(highs, shown, candidate, {
      sensitiveItems: rules.sensitiveItems,
      ...(sequenceTruths ? { truths: sequenceTruths } : {}),
      ...(answerLpMaxColumns !== undefined ? { lpMaxColumns: answerLpMaxColumns } : {}),
    });
    for (const audit of checked.audits) solves += audit.solves + audit.pinSolves;
    const result = outcome(
      round,
      checked.release,
      checked.left.map(
        (finding): SequenceFinding => ({
          // A size pinned through the tables goes to the rounds (a group hidden more frees it);
          // an unsettled one would stay unsettled.
          kind: finding.kind === "size" && !finding.unsettled ? "exact" : "answers",
          groupId: finding.groupId,
          from: finding.from,
          to: finding.to,
          item: finding.item,
        }),
      ),
    );
    return { ...result, answersWithheld: checked.withheld };
  };
  try {
    for (let round = 1; ; round++) {
      // With nothing shown, the first round is the release: it gets the LP stage at once.
      const lpNow = itemLp && (lpEveryRound || shown.length === 0);
      if (lpNow) lpBuilds++;
      let protection: ProtectionOptions = { alsoHide, known, least };
      let built = buildRelease(highs, matrix, input, { ...protection, itemLp: lpNow });
      // With the known groups set aside, the organisation's total can be the only cell left to
      // hide beside a hidden unit; it is never held back (see groupsToHoldBack), so such a
      // candidate is protected as before, counting on the known groups.
      if (hidesOrganisation(built) && known.size > 0) {
        protection = { alsoHide, least };
        built = buildRelease(highs, matrix, input, { ...protection, itemLp: lpNow });
      }
      // Least counts can pin a cell by themselves (k raised after a release showed it): no
      // breakdown then satisfies the candidate's own audit, which would fall back to the
      // organisation only. They only guide the choice of complements (the sequence audit below
      // decides), so such a candidate is protected without them.
      if (built.audit.organisationOnly && !organisationOnlyByDesign(input) && least.size > 0) {
        protection = { alsoHide };
        built = buildRelease(highs, matrix, input, { ...protection, itemLp: lpNow });
      }
      if (shown.length === 0) return outcome(round, built, []);
      let release = holdBackBatchFigures(shown, built, rules);
      const sequenceAudit = (candidate: Release) => {
        const audit = auditReleaseSequence(highs, [...shown, candidate], {
          ...rules,
          truths: sequenceTruths,
          witnesses,
          ...(stackedUpTo === undefined ? {} : { stackedUpTo }),
        });
        solves += audit.solves;
        method = audit.method;
        return audit;
      };
      let audit: { findings: SequenceFinding[] } = sequenceAudit(release);
      if (audit.findings.length === 0 && itemLp && !lpNow) {
        // The organisation as a whole only: the answer check does not run at all (with the LP
        // stage or without), so the release is the same one; it is marked as built with it.
        if (built.audit.organisationOnly)
          return answersChecked(round, {
            ...release,
            audit: { ...release.audit, itemLp: true },
          });
        // The same groups hidden (the same options), now with the answers checked by LP.
        lpBuilds++;
        const checked = buildRelease(highs, matrix, input, { ...protection, itemLp: true });
        if (!sameGroupFigures(built, checked)) {
          // Not expected (the LP stage decides answers only); if it ever happens, this round is
          // done again with the LP stage, as every later one.
          lpEveryRound = true;
          round--;
          continue;
        }
        built = checked;
        release = holdBackBatchFigures(shown, checked, rules);
        // Its group figures and comments are those that just passed, so the batches of group
        // sizes are settled as they were (that part of the audit reads nothing else); what the
        // LP stage changed is answers, checked again against every shown release.
        audit = { findings: answerFindings(shown, release, rules) };
        if (audit.findings.length > 0) lpEveryRound = true;
      }
      if (audit.findings.length === 0) {
        const checked = answersChecked(round, release);
        // A batch size that only the answer tables pin, even with every table of the question
        // withheld in the candidate, is held back as a group-size finding in the next round.
        if (checked.passes || checked.findings.some((finding) => finding.kind !== "exact"))
          return checked;
        release = checked.release;
        audit = { findings: checked.findings };
      }
      // How far a group can move down for the reader: from its true count to the least the shown
      // releases allow (for a group published in the last one, what it grew since).
      const more = groupsToHoldBack(release, audit.findings, alsoHide, {
        candidate: shown.length,
        grown: (id) => (truth.get(id) ?? 0) - (least.get(id) ?? 0),
      });
      if (more.length === 0 || round >= MAX_SEQUENCE_ROUNDS) {
        return outcome(round, release, audit.findings);
      }
      for (const id of more) alsoHide.add(id);
      // A known group hidden can still move up, and so frees from above a count of an earlier
      // release that the candidate bounds: where batches of known groups are pinned, the next
      // rounds count on them again, as before (on the 60-unit benchmark, the fifth interim
      // release's pinned batches between shown releases stayed in 11 known groups otherwise).
      if (audit.findings.some((finding) => known.has(finding.groupId))) known = new Set();
      // What this round hid to protect others stays hidden: a new protection pattern would
      // publish other groups, pin other batches and start the search again.
      for (const group of built.groups)
        if ("hidden" in group.n && group.n.hidden === "secondary") alsoHide.add(group.id);
    }
  } finally {
    // The points and verdicts of this build's rounds belong to this candidate only.
    witnesses?.endBuild(truth);
  }
}

/** The options of buildRelease that decide which groups are hidden (the hold-back rounds'). */
type ProtectionOptions = Pick<
  NonNullable<Parameters<typeof buildRelease>[3]>,
  "alsoHide" | "known" | "least"
>;

/**
 * Whether two builds publish the same groups with the same figures, hide the same groups for
 * the same reasons and show the same comments: all a sequence audit reads but answers.
 */
export function sameGroupFigures(a: Release, b: Release): boolean {
  if (a.audit.organisationOnly !== b.audit.organisationOnly) return false;
  if (a.groups.length !== b.groups.length) return false;
  if (JSON.stringify(a.comments) !== JSON.stringify(b.comments)) return false;
  return a.groups.every((group, index) => {
    const other = b.groups[index];
    return other?.id === group.id && JSON.stringify(other.n) === JSON.stringify(group.n);
  });
}

function hidesOrganisation(release: Release): boolean {
  const root = release.units.find((unit) => unit.parentId === null)?.id;
  const n = release.groups.find((group) => group.id === `${root}/all`)?.n;
  return n !== undefined && "hidden" in n && n.hidden === "secondary";
}

/**
 * Groups whose true count in the candidate is the least a reader of the shown releases must
 * allow (counts never go down): the largest value a shown release published for the group, or
 * for a total, the sum of its parts' least values. Such a group can only have grown, and it did
 * not, so hidden it can only move up: it cannot make room for a pinned group beside it (which
 * would have to move up as it moved down), and the first round's protection does not count on
 * it. A sound
 * condition, and a cheap one: lower bounds the stacked system proves through hidden counts and
 * published totals are not looked for, so such groups may still be counted on (the sequence
 * audit has the last word either way).
 */
export function knownGroups(shown: Release[], truth: TrueCounts): Set<string> {
  const known = new Set<string>();
  for (const [id, value] of leastCounts(shown))
    if (value > 0 && truth.get(id) === value) known.add(id);
  return known;
}

/**
 * The least count a reader of the shown releases must allow for each group in any later
 * release (counts never go down): the largest value a shown release published for it, or for a
 * total, the sum of its parts' least counts over the last structured shown release's
 * relations. A sound lower bound, not the tightest: what the stacked system proves through
 * hidden counts is not looked for.
 */
export function leastCounts(shown: Release[]): Map<string, number> {
  const least = new Map<string, number>();
  for (const release of shown)
    for (const group of release.groups)
      if ("value" in group.n)
        least.set(group.id, Math.max(least.get(group.id) ?? 0, group.n.value));
  const structure = [...shown].reverse().find((release) => !release.audit.organisationOnly);
  const equations = structure ? releaseEquations(structure).equations : [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts } of equations) {
      const sum = parts.reduce((sum, part) => sum + (least.get(part) ?? 0), 0);
      if (sum > (least.get(total) ?? 0)) {
        least.set(total, sum);
        changed = true;
      }
    }
  }
  return least;
}

/**
 * Groups published in a shown release whose true count in the candidate is 1..k−1 more: the
 * candidate must not publish them (but for the organisation's total).
 */
function changedByFew(shown: Release[], truth: TrueCounts, k: number): string[] {
  const found = new Set<string>();
  for (const release of shown) {
    const organisation = `${release.units.find((unit) => unit.parentId === null)?.id}/all`;
    for (const group of release.groups) {
      // The organisation's total is never held back (see groupsToHoldBack): the release waits.
      if (!("value" in group.n) || group.id === organisation) continue;
      const d = (truth.get(group.id) ?? 0) - group.n.value;
      if (d >= 1 && d < k) found.add(group.id);
    }
  }
  return [...found];
}

/**
 * Published groups of the candidate to hide next: a flagged group itself, or for a flagged
 * group already hidden, in every relation holding it a published group of k or more (a hidden
 * count pinned through one relation is pinned through any of them, so one more unknown in each
 * relation, like a complementary cell in every row and column of cell suppression). A batch
 * between two earlier releases can only have been pinned by the candidate's figures, so its
 * group is treated the same way in the candidate.
 *
 * `grown` is how far a group can move down for the reader (its true count less the least the
 * shown releases allow): a hidden partner can make room for the pinned count only as far as it
 * can move, and the reader knows it never went down, so a partner that grew by k or more is
 * chosen first, then the one that grew most, then the smallest. A count of an earlier release
 * is pinned from above by the candidate (it can be no more than the candidate's count), so for
 * it a partner that cannot move down is not chosen, but for the relation's total (which frees
 * it by moving up). Where a relation has no published partner left (every
 * member hidden, often since earlier releases, with nothing grown to move), the pin comes
 * through its hidden members' own relations: a partner is looked for there, up to three
 * relations away.
 */
export function groupsToHoldBack(
  release: Release,
  findings: SequenceFinding[],
  already: ReadonlySet<string>,
  {
    grown,
    candidate,
  }: {
    grown?: (groupId: string) => number;
    /** The candidate's position in the findings' sequence (else every batch ends at it). */
    candidate?: number;
  } = {},
): string[] {
  const { position, equations } = releaseEquations(release);
  // The organisation's total is never held back: fewer than k newcomers in all means the
  // release waits, rather than one that hides everything.
  const root = release.units.find((unit) => unit.parentId === null)?.id;
  const organisation = `${root}/all`;
  const size = (id: string) => {
    const n = release.groups[position.get(id) ?? -1]?.n;
    if (id === organisation || already.has(id)) return null;
    return n && "value" in n && n.value >= release.k ? n.value : null;
  };
  const hidden = (id: string) => {
    const n = release.groups[position.get(id) ?? -1]?.n;
    return n !== undefined && "hidden" in n;
  };
  const relations = new Map<string, string[][]>();
  for (const { total, parts } of equations) {
    const members = [total, ...parts];
    for (const id of members) relations.set(id, [...(relations.get(id) ?? []), members]);
  }
  const chosen = new Set<string>();
  const pinned = new Set<string>();
  const pinnedEarlier = new Set<string>();
  for (const finding of findings) {
    if (finding.kind !== "exact" && finding.kind !== "narrow" && finding.kind !== "unsettled")
      continue;
    if (size(finding.groupId) !== null) chosen.add(finding.groupId);
    // A batch between two shown releases is pinned through its relations there, whose members
    // the candidate bounds from above: hiding the group alone does not free it.
    if (size(finding.groupId) === null || finding.to < (candidate ?? finding.to))
      pinned.add(finding.groupId);
    if (finding.to < (candidate ?? finding.to)) pinnedEarlier.add(finding.groupId);
  }
  const k = release.k;
  // Hidden as "protects a small group", a partner is at least k for the reader as well.
  const room = (id: string, n: number) => Math.max(0, Math.min(grown?.(id) ?? 0, n - k, k));
  const partner = (members: string[], needsRoom: boolean) => {
    let best: { id: string; n: number; room: number } | undefined;
    for (const member of members) {
      const n = size(member);
      if (n === null) continue;
      // A count of an earlier release is pinned from above by the candidate: only a partner that
      // can move down (or the relation's total, up) makes room for it.
      if (needsRoom && grown && room(member, n) === 0 && member !== members[0]) continue;
      const candidate = { id: member, n, room: room(member, n) };
      if (
        !best ||
        candidate.room > best.room ||
        (candidate.room === best.room && candidate.n < best.n)
      )
        best = candidate;
    }
    return best?.id;
  };
  const free = (id: string, depth: number, visited: Set<string>, needsRoom: boolean) => {
    visited.add(id);
    for (const members of relations.get(id) ?? []) {
      // A relation that gets a new unknown this round already frees the pinned count in it.
      if (members.some((member) => chosen.has(member))) continue;
      const found = partner(members, needsRoom);
      if (found) {
        chosen.add(found);
        continue;
      }
      if (depth === 0) continue;
      for (const member of members)
        if (!visited.has(member) && hidden(member) && member !== organisation)
          free(member, depth - 1, visited, needsRoom);
    }
  };
  for (const id of pinned) free(id, 2, new Set(), pinnedEarlier.has(id));
  return [...chosen];
}

/**
 * Hides, in the candidate, a sensitive question wherever the newcomers' answers to it (its
 * change since a shown release, directly or as a remainder) would be (nearly) unanimous, and
 * drops comments of a unit that would show new texts of too few newcomers. Runs to a fixpoint,
 * checking the candidate on its own as well (against an empty release), because a question
 * hidden in one group changes the remainders around it. Such a question is marked "protected",
 * like the item audit's: "unanimity" would tell that the newcomers answered alike.
 */
export function holdBackBatchFigures(
  shown: Release[],
  candidate: Release,
  rules: SequenceRules,
): Release {
  const held: Release = structuredClone(candidate);
  const sequence = [emptyLike(candidate), ...shown, held];
  const structures = sequence.map(releaseEquations);
  const last = sequence.length - 1;
  let changed = true;
  while (changed) {
    changed = false;
    for (let from = 0; from < last; from++) {
      for (const finding of unanimousBatches(
        sequence,
        structures,
        from,
        last,
        rules.sensitiveItems,
      )) {
        const victim = held.groups[structures[last]?.position.get(finding.victim ?? "") ?? -1];
        const index = victim?.items.findIndex((item) => item.key === finding.item) ?? -1;
        const item = victim?.items[index];
        if (!victim || !item || !("options" in item)) continue;
        victim.items[index] = { key: item.key, kind: item.kind, hidden: "protected" };
        changed = true;
      }
    }
    for (let from = 1; from < last; from++) {
      const k = Math.max(held.k, rules.minCommentGroup);
      for (const finding of commentBatches(sequence, structures, from, last, k)) {
        const unitId = held.groups[structures[last]?.position.get(finding.groupId) ?? -1]?.unitId;
        const before = held.comments.length;
        held.comments = held.comments.filter(
          (entry) => !(entry.unitId === unitId && entry.item === finding.item),
        );
        changed ||= held.comments.length < before;
      }
    }
  }
  return held;
}

/**
 * The sequence audit's checks of what newcomers answered and wrote (auditReleaseSequence's,
 * for every shown release against the candidate), without its audit of group sizes.
 */
function answerFindings(shown: Release[], candidate: Release, rules: SequenceRules) {
  const sequence = [...shown, candidate];
  const structures = sequence.map(releaseEquations);
  const k = Math.max(...sequence.map((release) => release.k), rules.minCommentGroup);
  const last = sequence.length - 1;
  const found: SequenceFinding[] = [];
  for (let from = 0; from < last; from++) {
    found.push(...unanimousBatches(sequence, structures, from, last, rules.sensitiveItems));
    found.push(...commentBatches(sequence, structures, from, last, k));
  }
  return found;
}

/** The release structure with every published count and answer at 0, and no comments. */
function emptyLike(release: Release): Release {
  return {
    ...release,
    groups: release.groups.map((group) => ({
      ...group,
      n: "value" in group.n ? { value: 0 } : group.n,
      items: group.items.map((item) =>
        "options" in item
          ? { ...item, options: item.options.map((option) => ({ ...option, count: 0, share: 0 })) }
          : item,
      ),
    })),
    comments: [],
  };
}
