import Database from "better-sqlite3";
import highsLoader from "highs";
import { aggregateCounts, filterSpace } from "../../analysis/aggregate-counts";
import {
  buildRelease,
  createResponseMatrix,
  type ReleaseInput,
} from "../../analysis/build-release";
import type { CellModel } from "../../analysis/cell-model";
import { suppressNextSmallest } from "../../analysis/naive-suppression";
import { releaseCells } from "../../analysis/release-cells";
import type { ItemSpec, ResponseRow } from "../../analysis/types";
import { threadedQuestionAuditor } from "../../server/results/question-auditor";

export interface ReleaseBenchFigures {
  responses: number;
  questions: number;
  units: number;
  matrixMs: number;
  aggregateMs: number;
  sqliteMs: number;
  releaseMs: number;
  /** The same release with the item-level audit off: the group-size audit alone. */
  releaseWithoutItemsMs: number;
  /** The same release with the item audit's LP stage on (as the server builds every release it serves). */
  releaseWithLpMs: number;
  /** CPU time of the three builds (the machine is shared: wall time follows its load). */
  cpuMs: { withoutItems: number; release: number; withLp: number };
  /**
   * The LP-on release as the server's release worker builds it: the questions shared with one
   * helper thread (server/results/question-auditor.ts), against the same build on one thread.
   * Each built twice in turn (one thread, two, one, two): the second pair is the warmed-up one
   * (the first build in a thread pays seconds of JIT). CPU counts every thread of the process.
   */
  threads: {
    oneThread: { ms: number; cpuMs: number }[];
    twoThreads: { ms: number; cpuMs: number }[];
    /** Every build gave the same release. */
    identical: boolean;
  };
  /** The release built with the LP stage on, against the default (bound tightening only). */
  itemLp: { solves: number; withheld: number; hidden: number; answersHidden: number };
  peakRssMb: number;
  audit: Record<string, number | boolean>;
  loss: { ours: Loss; nextSmallest: Loss };
  /** Answer distributions (question × published group) hidden, with and without the item audit. */
  itemLoss: {
    cells: number;
    hidden: number;
    hiddenBefore: number;
    answersHidden: number;
    answers: number;
  };
}

interface Loss {
  cells: number;
  respondents: number;
  cellShare: number;
  respondentShare: number;
}

const DIMENSIONS: [string, number][] = [
  ["gender", 5],
  ["age_band", 6],
  ["job_level", 6],
  ["migration_background", 5],
  ["disability", 4],
];

/** A synthetic organisation: 60 units in 3 levels, 5 dimensions, 35 more questions. */
export function syntheticCampaign(responses: number): { input: ReleaseInput; rows: ResponseRow[] } {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const units: { id: string; parentId: string | null }[] = [];
  for (let f = 0; f < 8; f++) {
    units.push({ id: `F${f}`, parentId: null });
    for (let d = 0; d < 6 + (f % 2); d++) units.push({ id: `F${f}D${d}`, parentId: `F${f}` });
  }
  units.length = 59; // + the organisation itself = 60 units
  const items: ItemSpec[] = DIMENSIONS.map(([key, size]) => ({
    kind: "single",
    key,
    path: [key],
    options: Array.from({ length: size }, (_, v) => `${key}-${v}`),
    breakdown: true,
    sensitive: true,
  }));
  for (let q = 0; q < 33; q++) {
    items.push({
      kind: "single",
      key: `q${q}`,
      path: [`q${q}`],
      options: [1, 2, 3, 4, 5],
      scale: { numeric: true, favourable: [4, 5] },
      breakdown: false,
      sensitive: q === 0,
    });
  }
  items.push({
    kind: "multi",
    key: "grounds",
    path: ["grounds"],
    options: ["a", "b", "c", "d", "e", "f"],
    breakdown: false,
    sensitive: true,
  });
  items.push({
    kind: "text",
    key: "comment",
    path: ["comment"],
    breakdown: false,
    sensitive: false,
  });
  // Unit sizes vary a lot (a few tiny units), and dimensions have rare values, as in reality.
  const weights = units.map(() => 0.01 + random() ** 3);
  const total = weights.reduce((a, b) => a + b, 0);
  const rows: ResponseRow[] = [];
  for (let r = 0; r < responses; r++) {
    let roll = random() * total;
    let unit = units[0]?.id ?? "";
    for (let u = 0; u < units.length; u++) {
      roll -= weights[u] as number;
      if (roll <= 0) {
        unit = units[u]?.id ?? unit;
        break;
      }
    }
    const answers: Record<string, unknown> = {};
    for (const [key, size] of DIMENSIONS) {
      const x = random();
      if (x < 0.03) continue;
      answers[key] = `${key}-${x < 0.6 ? 0 : x < 0.9 ? 1 : rareValue(random, size)}`;
    }
    for (let q = 0; q < 33; q++)
      if (random() > 0.02) answers[`q${q}`] = 1 + Math.floor(random() * 5);
    answers.grounds = ["a", "b", "c", "d", "e", "f"].filter(() => random() < 0.1);
    if (random() < 0.05) answers.comment = `comment ${r}`;
    rows.push({ unitId: unit, answers });
  }
  return {
    input: {
      organisationId: "ORG",
      units,
      items,
      k: 5,
      crosses: [["gender", "job_level"]],
    },
    rows,
  };
}

