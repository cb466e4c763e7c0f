// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in
// the same run on the same machine. `npm run bench -- results`, `-- submissions` or `-- units`
// runs one part.
import { measureReleaseBuild } from "./release-build";
import { measureSubmissionThroughput } from "./submission-throughput";
import { measureUnitImport } from "./unit-import";

function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${((100 * value) / baseline).toFixed(0)}%` : "n/a";
}

const PARTS = ["results", "submissions", "units"] as const;

async function main() {
  const asked = process.argv[2];
  if (asked !== undefined && !PARTS.some((part) => part === asked)) {
    throw new Error(`Unknown benchmark "${asked}"; one of: ${PARTS.join(", ")}`);
  }
  if (asked === undefined || asked === "results") await results();
  if (asked === undefined || asked === "submissions") await submissions();
  if (asked === undefined || asked === "units") units();
}

function units() {
  const run = measureUnitImport();
  const line = (label: string, ms: number) =>
    console.log(
      `  ${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  (${ratio(ms, run.baselineMs)} of the bare insert; target < 2000 ms)`,
    );
  console.log(
    `Unit tree import: ${run.count.toLocaleString("en")} units in 3 levels, CSV with BOM and ";" (bare insert of the same rows in one transaction: ${run.baselineMs.toFixed(0)} ms)`,
  );
  line("read and check the file", run.parseMs);
  line("preview (read, check, compare)", run.previewMs);
  line("import into an empty organisation", run.firstMs);
  line(`re-import renaming ${run.renamed}`, run.renameMs);
}

async function results() {
  const release = await measureReleaseBuild();
  console.log(
    `Results: ${release.responses.toLocaleString("en")} responses × ${release.questions} questions, ${release.units} units in 3 levels, 5 dimensions, gender × job level cross`,
  );
  console.log(
    `  aggregation (warm, median of 5)  ${release.aggregateMs.toFixed(0).padStart(6)} ms  (SQLite GROUP BY, same raw counts: ${release.sqliteMs.toFixed(0)} ms; ours = ${ratio(release.aggregateMs, release.sqliteMs)} of it, ${(release.sqliteMs / release.aggregateMs).toFixed(1)}× faster)`,
  );
  console.log(`  response matrix build (once)     ${release.matrixMs.toFixed(0).padStart(6)} ms`);
  console.log(
    `  full release with LP audit       ${release.releaseMs.toFixed(0).padStart(6)} ms  (${ratio(release.releaseMs, release.sqliteMs)} of the SQLite counting time)  ${JSON.stringify(release.audit)}`,
  );
  console.log(`  peak RSS of the bench process    ${String(release.peakRssMb).padStart(6)} MB`);
  const { ours, nextSmallest } = release.loss;
  const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
  console.log(
    `  hidden beyond primary: ours ${ours.cells} cells (${pct(ours.cellShare)}), ${ours.respondents} respondent-cells (${pct(ours.respondentShare)}); next-smallest rule ${nextSmallest.cells} cells (${pct(nextSmallest.cellShare)}), ${nextSmallest.respondents} (${pct(nextSmallest.respondentShare)})`,
  );
}

async function submissions() {
  console.log(
    "Respondent submissions over HTTP (autocannon, 127.0.0.1, 8 s per run after 2 s warm-up)",
  );
  const load = await measureSubmissionThroughput({ connections: [50, 200] });
  for (const c of [...new Set(load.map((f) => f.connections))]) {
    const rows = load.filter((f) => f.connections === c);
    const baseline = rows[0]?.requestsPerSecond ?? 0;
    for (const f of rows) {
      console.log(
        `  ${String(c).padStart(3)} conn  ${f.label.padEnd(32)} ${f.requestsPerSecond.toFixed(0).padStart(6)} req/s  (${ratio(f.requestsPerSecond, baseline)} of bare)  p50 ${f.p50} ms  p99 ${f.p99} ms  non-2xx ${f.non2xx}  server RSS ${f.serverRssMb} MB`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
