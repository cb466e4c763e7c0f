import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import highsLoader from "highs";
import { createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease, sequenceRules } from "../../analysis/build-sequenced-release";
import { releaseEquations } from "../../analysis/release-equations";
import type { Release } from "../../analysis/release-types";
import { answerSystem, questionsOf } from "../../analysis/sequence-answer-model";
import {
  ANSWER_LP_MAX_COLUMNS,
  type AnswerFinding,
  auditAnswerSequence,
  withholdAnswers,
} from "../../analysis/sequence-answers";
import { sequenceSystem } from "../../analysis/sequence-system";
import { WitnessCache } from "../../analysis/sequence-witnesses";
import type { TrueCounts } from "../../analysis/true-group-counts";
import { syntheticCampaign } from "./release-build";
import { facultyWaves } from "./release-sequence";

/** The sequence bench's first interim release and the interim-2 candidate, with their truths. */
export interface Stacked {
  releases: Release[];
  truths: TrueCounts[];
  sensitiveItems: ReadonlySet<string>;
}

/** One question's audit at one cap. */
export interface AnswerSequenceFigures {
  question: string;
  cap: number;
  /** Every point looked for over the cap (auditAnswerSequence's `everyPoint`). */
  everyPoint: boolean;
  columns: number;
  cpuMs: number;
  /** Every LP of the audit: batches', pinned counts', neighbourhood and size points'. */
  solves: number;
  findings: number;
  /** SHA-256 (first 12 hex digits) of the findings, sorted; of the proven ones (not unsettled). */
  hash: string;
  provenHash: string;
  /** Left open by the points (over the cap): pinned counts, and batches with a check open. */
  unsettledPinned: number;
  openBatches: number;
  /** Over the cap: checks proven by relaxations, their LPs and parts (sequence-answer-relaxation.ts). */
  relaxation: { batchChecks: number; pins: number; solves: number; parts: number };
  /** Findings proven over the cap (not unsettled), and how many of them the lifted cap gives too. */
  proven: number;
  provenInLifted?: number;
  /** The findings themselves (for a driver comparing them). */
  list: AnswerFinding[];
}

const CACHE = "/tmp/peilpunt-bench-answer-sequence.json";

type Serialised = {
  releases: Release[];
  truths: { sizes: [string, number][]; answers: [string, [string, number[]][]][] }[];
  sensitive: string[];
};

/**
 * Builds the sequence bench's campaign as release-sequence.ts serves it (20,000 responses, half
 * before the first release, faculty waves of 250): interim 1 served, then the interim-2
 * candidate after the first wave, as the hold-back rounds leave it before its answer tables are
 * audited (`answerAudit: false`: the release the server hands to withholdAnswers).
 */
async function buildStacked(): Promise<Stacked> {
  const highs = await highsLoader();
  const { input, rows } = syntheticCampaign(20_000);
  const half = Math.floor(rows.length / 2);
  const matrix = createResponseMatrix(input, rows.slice(0, half));
  const [wave] = facultyWaves(rows.slice(half), 250);
  const witnesses = new WitnessCache();
  const first = buildSequencedRelease(highs, matrix, input, [], { witnesses, itemLp: false });
  for (const row of wave ?? []) matrix.append(row);
  const candidate = buildSequencedRelease(highs, matrix, input, [first.release], {
    truths: [first.truth],
    witnesses,
    itemLp: false,
    answerAudit: false,
  });
  if (!candidate.passes) throw new Error("the interim-2 candidate fails the group-size audit");
  return {
    releases: [first.release, candidate.release],
    truths: [first.truth, candidate.truth],
    sensitiveItems: sequenceRules(input).sensitiveItems,
  };
}

function save(stacked: Stacked): void {
  const data: Serialised = {
    releases: stacked.releases,
    truths: stacked.truths.map((truth) => ({
      sizes: [...truth],
      answers: [...(truth.answers ?? [])].map(([key, groups]) => [
        key,
        [...groups].map(([id, counts]) => [id, [...counts]]),
      ]),
    })),
    sensitive: [...stacked.sensitiveItems],
  };
  writeFileSync(CACHE, JSON.stringify(data));
}

function load(): Stacked {
  const data = JSON.parse(readFileSync(CACHE, "utf8")) as Serialised;
  return {
    releases: data.releases,
    truths: data.truths.map(({ sizes, answers }) =>
      Object.assign(new Map(sizes), {
        answers: new Map(
          answers.map(([key, groups]) => [
            key,
            new Map(groups.map(([id, counts]) => [id, Uint32Array.from(counts)])),
          ]),
        ),
      }),
    ),
    sensitiveItems: new Set(data.sensitive),
  };
}

/** The two releases and their truths, from CACHE (built into it first if missing). */
export async function answerSequenceReleases(progress = (_line: string) => {}): Promise<Stacked> {
  if (!existsSync(CACHE)) {
    progress(`building interim 1 and the interim-2 candidate into ${CACHE}`);
    save(await buildStacked());
  }
  return load();
}

const hashOf = (lines: string[]) =>
  createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 12);

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * The answer-table sequence audit (sequence-answers.ts) of the interim-2 candidate against
 * interim 1, per question and cap (Infinity: lifted), with the true counts as a rebuild has
 * them; over the cap also with every point looked for (`everyPoint`). The two releases are
 * cached in CACHE (built once, ~1 min).
 */
