import { parentPort, workerData } from "node:worker_threads";
import highsLoader, { type Highs } from "highs";
import { openDatabase } from "../db/open-database";
import { buildAndStoreHeadcountRelease } from "../headcounts/build-headcount-release";
import { threadSmallGroupSolver } from "../headcounts/small-group-thread";
import { startWarmHeadcountBuilds } from "../headcounts/warm-headcount-audit";
import { makeCodes, storeGeneratedCodes, storeInvitationCodes } from "../invitations/store-codes";
import type { BulkReply, BulkRequest } from "./bulk-writer";

// Its own connection to the server's database file (already migrated by the server), with the
// same settings: WAL, synchronous=FULL, a busy timeout for the moments the server writes.
const { databasePath, secretKey, warmUp } = workerData as {
  databasePath: string;
  secretKey: Uint8Array;
  warmUp?: boolean;
};
const db = openDatabase(databasePath);
// HiGHS (WebAssembly) loads on the first headcount build, and the audit's second thread starts
// then so that it has loaded its own HiGHS by the time the build sends it work; or both earlier,
// with one audit of synthetic headcounts (`warm`): at start (`warmUp`, a server that keeps
// headcounts) or when the server asks (someone who can import opened an organisation's headcounts).
let highs: Highs | undefined;
const smallGroups = threadSmallGroupSolver();
/** The warm-up, once asked (at start or by the server later); never rejects. */
let warmed: Promise<void> | undefined = warmUp ? warm() : undefined;

function warm(): Promise<void> {
  return startWarmHeadcountBuilds(smallGroups).then(
    (loaded) => {
      highs ??= loaded;
    },
    // It only saves time: the first build then runs as it would have without it.
    (error) => console.error("headcount audit warm-up failed:", error),
  );
}

parentPort?.on("message", async (request: BulkRequest) => {
  // Sent at most once, and never after a headcount build (workerBulkWriter).
  if (request.type === "warm-up") {
    warmed ??= warm();
    return;
  }
  let reply: BulkReply;
  try {
    if (request.type === "headcounts") {
      await warmed;
      void smallGroups.ready();
      highs ??= await highsLoader();
      const outcome = buildAndStoreHeadcountRelease({
        db,
        highs,
        organisationId: request.organisationId,
        now: () => new Date(),
        smallGroups,
      });
      reply = { type: "done", requestId: request.requestId, outcome };
    } else if (request.type === "generate") {
      const count = request.job.units.reduce((sum, unit) => sum + unit.count, 0);
      const made = makeCodes(secretKey, count);
      const stored = storeGeneratedCodes(db, secretKey, request.job, made);
      reply = { type: "done", requestId: request.requestId, stored };
    } else {
      storeInvitationCodes(db, request.rows, request.progress);
      reply = { type: "done", requestId: request.requestId };
    }
  } catch (error) {
    reply = {
      type: "failed",
      requestId: request.requestId,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
