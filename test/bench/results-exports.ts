import ExcelJS from "exceljs";
import highsLoader from "highs";
import { buildRelease, createResponseMatrix } from "../../analysis/build-release";
import { compareWaves } from "../../analysis/compare-waves";
import type { Release } from "../../analysis/release-types";
import { openDatabase } from "../../server/db/open-database";
import { campaigns } from "../../server/db/schema";
import { seedDemo } from "../../server/demo/seed-demo";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { loadReleaseInput } from "../../server/results/load-release-input";
import { releaseTables, tableGroups } from "../../server/results/read-release";
import { readStoredResponses } from "../../server/results/read-stored-responses";
import { releaseTableRows, type UnitLabel } from "../../server/results/release-csv";
import { campaignWorkbook } from "../../server/results/release-exports";
import { unitLabels } from "../../server/results/unit-labels";

export interface ExportBenchFigures {
  groups: number;
  rows: number;
  /** Wall-clock medians, and the process's CPU time for the same runs (load-independent). */
  xlsxMs: number;
  xlsxCpuMs: number;
  xlsxBytes: number;
  baselineMs: number;
  baselineCpuMs: number;
  baselineBytes: number;
  compareMs: number;
  compareCpuMs: number;
  comparedSteps: number;
}

/**
 * The XLSX export of the demo's diagnose-2021 (1,256 groups) as the route builds it (output
 * schema, labels, workbook), against the ExcelJS object model the export used before (the same
 * rows, written by ExcelJS as in commit 4120f64), and the 2020 → 2021 comparison.
 */
export async function measureResultsExports(): Promise<ExportBenchFigures> {
  const db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  seedDemo(db, { now: new Date("2026-11-25T10:00:00Z") });
  const highs = await highsLoader();
  const waves = ["diagnose-2020", "diagnose-2021"].map((slug) => {
    const campaign = db
      .select()
      .from(campaigns)
      .all()
      .find((row) => row.slug === slug);
    if (!campaign) throw new Error(`no demo campaign ${slug}`);
    const { input } = loadReleaseInput(db, campaign.id);
    const rows = [...readStoredResponses(db, campaign.id)].map((stored) => stored.row);
    const release = buildRelease(highs, createResponseMatrix(input, rows), input);
    return { campaign, input, release };
  });
  const latest = waves[1] as (typeof waves)[number];
  const stored = {
    campaign: {
      id: latest.campaign.id,
      slug: latest.campaign.slug,
      k: latest.campaign.minCellSize,
      organisationId: latest.campaign.organisationId,
    },
    builtAt: "2021-12-23T00:00:00.000Z",
    release: latest.release,
  };

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const timed = async (run: () => unknown) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await run();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  };

  let xlsxBytes = 0;
  let baselineBytes = 0;
  const unitLabel = unitLabels(db, stored.campaign, "nl");
  // Interleaved, so both see the same load on a shared machine.
  const ours: { wall: number; cpu: number }[] = [];
  const before: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) {
    ours.push(
      await timed(() => {
        xlsxBytes = campaignWorkbook({ db, stored, locale: "nl" }).body.length;
      }),
    );
    before.push(
      await timed(async () => {
        baselineBytes = (await exceljsWorkbook(latest.release, unitLabel)).byteLength;
      }),
    );
  }

  const compared = waves.map((wave) => ({
    id: wave.campaign.slug,
    release: wave.release,
    items: wave.input.items,
  }));
  let comparedSteps = 0;
  const comparisons: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 5; i++) {
    comparisons.push(
      await timed(() => {
        const comparison = compareWaves(compared);
        comparedSteps = comparison.groups.reduce(
          (sum, group) =>
            sum + group.items.filter((item) => item.steps.some((step) => step.compared)).length,
          0,
        );
      }),
    );
  }

  return {
    groups: latest.release.groups.length,
    rows: releaseTables(latest.release).reduce(
      (sum, table) =>
        sum +
        releaseTableRows(tableGroups(latest.release, table.id).groups, table.dimensions, unitLabel)
          .length,
      0,
    ),
    xlsxMs: median(ours.map((run) => run.wall)),
    xlsxCpuMs: median(ours.map((run) => run.cpu)),
    xlsxBytes,
    baselineMs: median(before.map((run) => run.wall)),
    baselineCpuMs: median(before.map((run) => run.cpu)),
    baselineBytes,
    compareMs: median(comparisons.map((run) => run.wall)),
    compareCpuMs: median(comparisons.map((run) => run.cpu)),
    comparedSteps,
  };
}

/** The workbook as the export wrote it before: ExcelJS rows, one sheet per table. */
async function exceljsWorkbook(release: Release, unitLabel: UnitLabel): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("about").addRows([["minimum group size (k)", release.k]]);
  for (const table of releaseTables(release)) {
    const { groups } = tableGroups(release, table.id);
    const sheet = workbook.addWorksheet(table.id.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
    const rows = releaseTableRows(groups, table.dimensions, unitLabel);
    sheet.addRows(
      rows.map((row, index) =>
        index === 0 ? row : row.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)),
      ),
    );
  }
  const comments = workbook.addWorksheet("comments");
  for (const entry of release.comments) {
    for (const text of entry.texts)
      comments.addRow([unitLabel(entry.unitId).code, entry.item, text]);
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
