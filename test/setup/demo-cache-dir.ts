import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of this `vitest run` where test/demo-database.ts keeps its demo databases. */
    demoCacheDir: string;
  }
}

/**
 * Vitest global setup: one folder per run for the seeded demo databases that test files copy
 * (test/demo-database.ts), removed when the run ends, so no run ever reads another's.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-demo-cache-"));
  project.provide("demoCacheDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
