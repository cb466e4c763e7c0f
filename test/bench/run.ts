// `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in
// the same run on the same machine. `npm run bench -- page-load` (or `results`, `sequence`,
// `holdback`, `submissions`, `codes`, `invitations`, `units`, `questionnaires`, `overview`,
// `headcounts`, `answer-sequence`) runs only those named; `--interims=N` shortens the sequence
// bench, `--item-lp` builds its releases with the item audit's LP stage (as the server serves
// them). `answer-sequence` runs only when named: `--questions=q0,q3` (or `all`),
// `--cap=8000,inf` (the caps it is audited at; `inf`: lifted; below a question's columns also
// with every point looked for); `--withhold` instead runs the rebuild's answer step
// (withholdAnswers) on the interim-2 candidate, gated and with every point looked for.
// `final-after-look` runs only when named: a demo campaign (`--campaign=diagnose-2021`) looked
// at while open (`--share=0.5` of its answers; `--looks=20`: twenty looks evenly spaced up to
// that share), organisation only as the server builds interim releases (`--interim-breakdowns`:
// with breakdowns, as before), then its release at close (`--cap=inf`: with the answer audit's
// LP cap lifted). `own-figures` (only when named): one demo release with nothing before it, read by
// the independent item attack and by the sequence audit of answer tables alone.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measureAnswerSequence, measureAnswerWithholding } from "./answer-sequence";
import { measureCodeGeneration } from "./code-generation";
import { measureFinalAfterLook } from "./final-after-look";
import { measureFormDuringHeadcounts } from "./headcount-form-load";
import type { HeadcountImportFigures } from "./headcount-import";
import { measureInterimHoldback } from "./interim-holdback";
import { measureInvitationSending } from "./invitation-sending";
import { measureOwnFigures } from "./own-figures";
import { measurePageLoad, SLOW_4G, type VisitFigures } from "./page-load";
import { measureQuestionnaireUpload } from "./questionnaire-upload";
import { measureReleaseBuild } from "./release-build";
import { measureReleaseSequence } from "./release-sequence";
import { measureResultsExports } from "./results-exports";
import { measureResultsOverview, type Timed } from "./results-overview";
import { measureSubmissionThroughput } from "./submission-throughput";
import { measureUnitImport } from "./unit-import";

/** A headcount import run in a child process (headcount-import-child.ts): each starts cold. */
function headcountImportRun(units: number, scenario: "started" | "cold"): HeadcountImportFigures {
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("./headcount-import-child.ts", import.meta.url)),
      String(units),
      scenario,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out.trim().split("\n").at(-1) as string) as HeadcountImportFigures;
}

function totalMs(run: HeadcountImportFigures): number {
  return run.dates.reduce((sum, f) => sum + f.importMs + f.releaseMs, 0);
}

