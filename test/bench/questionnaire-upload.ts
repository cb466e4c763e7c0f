import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../server/db/open-database";
import {
  createQuestionnaire,
  uploadVersion,
} from "../../server/questionnaires/upload-questionnaire";
import { sha256 } from "../../surveys/load-questionnaires";
import { diffVersions } from "../../surveys/model/diff-versions";
import { largeQuestionnaire } from "../server/questionnaires/questionnaire-files";

const admin = {
  id: randomUUID(),
  email: "bench@example.org",
  role: "admin" as const,
  organisationId: null,
  unitId: null,
  locale: "nl" as const,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/**
 * Uploading a 300-question questionnaire (every check of `npm run surveys:check`, the
 * submission validator's compilation, the insert and its audit entry), as a new questionnaire
 * and as a second version, median of 5; the diff of the two versions; baseline: JSON.parse,
 * sha256 and a bare insert of the same text, measured in the same run.
 */
export function measureQuestionnaireUpload(questions = 300, runs = 5) {
  const db = openDatabase(":memory:");
  const text = JSON.stringify(largeQuestionnaire(questions), null, 2);
  const second = text.replaceAll("how do you see", "how do you judge");
  const createMs: number[] = [];
  const versionMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const slug = `bench-${run}`;
    let start = performance.now();
    createQuestionnaire({
      db,
      actor: admin,
      input: { slug, kind: "diagnosis", definition: text },
      now: new Date(),
    });
    createMs.push(performance.now() - start);
    db.$client.prepare("UPDATE questionnaire_versions SET published = 1").run();
    start = performance.now();
    uploadVersion({ db, actor: admin, slug, input: { definition: second }, now: new Date() });
    versionMs.push(performance.now() - start);
  }
  const diffStart = performance.now();
  const diff = diffVersions(JSON.parse(text), JSON.parse(second));
  const diffMs = performance.now() - diffStart;

  const raw = openDatabase(":memory:").$client;
  raw.exec("CREATE TABLE v (id TEXT PRIMARY KEY, definition TEXT, sha256 TEXT)");
  const insert = raw.prepare("INSERT INTO v VALUES (?, ?, ?)");
  const baselineMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    JSON.parse(text);
    insert.run(randomUUID(), text, sha256(text));
    baselineMs.push(performance.now() - start);
  }
  return {
    questions,
    bytes: Buffer.byteLength(text),
    createMs: median(createMs),
    versionMs: median(versionMs),
    diffMs,
    reworded: diff.reworded.length,
    baselineMs: median(baselineMs),
  };
}
