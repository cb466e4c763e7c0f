import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Role } from "../db/schema";

interface DemoAccount {
  email: string;
  role: Role;
  password: string;
}

/**
 * Hands the demo's generated staff passwords to the person who started Peilpunt, once: always
 * in an owner-only file beside the database, and on the terminal only when it is one. A log
 * file (`npm start > start.log`) or a service manager's journal never holds them.
 */
export function announceDemoAccounts(
  accounts: readonly DemoAccount[],
  databasePath: string,
  stdoutIsTerminal = Boolean(process.stdout.isTTY),
): string[] {
  const file = join(dirname(databasePath), "demo-accounts.txt");
  const lines = accounts.map(
    (account) => `${account.role}: ${account.email} / ${account.password}`,
  );
  writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  return [
    `Demo staff accounts (passwords stored only as hashes; also in ${file}, readable by you only):`,
    ...(stdoutIsTerminal
      ? lines.map((line) => `  ${line}`)
      : [
          `  ${accounts.length} accounts; this output is not a terminal, so read their passwords in the file.`,
        ]),
  ];
}
