import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SURVEYS_DIR = dirname(fileURLToPath(import.meta.url));

export interface QuestionnaireFile {
  slug: string;
  kind: "diagnosis" | "campaign";
  version: number;
  /** The file's exact text, as hashed in manifest.json. */
  text: string;
  definition: unknown;
  sha256: string;
  /** Whether manifest.json lists the version (published versions are immutable). */
  published: boolean;
}

/** sha256 of a questionnaire file's bytes, as recorded in manifest.json. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The manifest of published versions: `<slug>/v<N>.json` → sha256. */
export function readManifest(dir = SURVEYS_DIR): Record<string, string> {
  const path = join(dir, "manifest.json");
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, "utf8")).published as Record<string, string>;
}

/** Every `surveys/<slug>/v<N>.json`, in slug and version order. */
export function loadQuestionnaires(dir = SURVEYS_DIR): QuestionnaireFile[] {
  const manifest = readManifest(dir);
  const files: QuestionnaireFile[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const metaPath = join(dir, slug, "questionnaire.json");
    if (!existsSync(metaPath)) continue;
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as { kind: QuestionnaireFile["kind"] };
    const versions = readdirSync(join(dir, slug))
      .map((name) => /^v(\d+)\.json$/.exec(name))
      .filter((match) => match !== null)
      .map((match) => Number(match[1]))
      .sort((a, b) => a - b);
    for (const version of versions) {
      const text = readFileSync(join(dir, slug, `v${version}.json`), "utf8");
      const hash = sha256(text);
      files.push({
        slug,
        kind: meta.kind,
        version,
        text,
        definition: JSON.parse(text),
        sha256: hash,
        published: `${slug}/v${version}.json` in manifest,
      });
    }
  }
  return files;
}
