import { sql } from "drizzle-orm";
import { releases } from "./schema";

/** A stored release was built as a final one, with the item audit's LP stage (`audit.itemLp`). */
export const builtAsFinal = sql`json_extract(${releases.release}, '$.audit.itemLp') = 1`;