function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${((100 * value) / baseline).toFixed(0)}%` : "n/a";
}

const options = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const wanted = (name: string) => only.length === 0 || only.includes(name);
/** `--interims=N`: the sequence bench with N interim releases instead of 20. */
const interims = Number(options.find((arg) => arg.startsWith("--interims="))?.split("=")[1] ?? 20);
/** `--item-lp`: the sequence bench's releases built with the item audit's LP stage. */
const itemLp = options.includes("--item-lp");
const listed = (name: string) =>
  options
    .find((arg) => arg.startsWith(`--${name}=`))
    ?.split("=")[1]
    ?.split(",");

async function main() {
  if (wanted("results")) await benchResults();
  if (wanted("sequence")) await benchSequence();
  if (wanted("holdback")) await benchHoldback();
  if (wanted("submissions")) await benchSubmissions();
  if (wanted("page-load")) await benchPageLoad();
  if (wanted("codes")) await benchCodes();
  if (wanted("invitations")) await benchInvitations();
  if (wanted("units")) await benchUnits();
  if (wanted("headcounts")) await benchHeadcounts();
  if (wanted("questionnaires")) benchQuestionnaires();
  if (wanted("overview")) await benchOverview();
  if (only.includes("answer-sequence")) await benchAnswerSequence();
  if (only.includes("final-after-look")) await benchFinalAfterLook();
  if (only.includes("own-figures")) await benchOwnFigures();
}

async function benchOwnFigures() {
  const f = await measureOwnFigures(listed("campaign")?.[0] ?? "diagnose-2021");
  console.log(
    `One release with nothing before it: ${f.slug}, ${f.itemsHidden} answer distributions hidden`,
  );
  console.log(
    `  independent item attack (LP): ${f.itemAttack.findings} findings, ${f.itemAttack.cpuMs.toFixed(0)} ms CPU`,
  );
  console.log(
    `  sequence audit of answer tables, this release alone: ${JSON.stringify(f.sequenceAnswers.findings)} (${f.sequenceAnswers.unsettled} unsettled), ${f.sequenceAnswers.cpuMs.toFixed(0)} ms CPU`,
  );
}

async function benchFinalAfterLook() {
  const slug = listed("campaign")?.[0] ?? "diagnose-2021";
  for (const share of listed("share")?.map(Number) ?? [0.5]) {
    const cap = listed("cap")?.[0];
    const f = await measureFinalAfterLook(
      slug,
      share,
      cap === undefined ? undefined : cap === "inf" ? Number.POSITIVE_INFINITY : Number(cap),
      options.includes("--interim-breakdowns"),
      Number(listed("looks")?.[0] ?? 1),
    );
    console.log(
      `Final release after ${f.looks} interim look(s) (${options.includes("--interim-breakdowns") ? "with breakdowns, as before" : "organisation only"}): ${f.slug}, ${f.answers} answers, looked at last at ${f.lookedAt}, ${f.interimsServed} served (interims ${f.interimCpuMs.toFixed(0)} ms CPU)`,
    );
    console.log(
      `  at close: ${f.finalServed ? "served" : "held back"} after ${f.rounds} rounds, ${f.finalCpuMs.toFixed(0)} ms CPU (built alone: ${f.aloneCpuMs.toFixed(0)} ms, ratio ${(f.finalCpuMs / f.aloneCpuMs).toFixed(1)}×)${f.finalServed ? "" : `, left ${JSON.stringify(f.left)}`}`,
    );
    console.log(
      `  answer distributions hidden: interim ${f.itemsHidden.interim}, final candidate ${f.itemsHidden.final}, final alone ${f.itemsHidden.alone}`,
    );
    const { sizes, answers } = f.sequenceAuditCpuMs;
    console.log(
      `  its sequence audits against the ${f.interimsServed} look(s) shown, run again on it as served: group sizes ${sizes.toFixed(0)} ms, answer tables ${answers.toFixed(0)} ms CPU (together ${ratio(sizes + answers, f.aloneCpuMs)} of building it alone; target < 5,000 ms)`,
    );
  }
}

async function benchAnswerSequence() {
  if (options.includes("--withhold")) {
    console.log(
      "Answer tables, the rebuild's answer step (withholdAnswers): the sequence bench's interim-2 candidate against interim 1, true counts known",
    );
    for (const f of await measureAnswerWithholding({ progress: (l) => console.log(`  … ${l}`) }))
      console.log(
        `  ${f.everyPoint ? "every point" : "gated      "}  ${f.cpuMs.toFixed(0).padStart(7)} ms CPU  ${f.rounds} rounds  ${f.withheld} tables withheld (${f.questionsWithheldEverywhere} questions everywhere)  ${f.left} findings left (${f.leftUnsettled} unsettled): ${f.left > 0 ? "held back" : "served"}  release ${f.hash}`,
      );
    return;
  }
  const caps = listed("cap")?.map((cap) =>
    cap === "inf" ? Number.POSITIVE_INFINITY : Number(cap),
  );
  const { cache, figures } = await measureAnswerSequence({
    ...(listed("questions") ? { questions: listed("questions") } : {}),
    ...(caps ? { caps } : {}),
    progress: (line) => console.log(`  … ${line}`),
  });
  console.log(
    `Answer tables across releases: the sequence bench's interim-2 candidate against interim 1, true counts known, per question (releases cached in ${cache})`,
  );
  for (const f of figures)
    console.log(
      `  ${f.question.padEnd(4)} cap ${String(f.cap).padStart(8)}${f.everyPoint ? " every point" : "            "}  ${f.columns} columns  ${f.cpuMs.toFixed(0).padStart(7)} ms CPU  ${String(f.solves).padStart(5)} LPs  ${String(f.findings).padStart(5)} findings (${f.hash}, proven ${f.provenHash})  unsettled: ${f.unsettledPinned} pinned counts, ${f.openBatches} batches${f.cap < f.columns ? `; proven ${f.proven} (${f.provenInLifted ?? "?"} of them lifted findings; relaxation: ${f.relaxation.batchChecks} batch checks, ${f.relaxation.pins} pinned counts, ${f.relaxation.solves} LPs in ${f.relaxation.parts} parts)` : ""}`,
    );
}

