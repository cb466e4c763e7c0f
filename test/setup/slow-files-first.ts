import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest test files, about slowest first: seconds per file (Vitest's JSON report, start to
 * end) in a full run on 2026-12-03 05:38-05:47 (522 s, 2 workers, helpers at nice 19 beside it),
 * production client build. A fresh clone has no durations cache, so Vitest starts the largest
 * files first, and a slow small file started late leaves one worker alone at the end.
 * test/e2e/admin goes first: it builds the demo waves that the results files read
 * (test/demo-database.ts), and a results file started beside it would wait for them; the
 * LP-bound files beside it wait for nothing.
 */
export const SLOW_FILES = [
  "test/e2e/admin.test.ts", // 21
  "test/analysis/auditor/sequence-attack.test.ts", // 57
  "test/analysis/sequence-answer-model.test.ts", // 48
  "test/analysis/auditor/item-attack.test.ts", // 43
  "test/analysis/build-release.test.ts", // 38
  "test/analysis/item-lp-whole.test.ts", // 35
  "test/e2e/results-ui.test.ts", // 29
  "test/analysis/sequence-increments.test.ts", // 28
  "test/analysis/auditor/sequence-answer-attack.test.ts", // 28
  "test/analysis/sequence-item-lp.test.ts", // 23
  "test/server/question-auditor.test.ts", // 22
  "test/e2e/questionnaire-languages.test.ts", // 20
  "test/analysis/auditor/headcount-attack.test.ts", // 19
  "test/e2e/admin-headcounts.test.ts", // 19
  "test/e2e/comparison-mappings.test.ts", // 17
  "test/e2e/admin-organisation.test.ts", // 17
  "test/analysis/auditor/headcount-knowledge-shown.test.ts", // 16
  "test/analysis/auditor/demo-release-audit.test.ts", // 16
  "test/e2e/respondent-layout.test.ts", // 16
  "test/server/final-release.test.ts", // 15
  "test/analysis/sequence-system.test.ts", // 14
  "test/analysis/auditor/audit-release.test.ts", // 13
  "test/e2e/respondent.test.ts", // 13
  "test/e2e/respondent-code.test.ts", // 13
  "test/server/hostile-input.test.ts", // 13
  "test/analysis/sequence-witnesses.test.ts", // 13
  "test/e2e/diagnosis-page.test.ts", // 12
  "test/e2e/respondent-answers.test.ts", // 12
  "test/e2e/thanks-text.test.ts", // 11
  "test/e2e/admin-questionnaires.test.ts", // 10
  "test/e2e/headcount-survey.test.ts", // 10
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
