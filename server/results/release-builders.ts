import { Worker } from "node:worker_threads";
import highsLoader, { type Highs } from "highs";
import type { ReleaseInput } from "../../analysis/build-release";
import type { Release } from "../../analysis/release-types";
import type { DbConnection } from "../db/open-database";
import { CampaignMatrices, type ShownRelease, type StoredResponse } from "./campaign-matrices";
import { readStoredResponses } from "./read-stored-responses";

export interface BuiltRelease {
  release: Release;
  respondents: number;
  /** Passes the sequence audit against the releases shown before it. */
  servable: boolean;
  /** The true counts of every shown release were in memory (else: after a restart). */
  trueCountsKnown: boolean;
}

/** Builds releases from in-memory matrices that follow each stored response. */
export interface ReleaseBuilder {
  append(campaignId: string, response: StoredResponse): void;
  forget(campaignId: string): void;
  build(campaignId: string, input: ReleaseInput, shown: ShownRelease[]): Promise<BuiltRelease>;
  /** The last build of the campaign was stored under this id (its true counts stay in memory). */
  stored(campaignId: string, releaseId: number): void;
  close(): Promise<void>;
}

/**
 * Builds on the calling thread. The audit takes up to seconds and blocks meanwhile, so the
 * server uses the worker; tests and commands use this one.
 */
export function inProcessBuilder(db: DbConnection): ReleaseBuilder {
  const matrices = new CampaignMatrices((campaignId) => readStoredResponses(db, campaignId));
  let highs: Promise<Highs> | undefined;
  return {
    append: (campaignId, response) => matrices.append(campaignId, response),
    forget: (campaignId) => matrices.forget(campaignId),
    async build(campaignId, input, shown) {
      highs ??= highsLoader();
      return matrices.build(await highs, campaignId, input, shown);
    },
    stored: (campaignId, releaseId) => matrices.stored(campaignId, releaseId),
    close: async () => {},
  };
}

type WorkerReply =
  | {
      type: "built";
      requestId: number;
      release: Release;
      respondents: number;
      servable: boolean;
      trueCountsKnown: boolean;
    }
  | { type: "failed"; requestId: number; message: string };

/** Builds in a worker thread that keeps the matrices and reads the database file itself. */
export function workerBuilder(databasePath: string): ReleaseBuilder {
  const worker = new Worker(new URL("./release-worker-entry.mjs", import.meta.url), {
    workerData: { databasePath },
  });
  worker.unref();
  const pending = new Map<
    number,
    { resolve: (built: BuiltRelease) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  worker.on("message", (reply: WorkerReply) => {
    const request = pending.get(reply.requestId);
    if (!request) return;
    pending.delete(reply.requestId);
    if (reply.type === "built")
      request.resolve({
        release: reply.release,
        respondents: reply.respondents,
        servable: reply.servable,
        trueCountsKnown: reply.trueCountsKnown,
      });
    else request.reject(new Error(reply.message));
  });
  worker.on("error", (error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  });
  return {
    append: (campaignId, response) => worker.postMessage({ type: "append", campaignId, response }),
    forget: (campaignId) => worker.postMessage({ type: "forget", campaignId }),
    stored: (campaignId, releaseId) =>
      worker.postMessage({ type: "stored", campaignId, releaseId }),
    build(campaignId, input, shown) {
      const requestId = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        worker.postMessage({ type: "build", requestId, campaignId, input, shown });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
