import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import highsLoader from "highs";
import { afterAll, describe, expect, it } from "vitest";
import { buildHeadcountRelease, type HeadcountRelease } from "../../../analysis/headcount-release";
import { createApp } from "../../../server/app";
import { closeDatabase, type DbConnection, openDatabase } from "../../../server/db/open-database";
import {
  anyHeadcountsStored,
  readStoredHeadcountRelease,
} from "../../../server/headcounts/build-headcount-release";
import { headcountReleaseQueue } from "../../../server/headcounts/headcount-release-queue";
import { importHeadcounts } from "../../../server/headcounts/import-headcounts";
import {
  asReleaseInput,
  syntheticOrganisation,
} from "../../../server/headcounts/synthetic-organisation";
import { warmHeadcountAudit } from "../../../server/headcounts/warm-headcount-audit";
import { type BulkWriter, workerBulkWriter } from "../../../server/jobs/bulk-writer";
import { createOrganisation } from "../../../server/organisations/create-organisation";
import { insertBenchUnits } from "../../bench/bench-units";
import { headcountFile } from "../../bench/headcount-data";
import { insertUser, signIn } from "../admin-fixture";
import { headcountAdmin } from "./three-unit-headcounts";

// The server's bulk worker audits synthetic headcounts once at start, so that the first real
// import builds as fast as later ones (README, "Headcount release — speed"). Nothing of that run
// may reach a real release: what is stored after it is what is stored without it.

const organisation = syntheticOrganisation(40, 2, 11);

function releaseOf(highs: Awaited<ReturnType<typeof highsLoader>>): HeadcountRelease {
  const input = asReleaseInput(organisation);
  let release: HeadcountRelease | undefined;
  for (const [index, date] of input.dates.entries()) {
    release = buildHeadcountRelease(
      highs,
      { ...input, dates: input.dates.slice(0, index + 1) },
      release && { release, from: date.referenceDate },
    );
  }
  return release as HeadcountRelease;
}

describe("the headcount audit's warm-up", () => {
  it("audits three dates of a synthetic organisation and leaves the next release as it was", async () => {
    const highs = await highsLoader();
    const before = releaseOf(highs);
    const warmed = warmHeadcountAudit(highs);
    expect(warmed.dates).toBe(3);
    expect(warmed.cells).toBeGreaterThan(before.audit.cells);
    expect(releaseOf(highs)).toEqual(before);
  });
});

const dirs: string[] = [];
const opened: { db: DbConnection; writer: BulkWriter }[] = [];

afterAll(async () => {
  for (const { db, writer } of opened) {
    await writer.close();
    closeDatabase(db);
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A database file with the synthetic organisation's two dates imported, and a bulk writer on it. */
async function importedOrganisation(warmUp: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "peilpunt-warm-"));
  dirs.push(dir);
  const path = join(dir, "warm.db");
  const db = openDatabase(path);
  const actor = headcountAdmin;
  const created = createOrganisation({
    db,
    actor,
    input: { slug: "warm", name: { nl: "W", fr: "W", en: "W" } },
    now: new Date(),
  });
  insertBenchUnits(db, created.id, organisation.units);
  // The server warms up only where headcounts are kept (start-server.ts).
  expect(anyHeadcountsStored(db)).toBe(false);
  for (const date of organisation.dates) {
    const answer = await importHeadcounts({
      db,
      actor,
      organisationSlug: "warm",
      referenceDate: date.referenceDate,
      file: headcountFile(date.rows),
      now: new Date(),
      afterImport: () => {},
    });
    expect(answer).toMatchObject({ referenceDate: date.referenceDate });
  }
  expect(anyHeadcountsStored(db)).toBe(true);
  const writer = workerBulkWriter(path, randomBytes(32), { warmUp });
  opened.push({ db, writer });
  return { db, writer, organisationId: created.id };
}

describe("a bulk worker warmed at start", () => {
  it("answers a build asked during its warm-up with the release a cold worker stores", async () => {
    const warm = await importedOrganisation(true);
    const cold = await importedOrganisation(false);
    // Warmed when someone opened the headcounts (prepareHeadcountBuilds), not at start.
    const prepared = await importedOrganisation(false);
    prepared.writer.prepareHeadcountBuilds();
    // Asked at once: the warm workers are still loading HiGHS and warming up.
    const outcomes = await Promise.all(
      [warm, cold, prepared].map(({ writer, organisationId }) =>
        writer.buildHeadcountRelease(organisationId),
      ),
    );
    expect(outcomes).toEqual(["stored", "stored", "stored"]);
    const stored = [warm, cold, prepared].map(({ db, organisationId }) => {
      const release = readStoredHeadcountRelease(db, organisationId)?.release;
      expect(release?.dates).toHaveLength(2);
      // What readers get. Left out: the ids of the stored imports (random per database), and the
      // count of LPs, which depends on which thread ran them (the cold worker's second thread is
      // not ready for the first date's).
      const { basis: _basis, audit, ...tables } = release as NonNullable<typeof release>;
      const { lpSolves: _lpSolves, ...hidden } = audit;
      // The organisation's own id is random per database.
      return JSON.parse(
        JSON.stringify({ ...tables, hidden }).replaceAll(organisationId, "ORGANISATION"),
      );
    });
    expect(stored[0]).toEqual(stored[1]);
    expect(stored[2]).toEqual(stored[1]);
  }, 60_000);
});

describe("opening an organisation's headcounts", () => {
  it("readies the builds for those who can import, not for readers", async () => {
    const db = openDatabase(":memory:");
    let prepared = 0;
    const queue = headcountReleaseQueue({
      build: async () => "stored",
      prepare: () => {
        prepared++;
      },
    });
    const app = createApp({ db, config: { headcountReleases: queue } });
    const admin = await signIn(app, insertUser(db, "admin"));
    const created = await admin.request("POST", "/api/admin/organisations", {
      body: { slug: "opened", name: { nl: "O", fr: "O", en: "O" } },
    });
    expect(created.status).toBe(201);
    const { organisation } = (await created.json()) as { organisation: { id: string } };
    const organisationId = organisation.id;

    const coordinator = await signIn(app, insertUser(db, "coordinator", { organisationId }));
    const evaluator = await signIn(app, insertUser(db, "evaluator", { organisationId }));
    const open = async (agent: typeof admin, path = "") =>
      (await agent.request("GET", `/api/admin/organisations/opened/headcounts${path}`)).status;

    // Nothing imported yet ("No headcounts yet"): the page a first import starts from.
    expect(await open(evaluator)).toBe(404);
    expect(prepared).toBe(0);
    expect(await open(coordinator)).toBe(404);
    expect(prepared).toBe(1);
    expect(await open(admin, "/template.csv?lang=nl")).toBe(200);
    expect(prepared).toBe(2);
    closeDatabase(db);
  });
});
