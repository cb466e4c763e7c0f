import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RealServer {
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
}

/**
 * Starts the real server (`server/main.ts`, as `npm start` does after building) as a child
 * process with the given environment and waits until it listens. Its output is a pipe, not a
 * terminal, as under a service manager.
 */
export async function startRealServer(env: Record<string, string>): Promise<RealServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Peilpunt is running at")) resolve();
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
  });
  return { child, output: () => output };
}
