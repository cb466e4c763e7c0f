// `npm run backup [-- <target file>]`: a consistent copy of the live database, safe to run
// while the server is serving. The file name carries the time of the backup, never anything
// about respondents.
import { join } from "node:path";
import { readConfig } from "./config";
import { backupDatabase } from "./db/backup-database";
import { createFilesOwnerOnly } from "./owner-only-files";

createFilesOwnerOnly();
const { databasePath } = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = process.argv[2] ?? join("backups", `peilpunt-${stamp}.db`);
const { pages } = await backupDatabase(databasePath, target);
console.log(`Backed up ${databasePath} to ${target} (${pages} pages).`);
