import { createApp } from "../../../server/app";
import type { Db } from "../../../server/db/open-database";
import { headcountReleaseQueue } from "../../../server/headcounts/headcount-release-queue";
import { inProcessBulkWriter } from "../../../server/jobs/bulk-writer";

/**
 * The app with headcount releases built in process: an import answers before its release is
 * built (as in the server), so a test awaits `releasesBuilt()` before it reads the tables.
 */
export function headcountTestApp(db: Db) {
  const writer = inProcessBulkWriter(db, new Uint8Array(32));
  const headcountReleases = headcountReleaseQueue({
    build: (id) => writer.buildHeadcountRelease(id),
  });
  const app = createApp({ db, config: { headcountReleases } });
  return { app, releasesBuilt: () => headcountReleases.idle() };
}
