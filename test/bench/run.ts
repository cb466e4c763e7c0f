// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in
// the same run on the same machine. `npm run bench -- results`, `-- submissions` or
// `-- invitations` runs one part.
import { measureInvitationSending } from "./invitation-sending";
import { measureReleaseBuild } from "./release-build";
import { measureSubmissionThroughput } from "./submission-throughput";

function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${((100 * value) / baseline).toFixed(0)}%` : "n/a";
}

const PARTS = ["results", "submissions", "invitations"] as const;

async function main() {
  const asked = process.argv[2];
  if (asked !== undefined && !PARTS.some((part) => part === asked)) {
    throw new Error(`Unknown benchmark "${asked}"; one of: ${PARTS.join(", ")}`);
  }
  if (asked === undefined || asked === "results") await results();
  if (asked === undefined || asked === "submissions") await submissions();
  if (asked === undefined || asked === "invitations") await invitations();
}

async function invitations() {
  const f = await measureInvitationSending();
  console.log(
    `Invitations: ${f.invitations.toLocaleString("en")} mails to a local SMTP server (smtp-server, Peilpunt and the latency probe in three processes)`,
  );
  console.log(
    `  sending                          ${String(f.sendMs).padStart(6)} ms  (${(f.invitations / (f.sendMs / 1000)).toFixed(0)} mails/s; sent ${f.sent}, failed ${f.failed}, received ${f.received}; budget 60,000 ms)`,
  );
  console.log(
    `  Peilpunt's event-loop delay while sending: p99 ${f.eventLoopDelay.p99} ms, max ${f.eventLoopDelay.max} ms`,
  );
  console.log(
    `  respondent form at 100 req/s     idle p50 ${f.idle.p50} ms p99 ${f.idle.p99} ms (${f.idle.requests} req); while sending p50 ${f.sending.p50} ms p99 ${f.sending.p99} ms (${f.sending.requests} req; ${ratio(f.sending.p99, f.idle.p99)} of idle p99; budget 50 ms)`,
  );
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
