import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import type { Highs } from "highs";
import {
  auditQuestion,
  expectedAuditCost,
  type QuestionAuditor,
  type QuestionAuditResult,
  type QuestionAuditShared,
  type QuestionAuditTask,
  splitByCost,
} from "../../analysis/item-question-audits";

/** Int32 slots of the signal buffer the helper thread writes and the waiting thread reads. */
export const REPLIES = 0; // bumped after every reply the helper posts (and when it exits)
export const EXITED = 1; // 1 once the helper thread is ending, for whatever reason
export const PROGRESS = 2; // bumped after every question the helper finishes

export type HelperRequest = { id: number; shared: QuestionAuditShared; tasks: QuestionAuditTask[] };
export type HelperReply =
  | { id: number; results: QuestionAuditResult[] }
  | { id: number; error: string };

/**
 * How long a build waits for the helper's next question at most: past it the build fails. A
 * question's audit is bounded by its LP budget (seconds of CPU), so only a hung helper takes
 * this long; a helper that is slow under load but finishing questions is waited for.
 */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

interface Helper {
  worker: Worker;
  port: MessagePort;
  flags: Int32Array;
}

export interface ThreadedQuestionAuditor extends QuestionAuditor {
  close(): Promise<void>;
}

/**
 * Runs a release's per-question item audits on two threads: the calling one and one
 * long-lived helper thread with its own HiGHS instance (question-auditor-worker.ts). The
 * questions are split by expected cost (the largest alone on this thread when it is half the
 * work), the helper's share is sent as plain data, this thread runs its own share, then waits
 * synchronously for the helper's answers (buildRelease stays synchronous). Each question's
 * audit is deterministic and independent of the others, so the release is the one the
 * sequential auditor gives. The helper's share runs only with the LP stage on: without it the
 * whole item audit takes a fraction of a second. A helper that throws, exits or finishes no question
 * within `timeoutMs` fails the build with an error (never a hang); the next build starts a new
 * helper.
 */
export function threadedQuestionAuditor(
  highs: Highs,
  {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    helperUrl = new URL("./question-auditor-worker-entry.mjs", import.meta.url),
  }: {
    timeoutMs?: number;
    /** Tests only: another helper script (one that crashes). */
    helperUrl?: URL;
  } = {},
): ThreadedQuestionAuditor {
  let helper: Helper | undefined;
  let nextId = 1;
  const drop = () => {
    if (!helper) return;
    void helper.worker.terminate();
    helper.port.close();
    helper = undefined;
  };
  return {
    audit(shared, tasks) {
      const [own, theirs] = shared.lp
        ? splitByCost(tasks.map((task) => expectedAuditCost(shared, task)))
        : [tasks.map((_, index) => index), []];
      const results: QuestionAuditResult[] = new Array(tasks.length);
      if (theirs.length === 0) {
        for (const index of own)
          results[index] = auditQuestion(highs, shared, tasks[index] as QuestionAuditTask);
        return results;
      }
      helper ??= startHelper(helperUrl);
      const id = nextId++;
      const request: HelperRequest = {
        id,
        shared,
        tasks: theirs.map((index) => tasks[index] as QuestionAuditTask),
      };
      helper.port.postMessage(request);
      try {
        for (const index of own)
          results[index] = auditQuestion(highs, shared, tasks[index] as QuestionAuditTask);
        const reply = waitForReply(helper, id, timeoutMs);
        if ("error" in reply)
          throw new Error(`The item audit's helper thread failed: ${reply.error}`);
        if (reply.results.length !== theirs.length)
          throw new Error("The item audit's helper thread answered for other questions.");
        theirs.forEach((index, at) => {
          results[index] = reply.results[at] as QuestionAuditResult;
        });
        return results;
      } catch (error) {
        // Whatever the helper still holds of this build is dropped with it.
        drop();
        throw error;
      }
    },
    async close() {
      const ending = helper?.worker.terminate();
      helper?.port.close();
      helper = undefined;
      await ending;
    },
  };
}

function startHelper(url: URL): Helper {
  const { port1, port2 } = new MessageChannel();
  const flags = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(url, {
    workerData: { port: port2, signal: flags.buffer },
    transferList: [port2],
  });
  worker.unref();
  // Its failures reach the waiting thread through the signal buffer (EXITED); an unhandled
  // 'error' event would end this thread instead.
  worker.on("error", () => {});
  return { worker, port: port1, flags };
}

/** Blocks until the helper answers request `id`, exits, or finishes no question in time. */
function waitForReply(helper: Helper, id: number, timeoutMs: number): HelperReply {
  let deadline = Date.now() + timeoutMs;
  let progress = Atomics.load(helper.flags, PROGRESS);
  for (;;) {
    const seen = Atomics.load(helper.flags, REPLIES);
    for (let received = receiveMessageOnPort(helper.port); received; ) {
      const reply = received.message as HelperReply;
      if (reply.id === id) return reply;
      received = receiveMessageOnPort(helper.port);
    }
    if (Atomics.load(helper.flags, EXITED) !== 0)
      throw new Error("The item audit's helper thread stopped before it answered.");
    if (Atomics.load(helper.flags, PROGRESS) !== progress) {
      progress = Atomics.load(helper.flags, PROGRESS);
      deadline = Date.now() + timeoutMs;
    }
    const left = deadline - Date.now();
    if (left <= 0)
      throw new Error(`The item audit's helper thread finished no question in ${timeoutMs} ms.`);
    Atomics.wait(helper.flags, REPLIES, seen, Math.min(left, 1000));
  }
}
