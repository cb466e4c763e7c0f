import { readConfig } from "./config";
import { closeDatabase } from "./db/open-database";
import { createFilesOwnerOnly } from "./owner-only-files";
import { startServer } from "./start-server";

createFilesOwnerOnly();
const { server, db, stopMaintenance } = startServer(readConfig());

function shutdown() {
  stopMaintenance();
  server.close(() => {
    closeDatabase(db);
    process.exit(0);
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
