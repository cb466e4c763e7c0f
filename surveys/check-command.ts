// `npm run surveys:check [-- --publish]`: checks every questionnaire and the manifest of
// published versions; --publish adds the drafts' hashes to the manifest (publishing them).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkPublished } from "./check-published";
import { checkQuestionnaireVersion } from "./check-version";
import { loadQuestionnaires, readManifest, SURVEYS_DIR } from "./load-questionnaires";

const files = loadQuestionnaires();
const manifest = readManifest();
let failed = false;

for (const file of files) {
  const previous = files.find((f) => f.slug === file.slug && f.version === file.version - 1);
  const issues = checkQuestionnaireVersion(file.definition, previous?.definition);
  const label = `${file.slug}/v${file.version}.json`;
  if (issues.length === 0) {
    console.log(`ok      ${label}${file.published ? "" : " (draft)"}`);
  } else {
    failed = true;
    console.log(`FAILED  ${label}`);
    for (const issue of issues) console.log(`          ${issue}`);
  }
}

const published = checkPublished(
  files.map((f) => ({ path: `${f.slug}/v${f.version}.json`, sha256: f.sha256 })),
  manifest,
);
for (const error of published.errors) console.log(`FAILED  ${error}`);
failed ||= published.errors.length > 0;

if (process.argv.includes("--publish") && !failed) {
  const next = { ...manifest };
  for (const file of files) next[`${file.slug}/v${file.version}.json`] ??= file.sha256;
  writeFileSync(
    join(SURVEYS_DIR, "manifest.json"),
    `${JSON.stringify({ published: next }, null, 2)}\n`,
  );
  console.log(`published: ${published.drafts.join(", ") || "nothing new"}`);
}
process.exit(failed ? 1 : 0);
