// Worker threads do not inherit tsx's loader: register it, then load the TypeScript worker.
// A worker that cannot start says so in slot 1 of `done`, so a thread waiting for it stops.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

try {
  register();
  await import("./small-group-worker.ts");
} catch (error) {
  const flag = new Int32Array(workerData.done);
  Atomics.store(flag, 1, 1);
  Atomics.notify(flag, 0);
  throw error;
}
