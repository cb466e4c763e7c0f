/** What building one organisation's release came to (see build-headcount-release.ts). */
export type HeadcountBuildOutcome = "current" | "stored" | "stale";

/** Builds for an import wait at most this many times for a calmer moment. */
const MAX_STALE_ATTEMPTS = 5;

/** The last build of an organisation's release failed; the next import or restart tries again. */
export interface HeadcountBuildFailure {
  /** When the build gave up (ISO 8601). */
  failedAt: string;
}

export interface HeadcountReleaseQueue {
  /**
   * Rebuilds the organisation's release soon; a rebuild already waiting covers this one. A
   * failure remembered for the organisation is forgotten: this is the retry.
   */
  rebuild(organisationId: string): void;
  /** Resolves when no rebuild is running or waiting. */
  idle(): Promise<void>;
  /** The failure of the organisation's last build, unless a build was asked for since. */
  failure(organisationId: string): HeadcountBuildFailure | undefined;
  /** Someone who can import opened an organisation's headcounts: builds may follow soon. */
  prepare(): void;
}

/**
 * Keeps headcount releases current after imports and restarts: one build at a time, each on
 * `build` (the bulk worker on the server: the LP audit never holds the request thread), and an
 * import while an organisation's build runs queues one more build, so the last import always
 * gets its release. A build that finds the dates changed under it ("stale") runs again. A build
 * that throws is logged and remembered per organisation, so readers are told it failed instead
 * of "being built" for ever.
 */
export function headcountReleaseQueue({
  build,
  prepare = () => {},
  now = () => new Date(),
  onError = (organisationId, error) =>
    console.error(`Headcount release of organisation ${organisationId} failed:`, error),
}: {
  build: (organisationId: string) => Promise<HeadcountBuildOutcome>;
  /** Readies `build` before one is asked (the bulk worker's warm-up); nothing by default. */
  prepare?: () => void;
  now?: () => Date;
  onError?: (organisationId: string, error: Error) => void;
}): HeadcountReleaseQueue {
  const waiting = new Set<string>();
  const failures = new Map<string, HeadcountBuildFailure>();
  let chain: Promise<void> = Promise.resolve();
  return {
    rebuild(organisationId) {
      failures.delete(organisationId);
      if (waiting.has(organisationId)) return;
      waiting.add(organisationId);
      chain = chain.then(async () => {
        waiting.delete(organisationId);
        try {
          for (let attempt = 1; attempt <= MAX_STALE_ATTEMPTS; attempt++) {
            if ((await build(organisationId)) !== "stale") return;
          }
        } catch (error) {
          // A rebuild asked for while this one ran retries: its failure is not yet known.
          if (!waiting.has(organisationId))
            failures.set(organisationId, { failedAt: now().toISOString() });
          onError(organisationId, error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    idle: () => chain,
    failure: (organisationId) => failures.get(organisationId),
    prepare,
  };
}
