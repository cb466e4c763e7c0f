import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordAudit } from "../../server/auth/audit";
import { openDatabase } from "../../server/db/open-database";
import { auditLog } from "../../server/db/schema";
import { withTransaction } from "../../server/db/with-transaction";

const entries = (db: ReturnType<typeof openDatabase>) =>
  db.select({ n: count() }).from(auditLog).get()?.n;

describe("withTransaction", () => {
  it("commits every write of the work together", () => {
    const db = openDatabase(":memory:");
    withTransaction(db, (tx) => {
      recordAudit(tx, { actor: null, action: "test.one" });
      recordAudit(tx, { actor: null, action: "test.two" });
    });
    expect(entries(db)).toBe(2);
  });

  it("a service called with a transaction rolls back with its caller's failure", () => {
    const db = openDatabase(":memory:");
    expect(() =>
      withTransaction(db, (tx) => {
        // recordAudit takes a Db: the transaction stands for one, no cast needed.
        recordAudit(tx, { actor: null, action: "test.inner" });
        withTransaction(tx, (nested) =>
          recordAudit(nested, { actor: null, action: "test.nested" }),
        );
        throw new Error("the caller fails after its services wrote");
      }),
    ).toThrow("the caller fails");
    expect(entries(db)).toBe(0);
  });

  it("refuses asynchronous work and keeps none of its writes", () => {
    const db = openDatabase(":memory:");
    expect(() =>
      withTransaction(db, async (tx) => {
        recordAudit(tx, { actor: null, action: "test.async" });
      }),
    ).toThrow("must be synchronous");
    expect(entries(db)).toBe(0);
  });
});
