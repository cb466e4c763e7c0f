import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../../server/app";
import {
  headcountIndicatorsAnswerSchema,
  headcountTargetsAnswerSchema,
} from "../../../server/contract/headcount-view-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { auditLog } from "../../../server/db/schema";
import { type Agent, expectProblem, insertUser, signIn } from "../admin-fixture";
import { headcountTestApp } from "./headcount-app";

const SLUG = "agentschap-t";
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;
let coordinator: Agent;
let organisationId: string;

const targetsPath = `/api/admin/organisations/${SLUG}/headcounts/targets`;

async function indicators(query = "") {
  const response = await admin.request(
    "GET",
    `/api/admin/organisations/${SLUG}/headcounts/indicators${query}`,
  );
  expect(response.status).toBe(200);
  return headcountIndicatorsAnswerSchema.parse(await response.json());
}

beforeAll(async () => {
  db = openDatabase(":memory:");
  const built = headcountTestApp(db);
  app = built.app;
  admin = await signIn(app, insertUser(db, "admin"));
  const created = await admin.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "Agentschap", fr: "Agence", en: "Agency" } },
  });
  organisationId = ((await created.json()) as { organisation: { id: string } }).organisation.id;
  coordinator = await signIn(app, insertUser(db, "coordinator", { organisationId }));
  await admin.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: "code;parent_code;kind;name_nl;name_fr;name_en\nHR;;service;Personeel;Personnel;HR",
  });
  const imported = await admin.request(
    "POST",
    `/api/admin/organisations/${SLUG}/headcounts/2024-12-31`,
    {
      headers: { "Content-Type": "text/csv" },
      rawBody: [
        HEADER,
        "HR;top;10;5;5;0;10;0;0;10;0",
        "HR;middle;20;5;15;5;15;0;0;20;0",
        "HR;support;70;40;30;5;65;0;10;60;0",
      ].join("\n"),
    },
  );
  expect(imported.status).toBe(201);
  await built.releasesBuilt();
});

describe("headcount targets of an organisation", () => {
  it("starts from the Flemish 2020 targets until the organisation chooses", async () => {
    const response = await coordinator.request("GET", targetsPath);
    expect(response.status).toBe(200);
    const body = headcountTargetsAnswerSchema.parse(await response.json());
    expect(body.stored).toBe(false);
    expect(body.indicators.map((spec) => [spec.key, spec.target])).toEqual([
      ["foreign-origin", 0.1],
      ["disability", 0.03],
      ["women-middle", 0.4],
      ["women-top", 0.4],
    ]);
    expect((await indicators()).targets).toBe("organisation");
  });

  it("a coordinator chooses the Brussels set, then edits per indicator; the indicators use it, audit-logged", async () => {
    const preset = await coordinator.request("PUT", targetsPath, { body: { preset: "brussels" } });
    expect(preset.status).toBe(200);
    expect(headcountTargetsAnswerSchema.parse(await preset.json()).stored).toBe(true);
    expect((await indicators()).indicators.map((i) => [i.spec.key, i.spec.target])).toEqual([
      ["disability", 0.02],
    ]);

    const edited = await coordinator.request("PUT", targetsPath, {
      body: {
        indicators: [
          {
            key: "women-middle",
            dimension: "gender",
            value: "woman",
            level: "middle",
            target: 0.5,
          },
          { key: "disability", dimension: "disability", value: "yes", level: null, target: null },
        ],
      },
    });
    expect(edited.status).toBe(200);
    const answer = await indicators();
    expect(answer.indicators.map((i) => i.spec)).toEqual([
      { key: "women-middle", dimension: "gender", value: "woman", level: "middle", target: 0.5 },
      { key: "disability", dimension: "disability", value: "yes", level: null },
    ]);
    // 5 of 20 women in middle management against 50%: 5 more people.
    expect(answer.indicators[0]?.points[0]).toMatchObject({
      share: 0.25,
      distance: 0.25,
      peopleToTarget: 5,
    });
    expect(answer.indicators[1]?.points[0]).toMatchObject({ distance: null, peopleToTarget: null });
    // A default set asked for by name still answers as before.
    expect((await indicators("?targets=flanders-2020")).indicators).toHaveLength(4);

    const entries = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "headcounts.targets"))
      .all()
      .map((entry) => JSON.parse(entry.detail));
    expect(entries).toEqual([
      { preset: "brussels", targets: { disability: 0.02 } },
      { targets: { "women-middle": 0.5, disability: null } },
    ]);
  });

  it("refuses evaluators, another organisation's coordinator and targets outside 0..1", async () => {
    const evaluator = await signIn(app, insertUser(db, "evaluator", { organisationId }));
    expect((await evaluator.request("GET", targetsPath)).status).toBe(200);
    await expectProblem(
      await evaluator.request("PUT", targetsPath, { body: { preset: "brussels" } }),
      403,
    );
    const other = await admin.request("POST", "/api/admin/organisations", {
      body: { slug: "ander", name: { nl: "Ander", fr: "Autre", en: "Other" } },
    });
    const otherId = ((await other.json()) as { organisation: { id: string } }).organisation.id;
    const stranger = await signIn(app, insertUser(db, "coordinator", { organisationId: otherId }));
    await expectProblem(
      await stranger.request("PUT", targetsPath, { body: { preset: "brussels" } }),
      404,
    );
    const before = await (await admin.request("GET", targetsPath)).json();
    for (const body of [
      { indicators: [{ key: "a", dimension: "gender", value: "woman", level: null, target: 1.5 }] },
      {
        indicators: [
          { key: "a", dimension: "gender", value: "woman", level: null, target: 0.4 },
          { key: "a", dimension: "gender", value: "man", level: null, target: 0.4 },
        ],
      },
      { preset: "wallonia" },
    ]) {
      await expectProblem(await coordinator.request("PUT", targetsPath, { body }), 422);
    }
    expect(await (await admin.request("GET", targetsPath)).json()).toEqual(before);
  });
});