async function benchHeadcounts() {
  const sizes = process.env.PEILPUNT_BENCH_HEADCOUNT_UNITS
    ? process.env.PEILPUNT_BENCH_HEADCOUNT_UNITS.split(",").map(Number)
    : [20, 100, 1000];
  for (const units of sizes) {
    console.log(
      `Headcounts: ${units.toLocaleString("en")} units (synthetic organisation, small top levels) × 5 job levels × 3 category dimensions × 5 dates, imported one by one; each import answers after storing the counts, its audited release is built afterwards (bulk worker) keeping the dates shown before; target < 5000 ms on a started server. Each run in a process of its own`,
    );
    // Cold first: a process that has built nothing, as the first import after a start before the
    // bulk worker's warm-up, or a server run without it.
    const cold = headcountImportRun(units, "cold");
    const started = headcountImportRun(units, "started");
    for (const [label, run] of [
      [
        `started server (the bulk worker's warm-up at start, ${started.warmUpMs.toFixed(0)} ms, before the first import)`,
        started,
      ],
      ["cold process (nothing built before in it)", cold],
    ] as const) {
      console.log(`  ${label}:`);
      for (const [date, f] of run.dates.entries())
        console.log(
          `    date ${date + 1}: import ${f.importMs.toFixed(0).padStart(6)} ms wall ${f.importCpuMs.toFixed(0).padStart(5)} ms CPU, release ${f.releaseMs.toFixed(0).padStart(7)} ms wall ${f.releaseCpuMs.toFixed(0).padStart(7)} ms CPU`,
        );
      const importMs = run.dates.reduce((sum, f) => sum + f.importMs, 0);
      const importCpuMs = run.dates.reduce((sum, f) => sum + f.importCpuMs, 0);
      const releaseMs = run.dates.reduce((sum, f) => sum + f.releaseMs, 0);
      const releaseCpuMs = run.dates.reduce((sum, f) => sum + f.releaseCpuMs, 0);
      console.log(
        `    all 5 dates: imports ${importMs.toFixed(0)} ms (${importCpuMs.toFixed(0)} ms CPU) + releases ${releaseMs.toFixed(0)} ms wall (${releaseCpuMs.toFixed(0)} ms CPU) = ${(importMs + releaseMs).toFixed(0)} ms; bare insert of the same rows ${run.baselineMs.toFixed(0)} ms: imports ${ratio(importMs, run.baselineMs)}, imports + releases ${ratio(importMs + releaseMs, run.baselineMs)} of it`,
      );
    }
    console.log(
      `  started / cold: ${ratio(totalMs(started), totalMs(cold))}; cells hidden ${(100 * started.hiddenShare).toFixed(1)}% of ${started.audit.cells}; ${JSON.stringify(started.audit)}; release ${started.releaseHash}${started.releaseHash === cold.releaseHash ? " (the same in both)" : `, cold ${cold.releaseHash} (DIFFERENT)`}`,
    );
  }
  const form = await measureFormDuringHeadcounts({
    units: Number(process.env.PEILPUNT_BENCH_HEADCOUNT_FORM_UNITS ?? 1000),
  });
  console.log(
    `Respondent page (GET form, autocannon, 10 connections) beside headcount imports of ${form.units.toLocaleString("en")} units × 5 dates and their release builds in the bulk worker`,
  );
  for (const f of [form.baseline, form.during]) {
    console.log(
      `  ${f.label.padEnd(58)} p50 ${String(f.p50).padStart(3)} ms  p99 ${String(f.p99).padStart(3)} ms (${ratio(f.p99, form.baseline.p99)} of alone)  max ${f.max} ms  ${f.requests} requests  non-2xx ${f.non2xx}`,
    );
  }
  console.log(
    `  imports answered in ${form.importMs.map((ms) => ms.toFixed(0)).join(", ")} ms; all releases stored ${form.releasesMs.toFixed(0)} ms after the first import`,
  );
}

