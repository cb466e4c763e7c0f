import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest test files, about slowest first: seconds per file in a full run on 2026-12-02
 * (08:08-08:42, the machine shared, load 6-11, so about twice a quiet run's), measured with the
 * client built per file. A fresh clone has no durations cache, so Vitest starts the largest files
 * first, and a slow small file started late leaves one worker alone at the end (build-release,
 * 104 s, started 100 s before the end). test/e2e/admin goes first: it builds the demo waves that
 * the results files read (test/demo-database.ts), and a results file started beside it would wait
 * for them; the two LP-bound files beside it wait for nothing.
 */
export const SLOW_FILES = [
  "test/e2e/admin.test.ts", // 275
  "test/analysis/auditor/sequence-attack.test.ts", // 166
  "test/analysis/sequence-answer-model.test.ts", // 136
  "test/e2e/results-ui.test.ts", // 166
  "test/e2e/admin-organisation.test.ts", // 157
  "test/e2e/questionnaire-languages.test.ts", // 154
  "test/e2e/comparison-mappings.test.ts", // 136
  "test/e2e/respondent-code.test.ts", // 122
  "test/analysis/auditor/item-attack.test.ts", // 111
  "test/e2e/respondent-layout.test.ts", // 104
  "test/analysis/build-release.test.ts", // 104
  "test/e2e/admin-headcounts.test.ts", // 95
  "test/analysis/item-lp-whole.test.ts", // 91
  "test/analysis/sequence-increments.test.ts", // 88
  "test/e2e/respondent-answers.test.ts", // 88
  "test/server/final-release.test.ts", // 77
  "test/e2e/respondent.test.ts", // 72
  "test/server/question-auditor.test.ts", // 70
  "test/analysis/sequence-item-lp.test.ts", // 64
  "test/e2e/admin-invitations.test.ts", // not measured: about the other browser files
  "test/e2e/first-organisation.test.ts", // not measured: about the other browser files
  "test/e2e/thanks-text.test.ts", // 59
  "test/e2e/diagnosis-page.test.ts", // 56
  "test/e2e/admin-questionnaires.test.ts", // 52
  "test/analysis/auditor/demo-release-audit.test.ts", // 49
  "test/analysis/sequence-system.test.ts", // 48
  "test/e2e/front-door.test.ts", // 47
  "test/e2e/headcount-survey.test.ts", // 46
  "test/analysis/auditor/sequence-answer-attack.test.ts", // 43
  "test/analysis/sequence-witnesses.test.ts", // 43
  "test/server/hostile-input.test.ts", // 40
  "test/analysis/auditor/audit-release.test.ts", // 37
];

/** Vitest's own order (earlier durations where known, else larger files first), slow ones first. */
export class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOW_FILES.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      return index === -1 ? SLOW_FILES.length : index;
    };
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
