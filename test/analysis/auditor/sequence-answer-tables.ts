import type { Release, ReleaseGroup } from "../../../analysis/release-types";
import { containersOf, type Question } from "./item-attack";
import { combine, constant, type Linear, LinearTextModel } from "./linear-text-model";
import { releaseSystem } from "./release-system";
import { withReasons } from "./sequence-attack";

/**
 * One question's answer tables of every served release, stacked as one linear model (written
 * apart from analysis/): per release and group, the size (published, or unknown within the
 * reasons' bounds) and one count per option (published where the group shows the question,
 * else unknown: adding up to the size for a single-choice question; for a multi-choice one a
 * ticked / not-ticked table per option, "ticked none" last); each release's equations (releaseSystem) on
 * the sizes and on every option's counts; and, from each release to the next that has the group,
 * "no size and no option count goes down" (answers are kept, never withdrawn).
 */
export interface AnswerSubject {
  groupId: string;
  /** A group's table in one release, or a batch: what arrived in a group between two releases. */
  at: { release: number } | { from: number; to: number };
  n: Linear;
  /** One count per option value, in the question's order. */
  x: Linear[];
  /** Its size is a published figure (a batch: both ends published). */
  sizeKnown: boolean;
  /** Published tables (same releases) that contain this group: anything they show it inherits. */
  containers: { n: number; x: number[] }[];
}

export interface AnswerTables {
  model: LinearTextModel;
  subjects: AnswerSubject[];
}

interface Table {
  n: Linear;
  x: Linear[];
  shown: boolean;
}

/** The stacked model and what the attack asks about: hidden tables and batches. */
export function stackAnswerTables(
  releases: readonly Release[],
  question: Question,
  k: number,
): AnswerTables {
  const model = new LinearTextModel();
  const bounds = withReasons(k);
  const tables = releases.map((release) => {
    const system = releaseSystem(release);
    const n = system.cells.map((cell) =>
      cell.value !== null
        ? constant(cell.value)
        : model.variable(bounds(cell).min, bounds(cell).max),
    );
    const x = release.groups.map((group, g) => {
      const counts = shownCounts(group, question);
      if (counts) return counts.map(constant);
      if (system.cells[g]?.value === 0) return question.values.map(() => constant(0));
      const xs = question.values.map(() => model.variable(0, Number.POSITIVE_INFINITY));
      answersMakeUp(model, n[g] as Linear, xs, question.kind);
      return xs;
    });
    for (const equation of system.equations) {
      const of = (terms: Linear[]) =>
        model.equal(
          combine(
            equation.cells.map(
              (cell, p) => [equation.coefficients[p] as number, terms[cell] as Linear] as const,
            ),
          ),
        );
      of(n);
      for (let s = 0; s < question.values.length; s++) of(x.map((row) => row[s] as Linear));
    }
    return new Map(
      release.groups.map((group, g): [string, Table] => [
        group.id,
        {
          n: n[g] as Linear,
          x: x[g] as Linear[],
          shown: shownCounts(group, question) !== null || system.cells[g]?.value === 0,
        },
      ]),
    );
  });
  // A "directly in unit" group a release leaves out is empty (as sequence-attack.ts reads it).
  const direct = new Set(
    releases.flatMap((release) =>
      release.groups.filter((g) => g.part === "direct").map((g) => g.id),
    ),
  );
  const empty: Table = { n: constant(0), x: question.values.map(() => constant(0)), shown: true };
  const at = (t: number, id: string): Table | undefined =>
    tables[t]?.get(id) ??
    (direct.has(id) && !releases[t]?.audit.organisationOnly ? empty : undefined);
  const ids = new Set(releases.flatMap((release) => release.groups.map((group) => group.id)));
  for (const id of ids) {
    let before: Table | undefined;
    releases.forEach((_, t) => {
      const here = at(t, id);
      if (!here) return;
      if (before) {
        model.atLeastZero(
          combine([
            [1, here.n],
            [-1, before.n],
          ]),
        );
        const earlier = before;
        here.x.forEach((count, s) => {
          model.atLeastZero(
            combine([
              [1, count],
              [-1, earlier.x[s] as Linear],
            ]),
          );
        });
      }
      before = here;
    });
  }
  const subjects: AnswerSubject[] = [];
  const published = (table: Table | undefined) =>
    table?.shown && table.n.terms.size === 0 && table.x.every((c) => c.terms.size === 0)
      ? { n: table.n.constant, x: table.x.map((c) => c.constant) }
      : null;
  releases.forEach((release, t) => {
    const containers = containersOf(release).map((list) =>
      list.flatMap((h) => published(at(t, (release.groups[h] as ReleaseGroup).id)) ?? []),
    );
    release.groups.forEach((group, g) => {
      const table = at(t, group.id) as Table;
      if (table.shown) return;
      subjects.push({
        groupId: group.id,
        at: { release: t },
        n: table.n,
        x: table.x,
        sizeKnown: table.n.terms.size === 0,
        containers: containers[g] ?? [],
      });
    });
  });
  releases.forEach((release, to) => {
    const containers = containersOf(release);
    release.groups.forEach((group, g) => {
      const end = at(to, group.id) as Table;
      for (let from = 0; from < to; from++) {
        const start = at(from, group.id);
        if (!start) continue;
        const n = combine([
          [1, end.n],
          [-1, start.n],
        ]);
        if (n.terms.size === 0 && n.constant <= 0) continue;
        const inherited = (containers[g] ?? []).flatMap((h) => {
          const id = (release.groups[h] as ReleaseGroup).id;
          const later = published(at(to, id));
          const earlier = published(at(from, id));
          if (!later) return [];
          if (!earlier) return [later];
          const batch = {
            n: later.n - earlier.n,
            x: later.x.map((c, s) => c - (earlier.x[s] ?? 0)),
          };
          return [later, batch];
        });
        subjects.push({
          groupId: group.id,
          at: { from, to },
          n,
          x: end.x.map((count, s) =>
            combine([
              [1, count],
              [-1, start.x[s] as Linear],
            ]),
          ),
          sizeKnown: n.terms.size === 0,
          containers: inherited,
        });
      }
    });
  });
  return { model, subjects };
}

/**
 * How an unknown table's counts make up its size: single choice, they add up to it; multi
 * choice, ticking none excludes every option and everyone ticked none or at least one option.
 */
function answersMakeUp(model: LinearTextModel, n: Linear, xs: Linear[], kind: Question["kind"]) {
  const slack = () => model.variable(0, Number.POSITIVE_INFINITY);
  if (kind === "single") {
    model.equal(combine([...xs.map((e) => [1, e] as const), [-1, n]]));
    return;
  }
  const none = xs[xs.length - 1] as Linear;
  for (const ticked of xs.slice(0, -1))
    model.equal(
      combine([
        [1, ticked],
        [1, none],
        [1, slack()],
        [-1, n],
      ]),
    );
  model.equal(combine([...xs.map((e) => [1, e] as const), [-1, slack()], [-1, n]]));
}

/** A group's option counts in the question's order, where the release shows them. */
function shownCounts(group: ReleaseGroup, question: Question): number[] | null {
  if (!("value" in group.n)) return null;
  const item = group.items.find((candidate) => candidate.key === question.key);
  if (!item || !("options" in item)) return null;
  const counts = new Map(item.options.map((option) => [option.value, option.count]));
  return question.values.map((value) => counts.get(value) ?? 0);
}