function benchQuestionnaires() {
  const run = measureQuestionnaireUpload();
  const line = (label: string, ms: number) =>
    console.log(
      `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  (${ratio(ms, run.baselineMs)} of parse + hash + bare insert; target < 2000 ms)`,
    );
  console.log(
    `Questionnaire upload: ${run.questions} questions, ${(run.bytes / 1024).toFixed(0)} kB of SurveyJS JSON in nl/fr/en, median of 5 (JSON.parse, sha256 and a bare insert of the same text: ${run.baselineMs.toFixed(1)} ms)`,
  );
  line("new questionnaire (checks, validator, insert)", run.createMs);
  line("second version (also previousName check)", run.versionMs);
  line(`diff of the two versions (${run.reworded} reworded)`, run.diffMs);
}

async function benchOverview() {
  const run = await measureResultsOverview();
  const line = (label: string, timed: Timed, target: number) =>
    console.log(
      `  ${label.padEnd(44)} ${timed.wallMs.toFixed(0).padStart(6)} ms wall ${timed.cpuMs.toFixed(0).padStart(6)} ms CPU  (${ratio(timed.wallMs, run.baseline.wallMs)} of the baseline; ${(timed.bytes / 1024).toFixed(0)} kB; target < ${target} ms)`,
    );
  console.log(
    `Results screens over the demo (app.request, signed-in admin, median of 7 after a warm-up; baseline GET /campaigns/diagnose-2021: ${run.baseline.wallMs.toFixed(1)} ms wall, ${run.baseline.cpuMs.toFixed(1)} ms CPU)`,
  );
  line("overview (summary + unit table) 2021", run.overview, 100);
  line("comparison 2020 → 2021, unit table", run.comparison, 300);
  line("the same, LAW + ECON mapped as merged", run.comparisonMapped, 300);
  line("XLSX of diagnose-2021 (nl)", run.xlsx, 2000);
}

