import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open-database";
import { campaigns } from "../../server/db/schema";
import { seedDemo } from "../../server/demo/seed-demo";
import { loadBundledVersions } from "../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../server/questionnaires/sync-bundled-questionnaires";
import { insertUser, signIn } from "../server/admin-fixture";
import { buildReleaseNow } from "../server/campaign-fixture";

/** One request's time: wall-clock and the process's CPU time (load-independent), medians. */
export interface Timed {
  wallMs: number;
  cpuMs: number;
  bytes: number;
}

export interface OverviewBenchFigures {
  /** GET /campaigns/<slug>: an authenticated read of one row, the baseline of the run. */
  baseline: Timed;
  /** What the results screen loads first: the summary and the unit table. */
  overview: Timed;
  /** GET …/results/comparison of diagnose-2020 → diagnose-2021, the unit table. */
  comparison: Timed;
  /** GET …/results/export.xlsx of diagnose-2021 (1,256 groups). */
  xlsx: Timed;
}

const RUNS = 7;

/**
 * The results screens' API over the demo (both diagnoses' releases built and stored first),
 * through `app.request` with a signed-in admin: each request timed RUNS times after one warm-up,
 * medians reported. Targets (issue 13): overview < 100 ms, comparison < 300 ms, XLSX < 2 s.
 */
export async function measureResultsOverview(): Promise<OverviewBenchFigures> {
  const db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  seedDemo(db, { now: new Date("2026-11-25T10:00:00Z") });
  for (const slug of ["diagnose-2020", "diagnose-2021"]) {
    const campaign = db
      .select()
      .from(campaigns)
      .all()
      .find((row) => row.slug === slug);
    if (!campaign) throw new Error(`no demo campaign ${slug}`);
    await buildReleaseNow(db, campaign.id);
  }
  const app = createApp({ db });
  const admin = await signIn(app, insertUser(db, "admin"));
  const base = "/api/admin/campaigns/diagnose-2021";

  const time = async (paths: string[]): Promise<Timed> => {
    const walls: number[] = [];
    const cpus: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= RUNS; run++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      bytes = 0;
      for (const path of paths) {
        const response = await admin.request("GET", path);
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        bytes += (await response.arrayBuffer()).byteLength;
      }
      const used = process.cpuUsage(cpu);
      if (run === 0) continue; // warm-up
      walls.push(performance.now() - start);
      cpus.push((used.user + used.system) / 1000);
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    return { wallMs: median(walls), cpuMs: median(cpus), bytes };
  };

  const figures = {
    baseline: await time([base]),
    overview: await time([`${base}/results`, `${base}/results/tables/units`]),
    comparison: await time([`${base}/results/comparison?with=diagnose-2020&table=units`]),
    xlsx: await time([`${base}/results/export.xlsx?lang=nl`]),
  };
  db.$client.close();
  return figures;
}
