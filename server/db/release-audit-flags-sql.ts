import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { releases } from "./schema";

/** A flag of a stored release's audit summary, read from its JSON (1 if set). */
const auditFlagOf = (release: SQLiteColumn | SQL, flag: "itemLp" | "whileOpen") =>
  sql`json_extract(${release}, ${`$.audit.${flag}`})`;

/** Whether a stored release's JSON says it was built with the item audit's LP stage (1 if so). */
export const itemLpFlagOf = (release: SQLiteColumn | SQL) => auditFlagOf(release, "itemLp");

/** Whether a stored release was built while its campaign was open (organisation only; 1 if so). */
export const whileOpenFlagOf = (release: SQLiteColumn | SQL) => auditFlagOf(release, "whileOpen");

/** A stored release was built with the item audit's LP stage (`audit.itemLp`). */
export const builtWithItemLp = sql`${itemLpFlagOf(releases.release)} = 1`;
