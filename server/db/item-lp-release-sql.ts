import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { releases } from "./schema";

/** Whether a stored release's JSON says it was built with the item audit's LP stage (1 if so). */
export const itemLpFlagOf = (release: SQLiteColumn | SQL) =>
  sql`json_extract(${release}, '$.audit.itemLp')`;

/** A stored release was built with the item audit's LP stage (`audit.itemLp`). */
export const builtWithItemLp = sql`${itemLpFlagOf(releases.release)} = 1`;
