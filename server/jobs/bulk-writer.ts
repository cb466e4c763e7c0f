import { Worker } from "node:worker_threads";
import highsLoader, { type Highs } from "highs";
import type { Db } from "../db/open-database";
import { buildAndStoreHeadcountRelease } from "../headcounts/build-headcount-release";
import type { HeadcountBuildOutcome } from "../headcounts/headcount-release-queue";
import {
  type CodeGeneration,
  type InvitationCodeRow,
  type MadeCode,
  makeCodes,
  type SendingProgressRow,
  type StoredGeneration,
  storeGeneratedCodes,
  storeInvitationCodes,
} from "../invitations/store-codes";
import { yieldToEventLoop } from "./heavy-jobs";

/**
 * Where bulk writes go: code generation (making, hashing and storing thousands of codes), the
 * code hashes of invitations being sent, and audited headcount releases (built and stored). On a database file they run in a worker thread with its
 * own connection (workerBulkWriter), so neither the hashing nor the disk flush of their commits
 * ever holds the thread that serves respondents; on an in-memory database (tests) in process.
 */
export interface BulkWriter {
  /** Makes and stores one generation's codes (all or nothing); resolves with the normalised codes. */
  generateCodes(job: CodeGeneration): Promise<StoredGeneration>;
  /** Stores the hashes of invitation codes whose mail was accepted, and the sending's counts. */
  storeInvitationCodes(rows: InvitationCodeRow[], progress?: SendingProgressRow): Promise<void>;
  /** Builds and stores an organisation's audited headcount release (the LP audit: seconds). */
  buildHeadcountRelease(organisationId: string): Promise<HeadcountBuildOutcome>;
  /**
   * Someone who can import opened an organisation's headcounts, so an import may follow: the
   * worker warms the headcount audit now (warm-headcount-audit.ts) unless it was asked to before.
   * In process (tests), nothing.
   */
  prepareHeadcountBuilds(): void;
  close(): Promise<void>;
}

/**
 * Milliseconds of code making in one go before the event loop runs, when the work runs in
 * process: a respondent's request waits at most about this long behind it.
 */
export const CODES_SLICE_MS = 4;

/**
 * Bulk writes on the server's own thread, in slices that yield: for in-memory databases (tests,
 * benches). A headcount release is built in one piece there.
 */
export function inProcessBulkWriter(db: Db, secretKey: Uint8Array): BulkWriter {
  let highs: Promise<Highs> | undefined;
  return {
    async generateCodes(job) {
      const count = job.units.reduce((sum, unit) => sum + unit.count, 0);
      const made: MadeCode[] = [];
      while (made.length < count) {
        const sliceEnds = performance.now() + CODES_SLICE_MS;
        while (made.length < count && performance.now() < sliceEnds) {
          made.push(...makeCodes(secretKey, Math.min(50, count - made.length)));
        }
        await yieldToEventLoop();
      }
      return storeGeneratedCodes(db, secretKey, job, made);
    },
    async storeInvitationCodes(rows, progress) {
      storeInvitationCodes(db, rows, progress);
    },
    async buildHeadcountRelease(organisationId) {
      highs ??= highsLoader();
      const solver = await highs;
      await yieldToEventLoop();
      return buildAndStoreHeadcountRelease({
        db,
        highs: solver,
        organisationId,
        now: () => new Date(),
      });
    },
    prepareHeadcountBuilds() {},
    async close() {},
  };
}

/** A request to the bulk worker (server/jobs/bulk-worker.ts). */
export type BulkRequest =
  | { type: "generate"; requestId: number; job: CodeGeneration }
  | { type: "store"; requestId: number; rows: InvitationCodeRow[]; progress?: SendingProgressRow }
  | { type: "headcounts"; requestId: number; organisationId: string }
  | { type: "warm-up" };

/** The bulk worker's answer to one request. */
export type BulkReply =
  | { type: "done"; requestId: number; stored?: StoredGeneration; outcome?: HeadcountBuildOutcome }
  | { type: "failed"; requestId: number; message: string };

/**
 * Bulk writes in a worker thread with its own connection to `databasePath` (WAL: the server's
 * readers never wait for it; a submission waits at most for one of its commits). Started on first
 * use and never keeps the process alive. The secret key crosses to the worker once, at start.
 */
export function workerBulkWriter(
  databasePath: string,
  secretKey: Uint8Array,
  {
    warmUp = false,
  }: {
    /**
     * Start the worker now and have it audit synthetic headcounts once before its first job
     * (warm-headcount-audit.ts): the server's first headcount import then builds as fast as
     * later ones. The server sets it; tests and benches that do not measure it leave it off.
     */
    warmUp?: boolean;
  } = {},
): BulkWriter {
  let worker: Worker | undefined;
  const pending = new Map<
    number,
    {
      resolve: (reply: Extract<BulkReply, { type: "done" }>) => void;
      reject: (error: Error) => void;
    }
  >();
  let nextId = 1;
  const start = (warm = false) => {
    const started = new Worker(new URL("./bulk-worker-entry.mjs", import.meta.url), {
      workerData: { databasePath, secretKey, warmUp: warm },
    });
    started.unref();
    started.on("message", (reply: BulkReply) => {
      const request = pending.get(reply.requestId);
      if (!request) return;
      pending.delete(reply.requestId);
      if (reply.type === "done") request.resolve(reply);
      else request.reject(new Error(reply.message));
    });
    const fail = (error: Error) => {
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      worker = undefined;
    };
    started.on("error", fail);
    started.on("exit", (code) => fail(new Error(`bulk worker exited with ${code}`)));
    return started;
  };
  const ask = (
    request:
      | { type: "generate"; job: CodeGeneration }
      | { type: "store"; rows: InvitationCodeRow[]; progress?: SendingProgressRow }
      | { type: "headcounts"; organisationId: string },
  ) => {
    worker ??= start();
    const requestId = nextId++;
    const target = worker;
    return new Promise<Extract<BulkReply, { type: "done" }>>((resolve, reject) => {
      pending.set(requestId, { resolve, reject });
      target.postMessage({ ...request, requestId });
    });
  };
  // A worker started again after a failure starts cold: warming it would hold up the job that
  // started it by longer than the warm-up saves that job.
  let warmAsked = warmUp;
  if (warmUp) worker = start(true);
  return {
    async generateCodes(job) {
      const { stored } = await ask({ type: "generate", job });
      if (!stored) throw new Error("The bulk worker answered a generation without its codes.");
      return stored;
    },
    async storeInvitationCodes(rows, progress) {
      if (rows.length > 0 || progress) await ask({ type: "store", rows, progress });
    },
    async buildHeadcountRelease(organisationId) {
      // After a build the audit is warm: no warm-up is asked any more.
      warmAsked = true;
      const { outcome } = await ask({ type: "headcounts", organisationId });
      if (!outcome)
        throw new Error("The bulk worker answered a headcount build without its outcome.");
      return outcome;
    },
    prepareHeadcountBuilds() {
      if (warmAsked) return;
      warmAsked = true;
      // No answer comes: the worker warms up unless it built headcounts already.
      if (worker) worker.postMessage({ type: "warm-up" });
      else worker = start(true);
    },
    async close() {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
