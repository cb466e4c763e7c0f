import { sql } from "drizzle-orm";
import { releases } from "./schema";

/** A stored release was built with the item audit's LP stage (`audit.itemLp`). */
export const builtWithItemLp = sql`json_extract(${releases.release}, '$.audit.itemLp') = 1`;
