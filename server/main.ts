import { readConfig } from "./config";
import { startServer } from "./start-server";

const { server, db, stopMaintenance } = startServer(readConfig());

function shutdown() {
  stopMaintenance();
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
