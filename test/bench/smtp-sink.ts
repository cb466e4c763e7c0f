// The invitation benchmark's mail server, in its own process so that receiving mail does not
// slow down the process that measures latency. Prints "READY <port>"; answers "COUNT" on stdin
// with "COUNT <messages received>".
import { createInterface } from "node:readline";
import { startTestSmtpServer } from "../server/test-smtp-server";

const smtp = await startTestSmtpServer();
process.stdout.write(`READY ${smtp.port}\n`);
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "COUNT") process.stdout.write(`COUNT ${smtp.received.length}\n`);
});
process.on("SIGTERM", () => void smtp.close().then(() => process.exit(0)));
