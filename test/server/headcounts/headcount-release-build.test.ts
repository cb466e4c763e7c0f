import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { headcountReleaseSchema } from "../../../server/contract/headcount-schemas";
import { closeDatabase, type DbConnection, openDatabase } from "../../../server/db/open-database";
import { headcountReleases as releaseTable } from "../../../server/db/schema";
import { organisationsWithStaleHeadcounts } from "../../../server/headcounts/build-headcount-release";
import {
  type HeadcountBuildOutcome,
  headcountReleaseQueue,
} from "../../../server/headcounts/headcount-release-queue";
import { type BulkWriter, workerBulkWriter } from "../../../server/jobs/bulk-writer";
import { type Agent, insertUser, signIn } from "../admin-fixture";

// The import stores the counts and answers; the audited release is built afterwards in the bulk
// worker (its own thread and connection, on a database file as in production). Until it is
// stored, readers get the release before it, marked as building.
let dir: string;
let db: DbConnection;
let writer: BulkWriter;
let app: ReturnType<typeof createApp>;
let admin: Agent;
/** Builds wait for this gate, so a test can look at the tables while one is "running". */
let gate: Promise<void> = Promise.resolve();
let open: () => void = () => {};
const queue = headcountReleaseQueue({
  build: async (id): Promise<HeadcountBuildOutcome> => {
    await gate;
    return writer.buildHeadcountRelease(id);
  },
});

const SLUG = "agentschap-b";
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
const file = (hrSupport: number) =>
  [
    HEADER,
    "HR;top;6;2;4;0;6;0;0;6;0",
    `HR;support;${hrSupport};${hrSupport - 12};12;3;${hrSupport - 5};2;1;${hrSupport - 3};2`,
    "FIN;support;25;15;10;5;20;0;2;20;3",
  ].join("\r\n");

function hold() {
  gate = new Promise((resolve) => {
    open = resolve;
  });
}

async function tables() {
  const response = await admin.request("GET", `/api/admin/organisations/${SLUG}/headcounts`);
  expect(response.status).toBe(200);
  return headcountReleaseSchema.parse(await response.json());
}

const send = (date: string, body: string) =>
  admin.request("POST", `/api/admin/organisations/${SLUG}/headcounts/${date}`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: body,
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "peilpunt-headcounts-"));
  const path = join(dir, "headcounts.db");
  db = openDatabase(path);
  writer = workerBulkWriter(path, randomBytes(32));
  app = createApp({ db, config: { bulkWriter: writer, headcountReleases: queue } });
  admin = await signIn(app, insertUser(db, "admin"));
  await admin.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "B", fr: "B", en: "B" } },
  });
  const imported = await admin.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody:
      "code;parent_code;kind;name_nl;name_fr;name_en\nHR;;service;P;P;HR\nFIN;;service;F;F;F",
  });
  expect(imported.status).toBe(200);
});

afterAll(async () => {
  open();
  await queue.idle();
  await writer.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe("headcount release built off the request thread", () => {
  it("answers the import before the release exists, then serves it once the worker stored it", async () => {
    hold();
    expect((await send("2023-12-31", file(30))).status).toBe(201);
    const waiting = await tables();
    expect(waiting.building).toBe(true);
    expect(waiting.dates).toEqual([]);
    open();
    await queue.idle();
    const built = await tables();
    expect(built.building).toBe(false);
    expect(built.dates.map((date) => date.referenceDate)).toEqual(["2023-12-31"]);
  });

  it("keeps serving the previous release, marked building, and keeps its dates as shown", async () => {
    const before = await tables();
    hold();
    expect((await send("2024-12-31", file(40))).status).toBe(201);
    const waiting = await tables();
    expect(waiting.building).toBe(true);
    expect(waiting.builtAt).toBe(before.builtAt);
    expect(waiting.dates).toEqual(before.dates);
    open();
    await queue.idle();
    const after = await tables();
    expect(after.building).toBe(false);
    expect(after.dates.map((date) => date.referenceDate)).toEqual(["2023-12-31", "2024-12-31"]);
    // The earlier date is what readers saw before: an attacker holds it anyway.
    expect(after.dates[0]).toEqual(before.dates[0]);
  });

  it("rebuilds a release lost in a restart (stored counts, no stored release)", async () => {
    const before = await tables();
    db.delete(releaseTable).run();
    const stale = organisationsWithStaleHeadcounts(db);
    expect(stale).toHaveLength(1);
    for (const id of stale) queue.rebuild(id);
    await queue.idle();
    expect(organisationsWithStaleHeadcounts(db)).toEqual([]);
    const rebuilt = await tables();
    expect(rebuilt.building).toBe(false);
    expect(rebuilt.dates).toEqual(before.dates);
  });
});
