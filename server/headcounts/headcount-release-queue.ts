/** What building one organisation's release came to (see build-headcount-release.ts). */
export type HeadcountBuildOutcome = "current" | "stored" | "stale";

/** Builds for an import wait at most this many times for a calmer moment. */
const MAX_STALE_ATTEMPTS = 5;

export interface HeadcountReleaseQueue {
  /** Rebuilds the organisation's release soon; a rebuild already waiting covers this one. */
  rebuild(organisationId: string): void;
  /** Resolves when no rebuild is running or waiting. */
  idle(): Promise<void>;
}

/**
 * Keeps headcount releases current after imports and restarts: one build at a time, each on
 * `build` (the bulk worker on the server: the LP audit never holds the request thread), and an
 * import while an organisation's build runs queues one more build, so the last import always
 * gets its release. A build that finds the dates changed under it ("stale") runs again.
 */
export function headcountReleaseQueue({
  build,
  onError = (organisationId, error) =>
    console.error(`Headcount release of organisation ${organisationId} failed:`, error.message),
}: {
  build: (organisationId: string) => Promise<HeadcountBuildOutcome>;
  onError?: (organisationId: string, error: Error) => void;
}): HeadcountReleaseQueue {
  const waiting = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  return {
    rebuild(organisationId) {
      if (waiting.has(organisationId)) return;
      waiting.add(organisationId);
      chain = chain.then(async () => {
        waiting.delete(organisationId);
        try {
          for (let attempt = 1; attempt <= MAX_STALE_ATTEMPTS; attempt++) {
            if ((await build(organisationId)) !== "stale") return;
          }
        } catch (error) {
          onError(organisationId, error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    idle: () => chain,
  };
}
