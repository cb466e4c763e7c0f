import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import type {
  SmallGroupFindings,
  SmallGroupJob,
  SmallGroupSolver,
} from "../../analysis/audit-small-groups";

/** A worker's answer to one job. */
export type SmallGroupReply =
  | { id: number; findings: SmallGroupFindings }
  | { id: number; error: string };

/**
 * Hidden components at least this large send their model-A audit to the second thread: the
 * giant component of a later date (11,000–12,600 cells at 1,000 units) takes hundreds of ms per
 * model, and the hundred or so small ones of a first date add up to a third of its time on the
 * build thread. Every job is sent before model B starts here (`auditRanges`), so the hand-off
 * is not waited for component by component; the tiniest still cost more to copy than to run.
 */
export const SMALL_GROUPS_FROM_CELLS = 30;

/**
 * How long a job may take before the waiting thread gives up on the worker and runs it itself
 * (a stuck worker; a job of the giant component takes about a second).
 */
const JOB_TIMEOUT_MS = 120_000;

/**
 * The model-A audit of large components on a second HiGHS in a worker thread, while the calling
 * thread audits model B: the audit stays synchronous (the caller blocks on `Atomics.wait` only for
 * what is left of the other half). Started on first use, never keeps the process alive. Until it
 * is ready, or when it fails, its jobs answer undefined and the caller runs them itself: the same
 * findings.
 */
export function threadSmallGroupSolver({
  fromCells = SMALL_GROUPS_FROM_CELLS,
}: {
  fromCells?: number;
} = {}): SmallGroupSolver & { ready(): Promise<boolean>; close(): Promise<void> } {
  let worker: { thread: Worker; port: MessagePort; flag: Int32Array } | undefined;
  let broken = false;
  let nextId = 1;
  const start = () => {
    const { port1, port2 } = new MessageChannel();
    // Slot 0: an answer was posted; slot 1: the worker could not start; slot 2: it is ready.
    const done = new SharedArrayBuffer(12);
    const thread = new Worker(new URL("./small-group-worker-entry.mjs", import.meta.url), {
      workerData: { port: port2, done },
      transferList: [port2],
    });
    thread.unref();
    port1.unref();
    thread.on("error", () => {
      broken = true;
    });
    return { thread, port: port1, flag: new Int32Array(done) };
  };
  return {
    fromCells,
    start(job: SmallGroupJob) {
      if (broken) return () => undefined;
      worker ??= start();
      const { port, flag } = worker;
      // Until the worker has loaded HiGHS (a few hundred ms), the caller runs the job itself
      // rather than wait.
      if (Atomics.load(flag, 2) !== 1) return () => undefined;
      const id = nextId++;
      Atomics.store(flag, 0, 0);
      port.postMessage({ id, job });
      return () => {
        const deadline = Date.now() + JOB_TIMEOUT_MS;
        for (;;) {
          const received = receiveMessageOnPort(port) as { message: SmallGroupReply } | undefined;
          if (received) {
            // An answer to a job given up on earlier is dropped.
            if (received.message.id !== id) continue;
            return "findings" in received.message ? received.message.findings : undefined;
          }
          if (broken || Atomics.load(flag, 1) === 1 || Date.now() > deadline) {
            broken = true;
            return undefined;
          }
          Atomics.wait(flag, 0, 0, 1000);
          Atomics.store(flag, 0, 0);
        }
      };
    },
    /** Starts the worker if need be; true once it takes jobs, false when it cannot start. */
    async ready() {
      worker ??= start();
      const { flag } = worker;
      while (Atomics.load(flag, 2) !== 1) {
        if (broken || Atomics.load(flag, 1) === 1) return false;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return true;
    },
    async close() {
      const current = worker;
      worker = undefined;
      if (current) await current.thread.terminate();
    },
  };
}
