import { ProblemError } from "../errors";

/** Heavy admin jobs (code generation) running at once: the other core stays for respondents. */
export const DEFAULT_HEAVY_JOB_CONCURRENCY = 1;
/** Jobs waiting their turn; past this, a new one is refused rather than queued without bound. */
export const DEFAULT_HEAVY_JOBS_WAITING = 16;

export class HeavyJobsBusyError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super(503, "busy", "Busy", "The server is busy with other large jobs. Try again in a moment.", {
      retryAfter: retryAfterSeconds,
    });
  }
}

export interface HeavyJobs {
  /** Runs `job` when a slot is free; throws HeavyJobsBusyError when too many are waiting. */
  run<T>(job: () => Promise<T>): Promise<T>;
}

/**
 * A queue for heavy admin work, one per app: at most `concurrency` jobs run at once and at most
 * `maxWaiting` wait. A job is expected to yield the event loop between chunks of its work
 * (yieldToEventLoop), so respondents' requests are answered in between. Jobs also run one
 * after another, so a check they make before writing (a campaign's code ceiling) holds until
 * they finish.
 */
export function heavyJobQueue({
  concurrency = DEFAULT_HEAVY_JOB_CONCURRENCY,
  maxWaiting = DEFAULT_HEAVY_JOBS_WAITING,
}: {
  concurrency?: number;
  maxWaiting?: number;
} = {}): HeavyJobs {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    async run(job) {
      if (running >= concurrency) {
        if (waiting.length >= maxWaiting) throw new HeavyJobsBusyError(5);
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running++;
      }
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}

/** Lets pending I/O (respondents' requests) run before the next chunk of heavy work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
