// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in
// the same run on the same machine.
import { measureSubmissionThroughput } from "./submission-throughput";

function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${((100 * value) / baseline).toFixed(0)}%` : "n/a";
}

async function main() {
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