/** Values 2.. of a dimension, each about half as frequent as the one before. */
function rareValue(random: () => number, size: number): number {
  let value = 2;
  while (value < size - 1 && random() < 0.5) value++;
  return value;
}

/** The same raw counts with SQLite GROUP BY over a flat table (one column per question). */
function sqliteCounts(input: ReleaseInput, rows: ResponseRow[]): number {
  const db = new Database(":memory:");
  const columns = input.items.filter((item) => item.kind !== "text").map((item) => item.key);
  const quoted = columns.map((column) => `"${column}"`);
  db.exec(`CREATE TABLE r (unit TEXT, ${quoted.map((c) => `${c} INTEGER`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO r VALUES (?, ${columns.map(() => "?").join(", ")})`);
  db.transaction(() => {
    for (const row of rows) {
      const values = input.items
        .filter((item) => item.kind !== "text")
        .map((item) => {
          const answer = row.answers[item.key];
          if (item.kind === "multi") {
            return Array.isArray(answer)
              ? answer.reduce((mask: number, v) => mask | (1 << item.options.indexOf(v)), 0)
              : 0;
          }
          return item.kind === "single" && answer !== undefined
            ? item.options.indexOf(answer as never) + 1
            : 0;
        });
      insert.run(row.unitId, ...values);
    }
  })();
  const dims = input.items.filter((item) => item.breakdown).map((item) => `"${item.key}"`);
  const filters = ["0", ...dims, `"gender" * 16 + "job_level"`];
  const counted = input.items.filter((item) => item.kind !== "text" && !item.breakdown);
  const start = performance.now();
  let groups = 0;
  for (const filter of filters) {
    db.prepare(`SELECT unit, ${filter} AS f, COUNT(*) FROM r GROUP BY unit, f`).all();
    for (const item of counted) {
      if (item.kind === "multi") {
        const sums = item.options.map((_, o) => `SUM(("${item.key}" >> ${o}) & 1)`).join(", ");
        groups += db
          .prepare(
            `SELECT unit, ${filter} AS f, SUM("${item.key}" = 0), ${sums} FROM r GROUP BY unit, f`,
          )
          .all().length;
      } else {
        groups += db
          .prepare(
            `SELECT unit, ${filter} AS f, "${item.key}", COUNT(*) FROM r GROUP BY unit, f, "${item.key}"`,
          )
          .all().length;
      }
    }
  }
  const elapsed = performance.now() - start;
  db.close();
  if (groups === 0) throw new Error("SQLite counted nothing");
  return elapsed;
}

/** Glint-style rule for comparison: where one cell of a partition is hidden, hide the next smallest. */
function nextSmallestLoss(model: CellModel): Loss {
  suppressNextSmallest(model);
  return lossOf(
    model.n,
    model.hidden.map((reason) => reason === "secondary"),
  );
}

function lossOf(n: number[], extra: boolean[]): Loss {
  const cells = extra.filter(Boolean).length;
  const respondents = n.reduce((sum, value, cell) => sum + (extra[cell] ? value : 0), 0);
  const all = n.reduce((a, b) => a + b, 0);
  return {
    cells,
    respondents,
    cellShare: cells / n.length,
    respondentShare: all > 0 ? respondents / all : 0,
  };
}

/** The middle item by `of` (the upper one of an even count). */
function median<T>(items: T[], of: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => of(a) - of(b));
  return sorted[Math.floor(sorted.length / 2)] as T;
}

