import highsLoader from "highs";
import { auditReleaseSequence } from "../../analysis/audit-release-sequence";
import { createResponseMatrix } from "../../analysis/build-release";
import { buildSequencedRelease, sequenceRules } from "../../analysis/build-sequenced-release";
import type { Release } from "../../analysis/release-types";
import { withholdAnswers } from "../../analysis/sequence-answers";
import type { TrueCounts } from "../../analysis/true-group-counts";
import { demoCampaignAnswers } from "./demo-campaign-answers";

/** Looks at a demo campaign's interim results, then its release at close. */
export interface FinalAfterLookFigures {
  slug: string;
  answers: number;
  /** Answers in the last interim release that was shown. */
  lookedAt: number;
  /** Interim releases shown (and served: the ones held back are counted apart). */
  looks: number;
  interimsServed: number;
  interimCpuMs: number;
  /** The release at close, audited against the interim one (as the server builds it). */
  finalServed: boolean;
  finalCpuMs: number;
  rounds: number;
  /** Findings left when held back, by kind (e.g. "answers": a count pinned in the stack). */
  left: Record<string, number>;
  /** Answer distributions hidden: the interim release, the final candidate, the final alone. */
  itemsHidden: { interim: number; final: number; alone: number };
  aloneCpuMs: number;
  /**
   * The sequence audits alone of the release at close as served, against the looks (the part of
   * its build the looks cost, besides the hold-back rounds): group sizes, then answer tables.
   */
  sequenceAuditCpuMs: { sizes: number; answers: number };
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const itemsHidden = (release: Release) =>
  release.groups.reduce((sum, group) => sum + group.items.filter((i) => "hidden" in i).length, 0);

/**
 * A demo campaign's answers in a seeded random order; an interim release is built and shown at
 * `share` of them (an admin's "Show interim results"; the organisation as a whole, as the server
 * builds it while open, unless `interimBreakdowns`), then every answer is in and the release at
 * close is built against it with its true counts, as the server does; and the same release built
 * alone, as if nobody had looked.
 */
export async function measureFinalAfterLook(
  slug: string,
  share: number,
  /** The answer audit's LP cap at close (Infinity: lifted); the server's by default. */
  answerLpMaxColumns?: number,
  /**
   * Build the interim release with breakdowns, as the server did before interim releases were
   * organisation-only (ReleaseInput.whileOpen): what that cost the release at close.
   */
  interimBreakdowns = false,
  /** Looks at evenly spaced shares up to `share`, each audited against the ones before. */
  looks = 1,
): Promise<FinalAfterLookFigures> {
  const highs = await highsLoader();
  const { input, rows } = demoCampaignAnswers(slug);
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as (typeof rows)[number], rows[i] as (typeof rows)[number]];
  }
  const lookedAt = Math.floor(rows.length * share);
  const matrix = createResponseMatrix(input);
  // While open, the server builds the organisation as a whole only (load-release-input.ts).
  const interimInput = interimBreakdowns ? input : { ...input, whileOpen: true };
  const shown: { release: Release; truth: TrueCounts }[] = [];
  let added = 0;
  let interimsServed = 0;
  let start = cpuNow();
  for (let look = 1; look <= looks; look++) {
    const upTo = Math.floor((lookedAt * look) / looks);
    for (const row of rows.slice(added, upTo)) matrix.append(row);
    added = upTo;
    const built = buildSequencedRelease(
      highs,
      matrix,
      interimInput,
      shown.map((entry) => entry.release),
      { truths: shown.map((entry) => entry.truth) },
    );
    // A release held back is not shown: readers keep the one before.
    if (built.passes) {
      shown.push({ release: built.release, truth: built.truth });
      interimsServed++;
    }
  }
  const interimCpuMs = cpuNow() - start;
  const interim = shown.at(-1) as { release: Release };
  for (const row of rows.slice(added)) matrix.append(row);
  start = cpuNow();
  const final = buildSequencedRelease(
    highs,
    matrix,
    input,
    shown.map((entry) => entry.release),
    {
      truths: shown.map((entry) => entry.truth),
      ...(answerLpMaxColumns !== undefined ? { answerLpMaxColumns } : {}),
    },
  );
  const finalCpuMs = cpuNow() - start;
  start = cpuNow();
  const alone = buildSequencedRelease(highs, matrix, input, []);
  const aloneCpuMs = cpuNow() - start;
  const truths = [...shown.map((entry) => entry.truth), final.truth];
  const rules = sequenceRules(input);
  const releases = shown.map((entry) => entry.release);
  start = cpuNow();
  auditReleaseSequence(highs, [...releases, final.release], { ...rules, truths });
  const sizesCpuMs = cpuNow() - start;
  start = cpuNow();
  withholdAnswers(highs, releases, final.release, { sensitiveItems: rules.sensitiveItems, truths });
  const answersCpuMs = cpuNow() - start;
  const left: Record<string, number> = {};
  if (!final.passes)
    for (const finding of final.findings) left[finding.kind] = (left[finding.kind] ?? 0) + 1;
  return {
    slug,
    answers: rows.length,
    lookedAt,
    looks,
    interimsServed,
    interimCpuMs,
    finalServed: final.passes,
    finalCpuMs,
    rounds: final.rounds,
    left,
    itemsHidden: {
      interim: itemsHidden(interim.release),
      final: itemsHidden(final.release),
      alone: itemsHidden(alone.release),
    },
    aloneCpuMs,
    sequenceAuditCpuMs: { sizes: sizesCpuMs, answers: answersCpuMs },
  };
}
