export interface PublishedCheck {
  errors: string[];
  /** Files not in the manifest: drafts, which may still change. */
  drafts: string[];
}

/**
 * Compares the questionnaire files with the manifest of published versions: a published
 * version whose file changed or disappeared is an error, since published versions are immutable.
 */
export function checkPublished(
  files: { path: string; sha256: string }[],
  manifest: Record<string, string>,
): PublishedCheck {
  const present = new Map(files.map((f) => [f.path, f.sha256]));
  const errors: string[] = [];
  for (const [path, hash] of Object.entries(manifest)) {
    const actual = present.get(path);
    const next = path.replace(/v(\d+)\.json$/, (_, n: string) => `v${Number(n) + 1}.json`);
    if (actual === undefined) {
      errors.push(`${path} was published and is missing: published versions are immutable`);
    } else if (actual !== hash) {
      errors.push(
        `${path} was published and has changed: published versions are immutable, make ${next}`,
      );
    }
  }
  const drafts = files.filter((f) => !(f.path in manifest)).map((f) => f.path);
  return { errors, drafts };
}