async function benchUnits() {
  const run = await measureUnitImport();
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

async function benchInvitations() {
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

async function benchResults() {
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
  console.log(
    `  of which item-level audit         ${(release.releaseMs - release.releaseWithoutItemsMs).toFixed(0).padStart(6)} ms  (${ratio(release.releaseMs - release.releaseWithoutItemsMs, release.releaseMs)} of the full release; group-size audit alone ${release.releaseWithoutItemsMs.toFixed(0)} ms)`,
  );
  console.log(
    `  CPU time: group-size audit alone ${release.cpuMs.withoutItems.toFixed(0)} ms, full release (answer check by bound tightening only) ${release.cpuMs.release.toFixed(0)} ms (${ratio(release.cpuMs.release, release.cpuMs.withoutItems)}), with the answer check's LP stage on ${release.cpuMs.withLp.toFixed(0)} ms (${ratio(release.cpuMs.withLp, release.cpuMs.withoutItems)})`,
  );
  console.log(
    `  answer check's LP stage (on for every release the server serves; one thread: ${release.releaseWithLpMs.toFixed(0)} ms wall)  ${release.itemLp.solves} LP solves, ${release.itemLp.withheld} question(s) withheld for want of LP budget; ${release.itemLp.hidden} distributions hidden (${release.itemLp.answersHidden} respondent-answers) against ${release.itemLoss.hidden} by bound tightening only`,
  );
  const { oneThread, twoThreads, identical } = release.threads;
  const pair = (runs: { ms: number; cpuMs: number }[], at: number) =>
    `${(runs[at]?.ms ?? 0).toFixed(0)} ms wall, ${(runs[at]?.cpuMs ?? 0).toFixed(0)} ms CPU`;
  console.log(
    `  LP-on release as the server builds it (questions on 2 threads; target < 5000 ms): ${pair(twoThreads, 1)} against ${pair(oneThread, 1)} on one thread (wall ${ratio(twoThreads[1]?.ms ?? 0, oneThread[1]?.ms ?? 0)}, CPU ${ratio(twoThreads[1]?.cpuMs ?? 0, oneThread[1]?.cpuMs ?? 0)}); first pair ${pair(twoThreads, 0)} against ${pair(oneThread, 0)}; ${identical ? "all four releases identical" : "RELEASES DIFFER"}`,
  );
  console.log(`  peak RSS of the bench process    ${String(release.peakRssMb).padStart(6)} MB`);
  const { ours, nextSmallest } = release.loss;
  const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
  console.log(
    `  hidden beyond primary: ours ${ours.cells} cells (${pct(ours.cellShare)}), ${ours.respondents} respondent-cells (${pct(ours.respondentShare)}); next-smallest rule ${nextSmallest.cells} cells (${pct(nextSmallest.cellShare)}), ${nextSmallest.respondents} (${pct(nextSmallest.respondentShare)})`,
  );
  const items = release.itemLoss;
  console.log(
    `  answer distributions hidden: ${items.hidden} of ${items.cells} (${pct(items.hidden / items.cells)}; group rules alone ${items.hiddenBefore}), ${items.answersHidden} of ${items.answers} respondent-answers (${pct(items.answersHidden / items.answers)})`,
  );
  const exports = await measureResultsExports();
  console.log(
    `Results exports and comparison (demo diagnose-2021: ${exports.groups.toLocaleString("en")} groups, ${exports.rows.toLocaleString("en")} table rows)`,
  );
  console.log(
    `  XLSX export (schema, labels, workbook)  ${exports.xlsxMs.toFixed(0).padStart(6)} ms wall, ${exports.xlsxCpuMs.toFixed(0)} ms CPU, ${(exports.xlsxBytes / 1e6).toFixed(1)} MB  (ExcelJS object model as before: ${exports.baselineMs.toFixed(0)} ms wall, ${exports.baselineCpuMs.toFixed(0)} ms CPU, ${(exports.baselineBytes / 1e6).toFixed(1)} MB; ours = ${ratio(exports.xlsxMs, exports.baselineMs)} of it)`,
  );
  console.log(
    `  comparison 2020 → 2021 (median of 5)   ${exports.compareMs.toFixed(0).padStart(6)} ms wall, ${exports.compareCpuMs.toFixed(0)} ms CPU  (${exports.comparedSteps.toLocaleString("en")} group × question changes compared)`,
  );
}

async function benchSequence() {
  const figures = await measureReleaseSequence({
    interim: interims,
    itemLp,
    progress: (line) => console.log(`  … ${line}`),
  });
  const base = figures.singleRelease;
  const both = (t: { ms: number; cpuMs: number }) =>
    `${t.ms.toFixed(0).padStart(6)} ms wall, ${t.cpuMs.toFixed(0).padStart(6)} ms CPU  (${ratio(t.cpuMs, base.cpuMs)} of one release's CPU)`;
  const served = figures.interimRebuilds.filter((rebuild) => rebuild.served);
  const cpu = served.map((rebuild) => rebuild.cpuMs).sort((a, b) => a - b);
  console.log(
    `Sequence audit: ${figures.responses.toLocaleString("en")} responses read live (arrivals in ${figures.arrivals}), ${figures.releases - 1} interim releases served (${figures.attempts} rebuilds attempted) + 1 candidate, true counts in memory; ${figures.itemLp ? "built with the item audit's LP stage, as served" : "built without the item audit's LP stage (it decides no group; --item-lp includes it)"}`,
  );
  console.log(
    `  interim rebuilds: rounds ${figures.interimRebuilds.map((rebuild) => `${rebuild.rounds}${rebuild.served ? "" : "×"}`).join(" ")} (× held back); CPU of a served one: median ${(cpu[Math.floor(cpu.length / 2)] ?? 0).toFixed(0)} ms, longest ${(cpu.at(-1) ?? 0).toFixed(0)} ms`,
  );
  console.log(`  one release built and protected   ${both(base)} (baseline)`);
  console.log(
    `  candidate vs all ${figures.releases - 1} (${figures.method})  ${both(figures.sequenceAudit)}; target < 5,000 ms; ${figures.solves} LPs, ${figures.open} batches left to the joint fallback (${figures.windowSolves} LPs), ${figures.findings} findings`,
  );
  console.log(
    `  the candidate's whole rebuild     ${both(figures.rebuild)}; ${figures.rebuildRounds} rounds, ${figures.rebuildPasses ? "served" : "held back"}`,
  );
}

async function benchHoldback() {
  for (const invitations of [false, true]) await benchHoldbackOnce(invitations);
}

async function benchHoldbackOnce(invitations: boolean) {
  const f = await measureInterimHoldback({
    invitations,
    progress: (line) => console.log(`  … ${line}`),
  });
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  const quantile = (list: number[], q: number) =>
    sorted(list)[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0;
  const perDay = f.responses / 7; // the demo campaign's pace: its responses in its first 7 days
  const hours = (arrivals: number) => ((arrivals / perDay) * 24).toFixed(1);
  console.log(
    `Interim results of ${f.slug} read live${f.invitations ? " as if answered with invitation codes (breakdowns published)" : " (open link: the organisation as a whole only)"}: its first ${f.responses} of ${f.total} responses one at a time (random order), k = ${f.k}; every release served is read`,
  );
  console.log(
    `  served releases ${f.served} of ${f.attempted} rebuilds attempted (${f.responses - f.waits.length} responses never in a served release before the end)`,
  );
  console.log(
    `  arrivals between updates: median ${quantile(f.gaps, 0.5)}, 90th percentile ${quantile(f.gaps, 0.9)}, most ${Math.max(0, ...f.gaps)} (at ${perDay.toFixed(0)} a day: ${hours(quantile(f.gaps, 0.5))} h, ${hours(quantile(f.gaps, 0.9))} h, ${hours(Math.max(0, ...f.gaps))} h)`,
  );
  console.log(
    `  a response waits for: median ${quantile(f.waits, 0.5)} more arrivals, 90th percentile ${quantile(f.waits, 0.9)} (${hours(quantile(f.waits, 0.5))} h, ${hours(quantile(f.waits, 0.9))} h)`,
  );
  console.log(
    `  hidden groups, summed over the served releases: ${f.hiddenServed} (the same moments built alone: ${f.hiddenAlone}, ${ratio(f.hiddenServed, f.hiddenAlone)}); answer distributions hidden: ${f.itemsHiddenServed} (alone: ${f.itemsHiddenAlone}, ${ratio(f.itemsHiddenServed, f.itemsHiddenAlone)})`,
  );
  console.log(`  ${(f.buildMs / 1000).toFixed(0)} s for every rebuild of the simulation`);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const rebuilds = f.rebuildMs.slice(1);
  console.log(
    `  rebuilds after the first: median ${seconds(quantile(rebuilds, 0.5))} s, 90th percentile ${seconds(quantile(rebuilds, 0.9))} s, longest ${seconds(Math.max(0, ...rebuilds))} s; the last five ${f.rebuildMs
      .slice(-5)
      .map(seconds)
      .join(
        ", ",
      )} s (${f.methods.filter((m) => m === "witnesses").length} of ${f.methods.length} audited with witnesses)`,
  );
}

async function benchSubmissions() {
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

async function benchPageLoad() {
  const figures = await measurePageLoad();
  const { latency, downloadThroughput, uploadThroughput, cpuSlowdown } = SLOW_4G;
  console.log(
    `Respondent page on a slow-4G phone (${latency} ms RTT, ${(downloadThroughput * 8) / 1e6} Mbit/s down, ${(uploadThroughput * 8) / 1e3} kbit/s up, CPU ×${cpuSlowdown}; 390 px; median of ${figures.runs}; before = ${figures.baselineRef})`,
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  const row = (label: string, f: VisitFigures, base: VisitFigures) =>
    console.log(
      `  ${label.padEnd(15)} notice ${(f.noticeMs / 1000).toFixed(2).padStart(5)} s (${ratio(f.noticeMs, base.noticeMs).padStart(4)})  ${kb(f.noticeBytes).padStart(8)} (${ratio(f.noticeBytes, base.noticeBytes).padStart(4)})   first question ${(f.questionsMs / 1000).toFixed(2).padStart(5)} s (${ratio(f.questionsMs, base.questionsMs).padStart(4)})  ${kb(f.questionsBytes).padStart(8)} (${ratio(f.questionsBytes, base.questionsBytes).padStart(4)})  ${f.requests} responses`,
    );
  const { before, after } = figures;
  row("before, first", before.first, before.first);
  row("after, first", after.first, before.first);
  row("before, repeat", before.repeat, before.repeat);
  row("after, repeat", after.repeat, before.repeat);
}

async function benchCodes() {
  console.log("Respondent page (GET form, autocannon, 10 connections, 8 s) beside code generation");
  const figures = await measureCodeGeneration();
  const { baseline } = figures;
  for (const f of [figures.baseline, figures.duringGeneration]) {
    console.log(
      `  ${f.label.padEnd(58)} p50 ${String(f.p50).padStart(3)} ms  p99 ${String(f.p99).padStart(3)} ms (${ratio(f.p99, baseline.p99)} of alone)  max ${f.max} ms  ${f.requests} requests  non-2xx ${f.non2xx}`,
    );
  }
  console.log(
    `  ${figures.generations} complete generations of 5,000 codes meanwhile, ${figures.generationMs.toFixed(0)} ms each on average (target: p99 under 50 ms)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
