import { and, asc, eq, isNotNull, isNull, lt } from "drizzle-orm";
import type { Release } from "../../analysis/release-types";
import type { Db } from "../db/open-database";
import { releases } from "../db/schema";
import { campaignIdsWithStaleRelease } from "../db/stale-releases";
import { withTransaction } from "../db/with-transaction";
import type { StoredResponse } from "./campaign-matrices";
import { loadReleaseInput } from "./load-release-input";
import type { ReleaseBuilder } from "./release-builders";

/** Wait after the last submission before rebuilding, so a burst costs one audit, not hundreds. */
export const DEFAULT_RELEASE_DEBOUNCE_MS = 30_000;

export interface ReleaseScheduler {
  /** A response was stored (after its transaction committed). */
  responseStored(campaignId: string, response: StoredResponse): void;
  /** Rebuild now (a campaign closed: its final release, or a release is missing). */
  rebuild(campaignId: string): Promise<void>;
  /** The raw responses were deleted: drop the matrix, keep the stored release. */
  responsesDeleted(campaignId: string): void;
  /**
   * Builds every campaign whose stored release is missing, behind its responses, or servable
   * but built without the item audit's LP stage (server/db/stale-releases.ts).
   */
  catchUp(): Promise<void>;
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps each campaign's audited release current: rebuilt (debounced) after responses change
 * and at once on request, one build at a time, the result stored in `releases`. The API only
 * ever serves the stored release, so a reader never waits for an audit.
 */
export function createReleaseScheduler({
  db,
  builder,
  debounceMs = DEFAULT_RELEASE_DEBOUNCE_MS,
  now = () => new Date(),
  onError = (campaignId, error) =>
    console.error(`Release of campaign ${campaignId} failed:`, error.message),
}: {
  db: Db;
  builder: ReleaseBuilder;
  debounceMs?: number;
  now?: () => Date;
  onError?: (campaignId: string, error: Error) => void;
}): ReleaseScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  let chain: Promise<void> = Promise.resolve();
  /** Builds queued behind the running one, by campaign (not started yet). */
  const waiting = new Map<string, Promise<void>>();

  const buildNow = (campaignId: string): Promise<void> => {
    // A build that has not started yet reads every response and the campaign's state when it
    // starts: a second one queued behind it would only repeat it. A sequence audit can take
    // minutes, and each debounce ending meanwhile would otherwise queue one more build.
    const queued = waiting.get(campaignId);
    if (queued) return queued;
    const run = chain.then(async () => {
      waiting.delete(campaignId);
      try {
        const { input } = loadReleaseInput(db, campaignId, now());
        const shown = shownReleases(db, campaignId);
        const { release, respondents, servable } = await builder.build(campaignId, input, shown);
        const stored = withTransaction(db, (tx) => {
          const { id } = tx
            .insert(releases)
            .values({
              campaignId,
              builtAt: now().toISOString(),
              respondents,
              release: JSON.stringify(release),
              servable,
              auditedAfter: shown.at(-1)?.id ?? 0,
            })
            .returning({ id: releases.id })
            .get();
          // Releases nobody was shown and a newer build replaces are dropped; shown ones stay.
          tx.delete(releases)
            .where(
              and(
                eq(releases.campaignId, campaignId),
                isNull(releases.firstServedAt),
                lt(releases.id, id),
              ),
            )
            .run();
          return id;
        });
        builder.stored(campaignId, stored);
      } catch (error) {
        onError(campaignId, error instanceof Error ? error : new Error(String(error)));
      }
    });
    waiting.set(campaignId, run);
    chain = run;
    return run;
  };

  return {
    responseStored(campaignId, response) {
      builder.append(campaignId, response);
      clearTimeout(timers.get(campaignId));
      const timer = setTimeout(() => {
        timers.delete(campaignId);
        void buildNow(campaignId);
      }, debounceMs);
      timer.unref();
      timers.set(campaignId, timer);
    },
    rebuild(campaignId) {
      clearTimeout(timers.get(campaignId));
      timers.delete(campaignId);
      return buildNow(campaignId);
    },
    responsesDeleted(campaignId) {
      builder.forget(campaignId);
    },
    async catchUp() {
      for (const id of campaignIdsWithStaleRelease(db)) void buildNow(id);
      await chain;
    },
    idle: () => chain,
    async close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await chain;
      await builder.close();
    },
  };
}

/** The releases of a campaign that readers were shown, oldest first. */
export function shownReleases(db: Db, campaignId: string): { id: number; release: Release }[] {
  return db
    .select({ id: releases.id, release: releases.release })
    .from(releases)
    .where(and(eq(releases.campaignId, campaignId), isNotNull(releases.firstServedAt)))
    .orderBy(asc(releases.id))
    .all()
    .map((row) => ({ id: row.id, release: JSON.parse(row.release) as Release }));
}