export async function measureAnswerSequence({
  questions = ["q0", "q3"],
  caps = [ANSWER_LP_MAX_COLUMNS, Number.POSITIVE_INFINITY],
  progress = (_line: string) => {},
} = {}): Promise<{ cache: string; figures: AnswerSequenceFigures[] }> {
  const highs = await highsLoader();
  const { releases, truths, sensitiveItems } = await answerSequenceReleases(progress);
  const structures = releases.map(releaseEquations);
  const system = sequenceSystem(releases, structures);
  const figures: AnswerSequenceFigures[] = [];
  const keys = questions.includes("all")
    ? [...new Set(questionsOf(releases).map((question) => question.key))]
    : questions;
  for (const key of keys) {
    const columns = questionsOf(releases)
      .filter((question) => question.key === key)
      .map((question) => answerSystem(releases, structures, question, system).lower.length)
      .reduce((a, b) => Math.max(a, b), 0);
    const runs = caps.flatMap((cap) =>
      cap < columns
        ? [false, true].map((everyPoint) => ({ cap, everyPoint }))
        : [{ cap, everyPoint: false }],
    );
    for (const { cap, everyPoint } of runs) {
      const start = cpuNow();
      const audit = auditAnswerSequence(highs, releases, {
        sensitiveItems,
        truths,
        only: new Set([key]),
        lpMaxColumns: cap,
        structures,
        everyPoint,
      });
      const cpuMs = cpuNow() - start;
      const sorted = audit.findings.map((finding) => JSON.stringify(finding)).sort();
      const open = audit.findings.filter((finding) => finding.unsettled);
      figures.push({
        question: key,
        cap,
        everyPoint,
        columns,
        cpuMs,
        solves: audit.solves + audit.pinSolves + audit.partSolves + audit.sizeSolves,
        findings: audit.findings.length,
        list: audit.findings,
        hash: hashOf(sorted),
        provenHash: hashOf(sorted.filter((line) => !JSON.parse(line).unsettled)),
        unsettledPinned: open.filter((finding) => finding.kind === "pinned").length,
        openBatches: new Set(
          open
            .filter((finding) => finding.kind !== "pinned")
            .map((finding) => `${finding.groupId}|${finding.from}|${finding.to}`),
        ).size,
        relaxation: audit.relaxation,
        proven: audit.findings.length - open.length,
      });
      const { list: _, ...shown } = figures.at(-1) as AnswerSequenceFigures;
      progress(
        JSON.stringify({
          ...shown,
          pins: audit.pins,
          partSolves: audit.partSolves,
          targeted: audit.targeted,
        }),
      );
    }
  }
  // Every finding proven over the cap must be one the lifted cap's LPs give.
  for (const capped of figures) {
    const lifted = figures.find((f) => f.question === capped.question && f.cap >= f.columns);
    if (!lifted || capped === lifted) continue;
    const real = new Set(lifted.list.map((finding) => JSON.stringify(finding)));
    capped.provenInLifted = capped.list.filter(
      (finding) => !finding.unsettled && real.has(JSON.stringify(finding)),
    ).length;
  }
  return { cache: CACHE, figures };
}

/** The rebuild's answer step (withholdAnswers) on the interim-2 candidate, as the server runs it. */
export interface AnswerWithholdingFigures {
  everyPoint: boolean;
  cpuMs: number;
  rounds: number;
  /** Tables withheld ("group|question"), findings left (held back if any), unsettled among them. */
  withheld: number;
  left: number;
  leftUnsettled: number;
  /** Questions withheld in every group of the candidate. */
  questionsWithheldEverywhere: number;
  /** SHA-256 (first 12 hex digits) of the release served (or held back). */
  hash: string;
}

/**
 * withholdAnswers of the interim-2 candidate against interim 1 with their truths, as a rebuild
 * runs it (gated), and with every point looked for in each round's audit (`everyPoint`).
 */
export async function measureAnswerWithholding({
  everyPoint = [false, true],
  progress = (_line: string) => {},
}: {
  everyPoint?: boolean[];
  progress?: (line: string) => void;
} = {}): Promise<AnswerWithholdingFigures[]> {
  const highs = await highsLoader();
  const { releases, truths, sensitiveItems } = await answerSequenceReleases(progress);
  const [first, candidate] = releases as [Release, Release];
  const figures: AnswerWithholdingFigures[] = [];
  for (const every of everyPoint) {
    const start = cpuNow();
    const result = withholdAnswers(highs, [first], candidate, {
      sensitiveItems,
      truths,
      everyPoint: every,
    });
    const cpuMs = cpuNow() - start;
    const keys = new Set(questionsOf(releases).map((question) => question.key));
    const everywhere = [...keys].filter((key) =>
      result.release.groups.every((group) =>
        group.items.every((item) => item.key !== key || !("options" in item)),
      ),
    );
    figures.push({
      everyPoint: every,
      cpuMs,
      rounds: result.rounds,
      withheld: result.withheld.length,
      left: result.left.length,
      leftUnsettled: result.left.filter((finding) => finding.unsettled).length,
      questionsWithheldEverywhere: everywhere.length,
      hash: hashOf([JSON.stringify(result.release)]),
    });
    progress(JSON.stringify(figures.at(-1)));
  }
  return figures;
}
