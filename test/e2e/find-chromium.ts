import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Chromium from "@sparticuz/chromium";

/** Debian's Chromium, used when the machine has it. */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Where the Chromium that ships inside the `@sparticuz/chromium` npm package is unpacked: a
 * folder of this checkout's own (under node_modules, so `npm ci` starts it afresh), not /tmp,
 * where another checkout's tests may be unpacking at the same moment.
 */
const BUNDLED_DIR = join(root, "node_modules", ".cache", "peilpunt-chromium");

export interface ChromiumChoice {
  kind: "system" | "bundled";
  executablePath: string;
  /** Environment for the browser process (the bundled one brings its own fonts). */
  env: Record<string, string>;
}

/**
 * Picks the browser for the tests: Debian's Chromium when present, otherwise the Chromium
 * that `npm install` brought inside `@sparticuz/chromium` (unpacked once, about 2 s).
 * `PEILPUNT_TEST_CHROMIUM=bundled` forces the packaged one, as on a bare machine;
 * `=system` insists on Debian's.
 */
export async function findChromium(
  wanted = process.env.PEILPUNT_TEST_CHROMIUM,
): Promise<ChromiumChoice> {
  if (wanted !== "bundled" && existsSync(SYSTEM_CHROMIUM)) {
    return { kind: "system", executablePath: SYSTEM_CHROMIUM, env: {} };
  }
  if (wanted === "system") {
    throw new Error(`PEILPUNT_TEST_CHROMIUM=system, but ${SYSTEM_CHROMIUM} does not exist`);
  }
  const executablePath = join(BUNDLED_DIR, "chromium");
  if (!existsSync(executablePath)) await unpackBundledChromium();
  return {
    kind: "bundled",
    executablePath,
    env: { FONTCONFIG_FILE: bundledFontConfig() },
  };
}

/**
 * The package's own fonts.conf looks for its fonts in /tmp/fonts (where it unpacks on AWS
 * Lambda), not where they were unpacked here; with no font at all, this Chromium aborts
 * ("SkFontMgr_FontConfigInterface … Not implemented") on the first text it must find a font
 * for. This configuration names the unpacked fonts, and the system's where there are any.
 */
function bundledFontConfig(): string {
  const file = join(BUNDLED_DIR, "peilpunt-fonts.conf");
  if (existsSync(file)) return file;
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(BUNDLED_DIR, "fonts", "fonts")}</dir>
  <dir>/usr/share/fonts</dir>
  <cachedir>${join(BUNDLED_DIR, "fonts-cache")}</cachedir>
</fontconfig>
`;
  // Written whole under another name first: test files starting together may both write it.
  const staging = `${file}.${process.pid}`;
  writeFileSync(staging, config);
  renameSync(staging, file);
  return file;
}

/**
 * The package unpacks into `os.tmpdir()`; it is pointed at a private staging folder that is
 * renamed into place whole, so test files starting side by side never see half a browser.
 */
async function unpackBundledChromium(): Promise<void> {
  const staging = `${BUNDLED_DIR}.${process.pid}.${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await Chromium.executablePath();
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  try {
    renameSync(staging, BUNDLED_DIR);
  } catch (error) {
    // Another test file finished first: its copy is as good as ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(BUNDLED_DIR, "chromium"))) throw error;
  }
}
