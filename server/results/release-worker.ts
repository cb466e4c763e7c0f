import { parentPort, workerData } from "node:worker_threads";
import highsLoader from "highs";
import type { ReleaseInput } from "../../analysis/build-release";
import { openReadOnlyDatabase } from "../db/open-database";
import { CampaignMatrices, type ShownRelease, type StoredResponse } from "./campaign-matrices";
import { threadedQuestionAuditor } from "./question-auditor";
import { readStoredResponses } from "./read-stored-responses";

type Request =
  | { type: "append"; campaignId: string; response: StoredResponse }
  | { type: "forget"; campaignId: string }
  | { type: "stored"; campaignId: string; releaseId: number }
  | {
      type: "build";
      requestId: number;
      campaignId: string;
      input: ReleaseInput;
      shown: ShownRelease[];
    };

// Its own read-only connection: reading a campaign's responses never waits on the server.
const db = openReadOnlyDatabase((workerData as { databasePath: string }).databasePath);
const matrices = new CampaignMatrices((campaignId) => readStoredResponses(db, campaignId));
const highs = highsLoader();
// The item audit's questions are shared with one helper thread (its LP stage takes seconds).
const questionAuditor = highs.then((solver) => threadedQuestionAuditor(solver));

parentPort?.on("message", async (request: Request) => {
  switch (request.type) {
    case "append":
      matrices.append(request.campaignId, request.response);
      return;
    case "forget":
      matrices.forget(request.campaignId);
      return;
    case "stored":
      matrices.stored(request.campaignId, request.releaseId);
      return;
    case "build":
      try {
        const input = { ...request.input, questionAuditor: await questionAuditor };
        const built = matrices.build(await highs, request.campaignId, input, request.shown);
        parentPort?.postMessage({ type: "built", requestId: request.requestId, ...built });
      } catch (error) {
        parentPort?.postMessage({
          type: "failed",
          requestId: request.requestId,
          message: error instanceof Error ? error.message : String(error),
        });
      }
  }
});
