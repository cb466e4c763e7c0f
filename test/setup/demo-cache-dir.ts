import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** This `vitest run`'s folder for what test files build once (test/built-once-per-run.ts). */
    demoCacheDir: string;
  }
}

/**
 * Vitest global setup: one folder per run for the seeded demo databases that test files copy
 * (test/demo-database.ts) and the client build the browser tests serve (test/e2e/browser.ts),
 * removed when the run ends, so no run ever reads another's.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-demo-cache-"));
  project.provide("demoCacheDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
