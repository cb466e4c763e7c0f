import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { headcountReleaseSchema } from "../../../server/contract/headcount-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { headcountReleaseQueue } from "../../../server/headcounts/headcount-release-queue";
import { inProcessBulkWriter } from "../../../server/jobs/bulk-writer";
import { type Agent, insertUser, signIn } from "../admin-fixture";

// A release build that fails must not leave readers told "being built" for ever: the queue
// remembers the failure, GET …/headcounts says so, and the next import tries again.
let db: DbConnection;
let admin: Agent;
let failing = false;
const errors: string[] = [];
let queue: ReturnType<typeof headcountReleaseQueue>;

const SLUG = "agentschap-f";
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
const file = (support: number) =>
  [HEADER, `HR;support;${support};${support - 12};12;3;${support - 5};2;1;${support - 3};2`].join(
    "\r\n",
  );

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
  db = openDatabase(":memory:");
  const writer = inProcessBulkWriter(db, new Uint8Array(32));
  queue = headcountReleaseQueue({
    build: async (id) => {
      if (failing) throw new Error("the worker died");
      return writer.buildHeadcountRelease(id);
    },
    now: () => new Date("2026-11-30T10:00:00Z"),
    onError: (_, error) => errors.push(error.message),
  });
  const app = createApp({ db, config: { headcountReleases: queue } });
  admin = await signIn(app, insertUser(db, "admin"));
  await admin.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "F", fr: "F", en: "F" } },
  });
  const imported = await admin.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: "code;parent_code;kind;name_nl;name_fr;name_en\nHR;;service;P;P;HR",
  });
  expect(imported.status).toBe(200);
});

describe("a headcount release build that fails", () => {
  it("is reported as failed, not as being built, and the previous tables stay", async () => {
    expect((await send("2023-12-31", file(30))).status).toBe(201);
    await queue.idle();
    const before = await tables();
    expect(before.building).toBe(false);
    expect(before.buildFailed).toBeUndefined();

    failing = true;
    expect((await send("2024-12-31", file(40))).status).toBe(201);
    await queue.idle();
    const failed = await tables();
    expect(failed.building).toBe(false);
    expect(failed.buildFailed).toEqual({ failedAt: "2026-11-30T10:00:00.000Z" });
    expect(failed.dates).toEqual(before.dates);
    expect(errors).toEqual(["the worker died"]);
  });

  it("is tried again by the next import, which then releases the tables", async () => {
    failing = false;
    expect((await send("2024-12-31", file(41))).status).toBe(201);
    const retrying = await tables();
    expect(retrying.buildFailed).toBeUndefined();
    await queue.idle();
    const built = await tables();
    expect(built.building).toBe(false);
    expect(built.buildFailed).toBeUndefined();
    expect(built.dates.map((date) => date.referenceDate)).toEqual(["2023-12-31", "2024-12-31"]);
  });
});
