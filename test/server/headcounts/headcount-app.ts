import { createApp } from "../../../server/app";
import type { Db } from "../../../server/db/open-database";
import { headcountReleaseQueue } from "../../../server/headcounts/headcount-release-queue";
import { inProcessBulkWriter } from "../../../server/jobs/bulk-writer";
import { rebuildingSurveysAfter } from "../../../server/results/rebuild-after-headcounts";
import type { ReleaseScheduler } from "../../../server/results/release-scheduler";

/**
 * The app with headcount releases built in process: an import answers before its release is
 * built (as in the server), so a test awaits `releasesBuilt()` before it reads the tables.
 * Given a survey release scheduler, a stored headcount release rebuilds the survey releases it
 * affects, as the server wires it (await `releases.idle()` after `releasesBuilt()` for them).
 */
export function headcountTestApp(
  db: Db,
  { releases, secretKey }: { releases?: ReleaseScheduler; secretKey?: Uint8Array } = {},
) {
  const writer = inProcessBulkWriter(db, new Uint8Array(32));
  const headcountReleases = headcountReleaseQueue({
    build: rebuildingSurveysAfter(
      db,
      (id) => writer.buildHeadcountRelease(id),
      (campaignId) => releases?.rebuild(campaignId),
    ),
  });
  const app = createApp({
    db,
    config: {
      headcountReleases,
      ...(releases ? { releases } : {}),
      ...(secretKey ? { secretKey } : {}),
    },
  });
  return { app, releasesBuilt: () => headcountReleases.idle() };
}