export async function measureReleaseBuild(responses = 100_000): Promise<ReleaseBenchFigures> {
  const { input, rows } = syntheticCampaign(responses);
  const highs = await highsLoader();
  let start = performance.now();
  const matrix = createResponseMatrix(input, rows);
  const matrixMs = performance.now() - start;
  const space = filterSpace(input.items, input.crosses ?? []);
  aggregateCounts(matrix, space); // warm-up
  const aggregateRuns: number[] = [];
  for (let run = 0; run < 5; run++) {
    start = performance.now();
    aggregateCounts(matrix, space);
    aggregateRuns.push(performance.now() - start);
  }
  const sqliteMs = sqliteCounts(input, rows);
  const timed = <T>(build: () => T) => {
    const cpu = process.cpuUsage();
    const begin = performance.now();
    const value = build();
    const used = process.cpuUsage(cpu);
    return { value, ms: performance.now() - begin, cpuMs: (used.user + used.system) / 1000 };
  };
  buildRelease(highs, matrix, input, { itemAudit: false }); // warm-up
  // The item audit's share is a difference of two builds of about a second each: one run of
  // each let a garbage collection make it negative. Interleaved, the median run of three of each.
  const withoutItemsRuns = [];
  const releaseRuns = [];
  for (let run = 0; run < 3; run++) {
    withoutItemsRuns.push(timed(() => buildRelease(highs, matrix, input, { itemAudit: false })));
    releaseRuns.push(timed(() => buildRelease(highs, matrix, input)));
  }
  const byMs = (run: { ms: number }) => run.ms;
  const withoutItemsRun = median(withoutItemsRuns, byMs);
  const withoutItems = withoutItemsRun.value;
  const releaseWithoutItemsMs = withoutItemsRun.ms;
  const releaseRun = median(releaseRuns, byMs);
  const release = releaseRun.value;
  const releaseMs = releaseRun.ms;
  const lpRun = timed(() => buildRelease(highs, matrix, input, { itemLp: true }));
  const auditor = threadedQuestionAuditor(highs);
  const threadedInput = { ...input, questionAuditor: auditor };
  const oneThread = [lpRun];
  const twoThreads = [timed(() => buildRelease(highs, matrix, threadedInput, { itemLp: true }))];
  oneThread.push(timed(() => buildRelease(highs, matrix, input, { itemLp: true })));
  twoThreads.push(timed(() => buildRelease(highs, matrix, threadedInput, { itemLp: true })));
  await auditor.close();
  const lpJson = JSON.stringify(lpRun.value);
  const identical = [...oneThread, ...twoThreads].every(
    (run) => JSON.stringify(run.value) === lpJson,
  );
  const answers = release.groups.reduce(
    (sum, group) => sum + ("value" in group.n ? group.n.value * group.items.length : 0),
    0,
  );

  const counts = aggregateCounts(matrix, space);
  const { model } = releaseCells(matrix.tree, counts, {
    k: input.k,
    headcounts: {},
    previouslyHidden: new Set(),
    groupId: () => "",
  });
  const ours = release.groups.map((group) => "hidden" in group.n && group.n.hidden === "secondary");
  const oursLoss = lossOf(model.n, ours);
  return {
    responses,
    questions: input.items.length,
    units: matrix.tree.ids.length,
    matrixMs,
    aggregateMs: median(aggregateRuns, (ms) => ms),
    sqliteMs,
    releaseMs,
    releaseWithoutItemsMs,
    releaseWithLpMs: lpRun.ms,
    cpuMs: {
      withoutItems: withoutItemsRun.cpuMs,
      release: releaseRun.cpuMs,
      withLp: lpRun.cpuMs,
    },
    threads: {
      oneThread: oneThread.map(({ ms, cpuMs }) => ({ ms, cpuMs })),
      twoThreads: twoThreads.map(({ ms, cpuMs }) => ({ ms, cpuMs })),
      identical,
    },
    itemLp: {
      solves: lpRun.value.audit.itemLpSolves ?? 0,
      withheld: lpRun.value.audit.itemLpWithheld ?? 0,
      hidden: lpRun.value.audit.itemsHidden,
      answersHidden: lpRun.value.audit.answersHidden,
    },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    audit: release.audit as unknown as Record<string, number | boolean>,
    loss: { ours: oursLoss, nextSmallest: nextSmallestLoss(model) },
    itemLoss: {
      cells: release.audit.itemCells,
      hidden: release.audit.itemsHidden,
      hiddenBefore: withoutItems.audit.itemsHidden,
      answersHidden: release.audit.answersHidden,
      answers,
    },
  };
}
