import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../server/db/open-database";
import { createOrganisation } from "../../server/organisations/create-organisation";
import { importUnits } from "../../server/organisations/import-units";
import { parseUnitCsv } from "../../server/organisations/parse-unit-file";

const admin = { id: randomUUID(), email: "bench@example.org", role: "admin" as const };

/** A tree of `count` units in three levels (20 entities, 250 departments, the rest services). */
function unitFile(count: number, renamed = false): Uint8Array {
  const lines = ["code;parent_code;kind;name_nl;name_fr;name_en;headcount"];
  for (let i = 0; i < count; i++) {
    const parent = i < 20 ? "" : i < 270 ? `U${i % 20}` : `U${20 + (i % 250)}`;
    const kind = i < 20 ? "entity" : i < 270 ? "department" : "service";
    const suffix = renamed && i % 10 === 0 ? " (nieuw)" : "";
    lines.push(`U${i};${parent};${kind};Eenheid ${i}${suffix};Unité ${i};Unit ${i};${i % 90}`);
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}`);
}

/**
 * Importing 5,000 units into an empty organisation (preview, then apply), and re-importing with
 * a tenth renamed; baseline: the same rows inserted with one prepared statement in one
 * transaction, no checks.
 */
export async function measureUnitImport(count = 5000) {
  const db = openDatabase(":memory:");
  const session = { ...admin, organisationId: null, unitId: null, locale: "nl" as const };
  createOrganisation({
    db,
    actor: session,
    input: { slug: "bench", name: { nl: "B", fr: "B", en: "B" } },
    now: new Date(),
  });
  const file = unitFile(count);
  let start = performance.now();
  const parsed = parseUnitCsv(file);
  const parseMs = performance.now() - start;
  if (!parsed.ok) throw new Error("bench file refused");
  const run = async (bytes: Uint8Array, apply: boolean) => {
    const t = performance.now();
    const answer = await importUnits({
      db,
      actor: session,
      organisationSlug: "bench",
      file: bytes,
      apply,
      now: new Date(),
    });
    return { ms: performance.now() - t, answer };
  };
  const preview = await run(file, false);
  const first = await run(file, true);
  const again = await run(unitFile(count, true), true);

  const raw = openDatabase(":memory:").$client;
  raw.exec(
    "CREATE TABLE u (id TEXT PRIMARY KEY, org TEXT, parent TEXT, kind TEXT, code TEXT, nl TEXT, fr TEXT, en TEXT, headcount INTEGER)",
  );
  const insert = raw.prepare("INSERT INTO u VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  start = performance.now();
  raw.transaction(() => {
    for (const unit of parsed.units) {
      insert.run(
        randomUUID(),
        "o",
        unit.parentCode,
        unit.kind,
        unit.code,
        unit.name.nl,
        unit.name.fr,
        unit.name.en,
        unit.headcount,
      );
    }
  })();
  const baselineMs = performance.now() - start;
  return {
    count,
    parseMs,
    previewMs: preview.ms,
    firstMs: first.ms,
    renameMs: again.ms,
    renamed: again.answer.plan.renamed.length,
    baselineMs,
  };
}
