import { type MessagePort, workerData } from "node:worker_threads";
import highsLoader from "highs";
import { runSmallGroupJob, type SmallGroupJob } from "../../analysis/audit-small-groups";
import type { SmallGroupReply } from "./small-group-thread";

// The second solver of the headcount audit (small-group-thread.ts): its own HiGHS, one job at a
// time. Each answer is posted, then slot 0 of `done` is raised and the waiting thread woken;
// slot 2 says it is ready.
const { port, done } = workerData as { port: MessagePort; done: SharedArrayBuffer };
const flag = new Int32Array(done);
const highs = await highsLoader();

port.on("message", ({ id, job }: { id: number; job: SmallGroupJob }) => {
  let reply: SmallGroupReply;
  try {
    reply = { id, findings: runSmallGroupJob(highs, job) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
Atomics.store(flag, 2, 1);
