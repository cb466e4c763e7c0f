import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";

let ownDir: string | undefined;

/**
 * The folder of this `vitest run` for what test files build once and share (the demo databases,
 * the client build): made and removed by test/setup/demo-cache-dir.ts; without it, one of this
 * process's own.
 */
export function runCacheDir(): string {
  const provided = inject("demoCacheDir");
  if (provided) return provided;
  ownDir ??= mkdtempSync(join(tmpdir(), "peilpunt-demo-cache-"));
  return ownDir;
}

/**
 * `path`, built by the first test file that asks for it: `build` writes a file or folder at the
 * path it is given, which becomes `path` only once complete. Files running side by side wait
 * for it (a lock folder naming the builder's process) rather than build it twice.
 */
export async function builtOncePerRun(
  path: string,
  build: (building: string) => Promise<void>,
): Promise<string> {
  const lock = `${path}.lock`;
  for (;;) {
    if (existsSync(path)) return path;
    if (takeLock(lock)) {
      try {
        if (!existsSync(path)) {
          const building = `${path}.${process.pid}.building`;
          await build(building);
          renameSync(building, path);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return path;
    }
    if (lockHolderGone(lock)) rmSync(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(join(lock, "pid"), String(process.pid));
  return true;
}

/** The process that took the lock has ended without finishing (a crashed or killed test file). */
function lockHolderGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    return false; // Taken a moment ago, its pid not written yet (or just released).
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
