import { readConfig } from "./config";
import { closeDatabase } from "./db/open-database";
import { startServer } from "./start-server";

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
