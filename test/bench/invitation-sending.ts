import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface InvitationFigures {
  invitations: number;
  sendMs: number;
  sent: number;
  failed: number;
  received: number;
  /** Peilpunt's own event-loop delay while sending: how long a request could wait behind it. */
  eventLoopDelay: { p99: number; max: number };
  /** The respondent form's latency at a steady 100 requests/s, without and during sending. */
  idle: { p50: number; p99: number; requests: number };
  sending: { p50: number; p99: number; requests: number };
}

const PROBE_INTERVAL_MS = 10;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * GETs the respondent form every 10 ms (as people opening their link would) until `stop`
 * resolves; each request's latency is measured from its scheduled start.
 */
async function probe(url: string, stop: Promise<unknown>) {
  const latencies: number[] = [];
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const inFlight: Promise<void>[] = [];
  while (!stopped) {
    const started = performance.now();
    inFlight.push(
      fetch(url).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`form answered ${response.status}`);
        latencies.push(performance.now() - started);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    p50: round(quantile(latencies, 0.5)),
    p99: round(quantile(latencies, 0.99)),
    requests: latencies.length,
  };
}

/** A child process speaking in lines on stdout, as the bench servers do. */
function startChild(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = lines.shift();
      if (line !== undefined) resolve(line);
      else waiters.push(resolve);
    });
  return { child, nextLine, send: (line: string) => child.stdin?.write(`${line}\n`) };
}

/** Sends `invitations` mails to a local SMTP server while measuring the respondent form's latency. */
export async function measureInvitationSending({
  invitations = 5_000,
  idleSeconds = 5,
} = {}): Promise<InvitationFigures> {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-bench-mail-"));
  const smtp = startChild(["test/bench/smtp-sink.ts"]);
  const server = startChild(["test/bench/invitation-bench-server.ts", join(dir, "bench.db")]);
  try {
    const smtpPort = /READY (\d+)/.exec(await smtp.nextLine())?.[1];
    const ready = /READY (\d+)/.exec(await server.nextLine());
    if (!ready || !smtpPort) throw new Error("bench servers did not start");
    const url = `http://127.0.0.1:${ready[1]}/api/campaigns/uitnodiging-bench/form`;
    // Warm-up, then the latency with nothing else going on.
    await probe(url, new Promise((resolve) => setTimeout(resolve, 1000)));
    const idle = await probe(
      url,
      new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)),
    );

    const done = server.nextLine();
    server.send(`SEND ${smtpPort} ${invitations}`);
    const sending = await probe(url, done);
    const [, ms, sent, failed, loopP99, loopMax] = (await done).split(" ");
    smtp.send("COUNT");
    const received = Number((await smtp.nextLine()).split(" ")[1]);
    return {
      invitations,
      sendMs: Number(ms),
      sent: Number(sent),
      failed: Number(failed),
      received,
      eventLoopDelay: { p99: Number(loopP99), max: Number(loopMax) },
      idle,
      sending,
    };
  } finally {
    server.child.kill("SIGTERM");
    smtp.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
