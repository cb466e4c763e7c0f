import type { Db } from "../db/open-database";
import { withTransaction } from "../db/with-transaction";
import { recordAudit } from "./audit";
import { deleteSession, type SessionUser } from "./sessions";

/** Ends a session and records the sign-out, in one transaction. */
export function signOut({
  db,
  user,
  tokenHash,
  now,
}: {
  db: Db;
  user: SessionUser;
  tokenHash: string;
  now: Date;
}): void {
  withTransaction(db, (tx) => {
    deleteSession(tx, tokenHash);
    recordAudit(tx, { actor: user, action: "logout", at: now });
  });
}
