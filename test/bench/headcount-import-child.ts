// One headcount import run in a process of its own, so that each scenario starts as cold as a
// server process does (run.ts starts it): `<units> started|cold`, one JSON line out.
import { measureHeadcountImport } from "./headcount-import";

const [units, scenario] = process.argv.slice(2);
const run = await measureHeadcountImport(Number(units), 5, () => {}, {
  startedServer: scenario === "started",
});
process.stdout.write(`${JSON.stringify(run)}\n`);
process.exit(0);
