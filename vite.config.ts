import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import type { Plugin, ResolvedConfig } from "vite";
import { defineConfig } from "vitest/config";
import { SlowFilesFirst } from "./test/setup/slow-files-first.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The client lives in client/; tests live in test/ at the repository root.
export default defineConfig({
  root: here("./client"),
  plugins: [react(), precompressAssets()],
  build: {
    outDir: here("./dist/client"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        respondent: here("./client/respondent/index.html"),
        admin: here("./client/admin/index.html"),
      },
    },
  },
  test: {
    root: here("."),
    include: ["test/**/*.test.ts"],
    // One folder per run for what test files build once and share: the seeded demo databases
    // (test/demo-database.ts) and the client build (test/e2e/browser.ts).
    globalSetup: [here("./test/setup/demo-cache-dir.ts")],
    // Vitest's default is one worker fewer than the cores: one on the 2-core CI machine, which
    // left a core idle while browser tests waited on Chromium (README "Reliability", Test time).
    maxWorkers: 2,
    // The slowest files start first, so the two workers end together
    // (test/setup/slow-files-first.ts).
    sequence: { sequencer: SlowFilesFirst },
    // With two files at once a browser test can wait seconds for a CPU: expect.poll waits up to
    // 5 s (Vitest's 1 s failed chart checks under load), page actions up to 30 s (test/e2e).
    expect: { poll: { timeout: 5_000 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing; images and fonts are compressed formats already. */
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".map"]);
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every text asset
 * of the build, once, so the server sends compressed bytes without compressing per request.
 * A copy is kept only when it is smaller than the original.
 */
function precompressAssets(): Plugin {
  let outDir = "";
  return {
    name: "peilpunt-precompress-assets",
    apply: "build",
    configResolved(config: ResolvedConfig) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      const files = await listFiles(outDir);
      await Promise.all(files.filter(isCompressible).map(compressBeside));
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function isCompressible(file: string): boolean {
  return COMPRESSIBLE.has(extname(file));
}

async function compressBeside(file: string): Promise<void> {
  if ((await stat(file)).size < MIN_BYTES) return;
  const original = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(original, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    gzipAsync(original, { level: 9 }),
  ]);
  if (br.length < original.length) await writeFile(`${file}.br`, br);
  if (gz.length < original.length) await writeFile(`${file}.gz`, gz);
}
