import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIOME = join(ROOT, "node_modules", ".bin", "biome");

/**
 * Lints a probe file that imports `specifier`, written for a moment into `folder` of the
 * repository (so biome.json's overrides for that folder apply), and returns what biome said.
 */
function lintImport(folder: string, specifier: string): { restricted: boolean; output: string } {
  const path = join(ROOT, folder, `probe-${randomBytes(6).toString("hex")}.ts`);
  writeFileSync(path, `import { probe } from "${specifier}";\n\nexport const used = probe;\n`);
  try {
    const run = spawnSync(BIOME, ["lint", "--colors=off", relative(ROOT, path)], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const output = `${run.stdout}${run.stderr}`;
    return { restricted: output.includes("lint/style/noRestrictedImports"), output };
  } finally {
    rmSync(path, { force: true });
  }
}

// The layers are kept apart by lint, not by habit: a client that imports server code would
// ship it to browsers (or fail to build), and a contract that imports the server would drag
// the database layer into the admin bundle.
describe("import boundaries (biome.json)", () => {
  it.each([
    ["client/admin", "../../server/db/schema"],
    ["client/admin/campaigns", "../../../server/campaigns/campaign-view"],
    ["client/respondent", "../../server/respondent/get-campaign-form"],
    ["client/admin", "../../analysis/release-types"],
    ["client/shared", "node:fs"],
  ])("rejects %s importing %s", (folder, specifier) => {
    const result = lintImport(folder, specifier);
    expect(result.restricted, result.output).toBe(true);
  });

  it.each([
    ["client/admin", "../../server/contract/campaign-schemas"],
    ["client/respondent", "../../server/contract/respondent-schemas"],
    ["client/admin/campaigns", "../../../surveys/model/respondent-definition"],
    ["client/admin", "react"],
  ])("lets %s import %s", (folder, specifier) => {
    const result = lintImport(folder, specifier);
    expect(result.restricted, result.output).toBe(false);
  });

  it("rejects server code importing the client", () => {
    expect(lintImport("server/http", "../../client/admin/admin-api").restricted).toBe(true);
  });

  it.each(["../db/schema", "node:crypto", "drizzle-orm", "survey-core"])(
    "rejects server/contract importing %s",
    (specifier) => {
      expect(lintImport("server/contract", specifier).restricted).toBe(true);
    },
  );

  it("lets server/contract import zod and itself", () => {
    expect(lintImport("server/contract", "zod").restricted).toBe(false);
    expect(lintImport("server/contract", "./locales").restricted).toBe(false);
  });

  it.each(["survey-core", "node:fs", "../../server/db/schema"])(
    "rejects the shared questionnaire model (surveys/model) importing %s",
    (specifier) => {
      expect(lintImport("surveys/model", specifier).restricted).toBe(true);
    },
  );
});
