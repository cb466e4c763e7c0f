import { type MessagePort, workerData } from "node:worker_threads";
import highsLoader from "highs";
import { auditQuestion } from "../../analysis/item-question-audits";
import {
  EXITED,
  type HelperReply,
  type HelperRequest,
  PROGRESS,
  REPLIES,
} from "./question-auditor";

// The helper thread of question-auditor.ts: runs the questions it is sent, one request at a
// time, with its own HiGHS instance, and signals each reply (and its own end) through the
// shared buffer, since the thread waiting for it is blocked and reads its port synchronously.
const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const flags = new Int32Array(signal);
const highs = highsLoader();

const wake = () => {
  Atomics.add(flags, REPLIES, 1);
  Atomics.notify(flags, REPLIES);
};
process.on("exit", () => {
  Atomics.store(flags, EXITED, 1);
  wake();
});

port.on("message", async ({ id, shared, tasks }: HelperRequest) => {
  let reply: HelperReply;
  try {
    const solver = shared.lp ? await highs : undefined;
    const results = tasks.map((task) => {
      const result = auditQuestion(solver, shared, task);
      Atomics.add(flags, PROGRESS, 1);
      return result;
    });
    reply = { id, results };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  wake();
});
