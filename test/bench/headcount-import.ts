import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import highsLoader from "highs";
import { HEADCOUNT_DIMENSIONS, JOB_LEVELS } from "../../server/contract/headcount-schemas";
import { openDatabase } from "../../server/db/open-database";
import { importHeadcounts } from "../../server/headcounts/import-headcounts";
import { createOrganisation } from "../../server/organisations/create-organisation";
import { importUnits } from "../../server/organisations/import-units";

const admin = { id: randomUUID(), email: "bench@example.org", role: "admin" as const };

/** A seeded generator (mulberry32) so every run imports the same files. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` people over values with shares `p` (the rest in the last value). */
function split(total: number, p: number[], next: () => number): number[] {
  const out: number[] = [];
  let left = total;
  for (const share of p) {
    let n = 0;
    for (let i = 0; i < left; i++) if (next() < share) n++;
    n = Math.min(n, left);
    out.push(n);
    left -= n;
  }
  out.push(left);
  return out;
}

function headcountFile(units: number, date: number): Uint8Array {
  const next = random(1000 + date);
  const columns = HEADCOUNT_DIMENSIONS.flatMap((d) => d.values.map((v) => `${d.key}.${v}`));
  const lines = [["unit_code", "job_level", "total", ...columns].join(";")];
  for (let u = 0; u < units; u++) {
    JOB_LEVELS.forEach((level, l) => {
      const total = Math.floor(next() * (l < 2 ? 8 : 40));
      const gender = split(total, [0.45, 0.52], next);
      const origin = split(total, [0.08, 0.85], next);
      const disability = split(total, [0.03, 0.9], next);
      lines.push([`U${u}`, level, total, ...gender, ...origin, ...disability].join(";"));
    });
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}`);
}

/**
 * Importing headcounts for `units` units (three levels of tree) × 5 job levels × 3 category
 * dimensions at `dates` reference dates, each import rebuilding the audited release of every
 * date so far; baseline: the same count rows inserted with one prepared statement.
 */
export async function measureHeadcountImport(
  units = 1000,
  dates = 5,
  onDate: (date: number, ms: number) => void = () => {},
) {
  const db = openDatabase(":memory:");
  const session = { ...admin, organisationId: null, unitId: null, locale: "nl" as const };
  createOrganisation({
    db,
    actor: session,
    input: { slug: "bench", name: { nl: "B", fr: "B", en: "B" } },
    now: new Date(),
  });
  const tree = ["code;parent_code;kind;name_nl;name_fr;name_en"];
  for (let i = 0; i < units; i++) {
    const parent = i < 10 ? "" : i < 100 ? `U${i % 10}` : `U${10 + (i % 90)}`;
    tree.push(`U${i};${parent};service;E${i};U${i};U${i}`);
  }
  await importUnits({
    db,
    actor: session,
    organisationSlug: "bench",
    file: new TextEncoder().encode(tree.join("\n")),
    apply: true,
    now: new Date(),
  });
  const highs = await highsLoader();
  const importsMs: number[] = [];
  for (let date = 0; date < dates; date++) {
    const start = performance.now();
    await importHeadcounts({
      db,
      highs,
      actor: session,
      organisationSlug: "bench",
      referenceDate: `${2021 + date}-12-31`,
      file: headcountFile(units, date),
      now: new Date(),
    });
    importsMs.push(performance.now() - start);
    onDate(date, performance.now() - start);
  }
  const raw = openDatabase(":memory:").$client;
  raw.exec("CREATE TABLE c (d TEXT, u TEXT, l TEXT, dim TEXT, v TEXT, n INTEGER)");
  const insert = raw.prepare("INSERT INTO c VALUES (?, ?, ?, ?, ?, ?)");
  const start = performance.now();
  raw.transaction(() => {
    for (let date = 0; date < dates; date++) {
      for (let u = 0; u < units; u++) {
        for (const level of JOB_LEVELS) {
          for (let c = 0; c < 10; c++) insert.run(`d${date}`, `U${u}`, level, "dim", `${c}`, c);
        }
      }
    }
  })();
  const baselineMs = performance.now() - start;
  const stored = db.$client.prepare("SELECT body FROM headcount_releases").get() as {
    body: string;
  };
  const audit = (JSON.parse(stored.body) as { audit: unknown }).audit;
  return { units, dates, importsMs, baselineMs, audit };
}
