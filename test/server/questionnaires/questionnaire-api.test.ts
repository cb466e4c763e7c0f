import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { versionDiffAnswerSchema } from "../../../server/contract/questionnaire-schemas";
import {
  questionnairesAnswerSchema,
  questionnaireVersionSchema,
} from "../../../server/contract/reference-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { auditLog, organisations, units } from "../../../server/db/schema";
import { loadBundledVersions } from "../../../server/questionnaires/load-bundled-versions";
import { syncBundledQuestionnaires } from "../../../server/questionnaires/sync-bundled-questionnaires";
import { compileResponseValidator } from "../../../server/responses/compile-response-validator";
import { type Agent, campaignInput, expectProblem, insertUser, signIn } from "../admin-fixture";
import {
  CLIMATE,
  EXCLUDED,
  file,
  GENDER,
  largeQuestionnaire,
  questionnaire,
  t,
} from "./questionnaire-files";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;
let coordinatorA: Agent;
let coordinatorB: Agent;
let evaluatorA: Agent;
let orgA: string;
let orgB: string;
let unitsA: string[];
let unitsB: string[];

const API = "/api/admin/questionnaires";

/** Every table's rows as text, to show a refused request changed nothing. */
function snapshot(): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

function insertOrganisation(slug: string): { id: string; units: string[] } {
  const id = randomUUID();
  db.insert(organisations).values({ id, slug, nameNl: slug, nameFr: slug, nameEn: slug }).run();
  const made = ["HR", "FIN"].map((code) => {
    const unitId = randomUUID();
    db.insert(units)
      .values({
        id: unitId,
        organisationId: id,
        parentId: null,
        kind: "service",
        code,
        nameNl: code,
        nameFr: code,
        nameEn: code,
      })
      .run();
    return unitId;
  });
  return { id, units: made };
}

async function create(agent: Agent, slug: string, definition: unknown, extra = {}) {
  return agent.request("POST", API, {
    body: { slug, kind: "diagnosis", definition: file(definition), ...extra },
  });
}

async function version(agent: Agent, slug: string, number: number) {
  const response = await agent.request("GET", `${API}/${slug}/versions/${number}`);
  expect(response.status).toBe(200);
  return questionnaireVersionSchema.parse(await response.json());
}

function lastAudit() {
  return db.select().from(auditLog).all().at(-1);
}

beforeAll(async () => {
  db = openDatabase(":memory:");
  syncBundledQuestionnaires(db, loadBundledVersions());
  app = createApp({ db });
  const a = insertOrganisation("agency-a");
  orgA = a.id;
  unitsA = a.units;
  const b = insertOrganisation("agency-b");
  orgB = b.id;
  unitsB = b.units;
  admin = await signIn(app, insertUser(db, "admin"));
  coordinatorA = await signIn(app, insertUser(db, "coordinator", { organisationId: orgA }));
  coordinatorB = await signIn(app, insertUser(db, "coordinator", { organisationId: orgB }));
  evaluatorA = await signIn(app, insertUser(db, "evaluator", { organisationId: orgA }));
});

describe("uploading a questionnaire", () => {
  it("a coordinator uploads a new one: draft version 1 of their organisation, audit-logged", async () => {
    const response = await create(coordinatorA, "team-a", questionnaire());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ slug: "team-a", number: 1 });
    const stored = await version(coordinatorA, "team-a", 1);
    expect(stored).toMatchObject({
      published: false,
      organisationId: orgA,
      editable: true,
      title: t("Team survey"),
      warnings: [],
    });
    expect(stored.createdAt).not.toBeNull();
    expect(lastAudit()).toMatchObject({
      action: "questionnaire.create",
      target: "team-a",
      organisationId: orgA,
    });
    const list = questionnairesAnswerSchema.parse(
      await (await coordinatorA.request("GET", API)).json(),
    );
    const mine = list.questionnaires.find((q) => q.slug === "team-a");
    expect(mine).toMatchObject({ bundled: false, title: t("Team survey") });
    expect(mine?.versions).toEqual([expect.objectContaining({ number: 1, published: false })]);
  });

  it("invalid JSON is a 422 naming where it broke; nothing is stored", async () => {
    const before = snapshot();
    const response = await coordinatorA.request("POST", API, {
      body: { slug: "broken", kind: "diagnosis", definition: '{"pages": [ {"name": "p",, } ]' },
    });
    const problem = await expectProblem(response, 422, "invalid-questionnaire");
    expect(problem.errors?.[0]?.message).toMatch(/^not valid JSON: .*position|column|line/);
    expect(snapshot()).toBe(before);
  });

  it("names every problem at once: SurveyJS errors, a missing language, a breakdown without 'prefer not to say', no unit question", async () => {
    const before = snapshot();
    const definition = {
      title: t("Bad"),
      pages: [
        {
          name: "p",
          elements: [
            { type: "no-such-type", name: "odd", title: t("Odd") },
            { ...EXCLUDED, title: { nl: "Uitgesloten?", en: "Excluded?" } },
            {
              ...GENDER,
              choices: [
                { value: "woman", text: t("woman") },
                { value: "man", text: t("man") },
              ],
            },
          ],
        },
      ],
    };
    const problem = await expectProblem(
      await create(coordinatorA, "bad", definition),
      422,
      "invalid-questionnaire",
    );
    const messages = problem.errors?.map((e) => `${e.question}: ${e.message}`) ?? [];
    expect(messages.some((m) => m.includes("SurveyJS:"))).toBe(true);
    expect(messages).toContain('excluded: survey.pages[0].elements[1].title lacks "fr"');
    expect(messages).toContain(
      'gender: "gender": a breakdown dimension needs the choice "prefer_not_to_say"',
    );
    expect(messages).toContainEqual(expect.stringMatching(/unitPicker/));
    expect(snapshot()).toBe(before);
  });

  it("refuses what would crash a reader: not an object, no pages, choices that are objects", async () => {
    for (const definition of [[1, 2], { pages: [] }, null, "text"]) {
      await expectProblem(
        await create(coordinatorA, "odd", definition),
        422,
        "invalid-questionnaire",
      );
    }
    const objectChoice = questionnaire([{ ...EXCLUDED, choices: [{ value: { a: 1 } }] }]);
    const problem = await expectProblem(
      await create(coordinatorA, "odd", objectChoice),
      422,
      "invalid-questionnaire",
    );
    expect(problem.errors?.[0]).toMatchObject({ question: "excluded" });
  });

  it("a taken address is 409, a body that is not JSON 415, a bad slug 422", async () => {
    await expectProblem(await create(coordinatorA, "team-a", questionnaire()), 409, "slug-taken");
    await expectProblem(
      await coordinatorA.request("POST", API, {
        rawBody: file(questionnaire()),
        headers: { "Content-Type": "text/plain" },
      }),
      415,
    );
    await expectProblem(
      await create(coordinatorA, "Bad Slug", questionnaire()),
      422,
      "invalid-input",
    );
  });

  it("a 300-question questionnaire fits the body limit", async () => {
    const large = file(largeQuestionnaire(300));
    expect(large.length).toBeGreaterThan(300_000);
    const response = await create(admin, "large", largeQuestionnaire(300));
    expect(response.status).toBe(201);
    await expectProblem(
      await admin.request("POST", API, {
        rawBody: JSON.stringify({ slug: "huge", kind: "diagnosis", definition: "x".repeat(9e6) }),
        headers: { "Content-Type": "application/json" },
      }),
      413,
      "too-large",
    );
  });
});

describe("identifying questions", () => {
  it("a free-text question asking for a department must be acknowledged before publishing", async () => {
    const department = {
      type: "text",
      name: "dept",
      title: {
        nl: "In welke afdeling werk je?",
        fr: "Dans quel département travaillez-vous ?",
        en: "Which department?",
      },
    };
    const email = { type: "text", name: "contact", inputType: "email", title: t("Contact") };
    expect(
      (await create(coordinatorA, "risky", questionnaire([GENDER, department, email]))).status,
    ).toBe(201);
    const draft = await version(coordinatorA, "risky", 1);
    expect(draft.warnings.map((w) => w.question)).toEqual(["dept", "contact"]);
    const refused = await expectProblem(
      await coordinatorA.request("POST", `${API}/risky/versions/1/publish`, { body: {} }),
      409,
      "warnings-not-acknowledged",
    );
    expect(refused.errors?.map((e) => e.question)).toEqual(["dept", "contact"]);
    expect((await version(coordinatorA, "risky", 1)).published).toBe(false);
    const published = await coordinatorA.request("POST", `${API}/risky/versions/1/publish`, {
      body: { acknowledgeWarnings: true },
    });
    expect(published.status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: "questionnaire.publish", target: "risky" });
    expect(JSON.parse(lastAudit()?.detail ?? "{}").acknowledgedWarnings).toHaveLength(2);
  });
});

describe("publishing and versions", () => {
  it("publishing freezes a version: marks, replacement and deletion are refused with 409", async () => {
    const before = await version(coordinatorA, "team-a", 1);
    const response = await coordinatorA.request("POST", `${API}/team-a/versions/1/publish`, {
      body: {},
    });
    expect(response.status).toBe(200);
    const published = questionnaireVersionSchema.parse(await response.json());
    expect(published).toMatchObject({ published: true, editable: false, sha256: before.sha256 });
    expect(published.publishedAt).not.toBeNull();
    const frozen = snapshot();
    await expectProblem(
      await coordinatorA.request("PATCH", `${API}/team-a/versions/1`, {
        body: { marks: { excluded: { sensitive: true } } },
      }),
      409,
      "published",
    );
    await expectProblem(
      await coordinatorA.request("DELETE", `${API}/team-a/versions/1`),
      409,
      "published",
    );
    await expectProblem(
      await coordinatorA.request("POST", `${API}/team-a/versions/1/publish`, { body: {} }),
      409,
      "published",
    );
    expect(snapshot()).toBe(frozen);
  });

  it("an upload after a published version is version 2; uploading again replaces that draft", async () => {
    const upload = (definition: unknown) =>
      coordinatorA.request("POST", `${API}/team-a/versions`, {
        body: { definition: file(definition) },
      });
    const first = await upload(questionnaire([GENDER]));
    expect(await first.json()).toEqual({ slug: "team-a", number: 2 });
    const v2 = questionnaire([
      { ...CLIMATE, rows: [...(CLIMATE.rows as unknown[]), { value: "safe", text: t("safe") }] },
      { ...GENDER, sensitive: true },
      {
        ...EXCLUDED,
        name: "left_out",
        previousName: "excluded",
        title: t("Did you feel left out?"),
      },
      { type: "comment", name: "remarks", title: t("Remarks") },
    ]);
    const second = await upload(v2);
    expect(await second.json()).toEqual({ slug: "team-a", number: 2 });
    expect(lastAudit()).toMatchObject({ action: "questionnaire.draft-replace" });
    const list = questionnairesAnswerSchema.parse(
      await (await coordinatorA.request("GET", API)).json(),
    );
    expect(
      list.questionnaires.find((q) => q.slug === "team-a")?.versions.map((v) => v.number),
    ).toEqual([1, 2]);
  });

  it("a previousName that names no question of the previous version is refused", async () => {
    const problem = await expectProblem(
      await coordinatorA.request("POST", `${API}/team-a/versions`, {
        body: { definition: file(questionnaire([{ ...EXCLUDED, previousName: "nothing" }])) },
      }),
      422,
      "invalid-questionnaire",
    );
    expect(problem.errors).toContainEqual({
      question: "excluded",
      message: '"excluded": previousName "nothing" is not a question of the previous version',
    });
  });

  it("the diff shows added, removed, renamed, reworded, moved questions, new rows and changed marks", async () => {
    const response = await coordinatorA.request("GET", `${API}/team-a/versions/2/diff`);
    expect(response.status).toBe(200);
    const { diff, previous } = versionDiffAnswerSchema.parse(await response.json());
    expect(previous).toBe(1);
    expect(diff?.added.map((q) => q.name)).toEqual(["remarks"]);
    expect(diff?.removed).toEqual([]);
    expect(diff?.renamed).toEqual([
      { from: "excluded", to: "left_out", title: t("Did you feel left out?") },
    ]);
    expect(diff?.reworded).toEqual([
      {
        name: "left_out",
        locales: ["nl", "fr", "en"],
        before: t("Did you feel excluded?"),
        after: t("Did you feel left out?"),
      },
    ]);
    // v1: unit, gender, excluded, climate; v2: unit, climate, gender, left_out: climate moved.
    expect(diff?.moved).toEqual([{ name: "climate", title: t("Climate"), from: 4, to: 2 }]);
    expect(diff?.lists).toEqual([
      expect.objectContaining({
        name: "climate",
        list: "rows",
        added: [{ value: "safe", text: t("safe") }],
        removed: [],
      }),
    ]);
    expect(diff?.marks).toEqual([
      expect.objectContaining({ name: "gender", mark: "sensitive", before: false, after: true }),
    ]);
    const first = versionDiffAnswerSchema.parse(
      await (await coordinatorA.request("GET", `${API}/team-a/versions/1/diff`)).json(),
    );
    expect(first).toEqual({ slug: "team-a", number: 1, previous: null, diff: null });
  });

  it("marks set on screen change the draft, pass the same checks, and show in the diff", async () => {
    const refused = await expectProblem(
      await coordinatorA.request("PATCH", `${API}/team-a/versions/2`, {
        body: { marks: { left_out: { breakdown: true } } },
      }),
      422,
      "invalid-questionnaire",
    );
    expect(refused.errors?.[0]?.message).toMatch(/prefer_not_to_say/);
    await expectProblem(
      await coordinatorA.request("PATCH", `${API}/team-a/versions/2`, {
        body: { marks: { nope: { sensitive: true } } },
      }),
      422,
      "invalid-input",
    );
    const response = await coordinatorA.request("PATCH", `${API}/team-a/versions/2`, {
      body: { marks: { left_out: { sensitive: true }, gender: { sensitive: false } } },
    });
    expect(response.status).toBe(200);
    const marked = questionnaireVersionSchema.parse(await response.json());
    expect(JSON.stringify(marked.definition)).toContain('"sensitive":true');
    expect(lastAudit()).toMatchObject({ action: "questionnaire.marks", target: "team-a" });
    const { diff } = versionDiffAnswerSchema.parse(
      await (await coordinatorA.request("GET", `${API}/team-a/versions/2/diff`)).json(),
    );
    expect(diff?.marks).toEqual([
      expect.objectContaining({ name: "left_out", mark: "sensitive", before: false, after: true }),
    ]);
  });

  it("a draft is deleted; deleting a questionnaire's only version deletes the questionnaire", async () => {
    const response = await coordinatorA.request("DELETE", `${API}/team-a/versions/2`);
    expect(response.status).toBe(200);
    expect(lastAudit()).toMatchObject({ action: "questionnaire.draft-delete", target: "team-a" });
    await expectProblem(await coordinatorA.request("GET", `${API}/team-a/versions/2`), 404);
    expect((await create(coordinatorA, "short-lived", questionnaire())).status).toBe(201);
    expect(
      await (await coordinatorA.request("DELETE", `${API}/short-lived/versions/1`)).json(),
    ).toEqual({
      questionnaireDeleted: true,
    });
    await expectProblem(await coordinatorA.request("GET", `${API}/short-lived/versions/1`), 404);
  });
});

describe("templates", () => {
  it("a bundled questionnaire is copied as draft version 1 of an own questionnaire, never changed", async () => {
    const response = await coordinatorA.request("POST", `${API}/diversity-diagnosis/copy`, {
      body: { slug: "our-diagnosis" },
    });
    expect(response.status).toBe(201);
    const copy = await version(coordinatorA, "our-diagnosis", 1);
    const original = await version(coordinatorA, "diversity-diagnosis", 1);
    expect(copy).toMatchObject({ published: false, organisationId: orgA, kind: "diagnosis" });
    expect(copy.definition).toEqual(original.definition);
    expect(lastAudit()).toMatchObject({ action: "questionnaire.copy", target: "our-diagnosis" });
    await expectProblem(
      await admin.request("POST", `${API}/diversity-diagnosis/versions`, {
        body: { definition: file(questionnaire()) },
      }),
      409,
      "bundled",
    );
    await expectProblem(
      await coordinatorA.request("POST", `${API}/diversity-diagnosis/copy`, {
        body: { slug: "theirs", organisationId: orgB },
      }),
      403,
    );
  });

  it("admins make shared templates; coordinators may copy but not change them", async () => {
    expect((await create(admin, "shared-template", questionnaire())).status).toBe(201);
    expect(lastAudit()).toMatchObject({ organisationId: null });
    expect(
      (await admin.request("POST", `${API}/shared-template/versions/1/publish`, { body: {} }))
        .status,
    ).toBe(200);
    await expectProblem(
      await coordinatorB.request("POST", `${API}/shared-template/versions`, {
        body: { definition: file(questionnaire()) },
      }),
      403,
    );
    const copied = await coordinatorB.request("POST", `${API}/shared-template/copy`, {
      body: { slug: "b-survey" },
    });
    expect(copied.status).toBe(201);
  });
});

describe("roles and scope", () => {
  it("a coordinator of B neither sees nor touches A's questionnaires; nothing changes", async () => {
    const list = questionnairesAnswerSchema.parse(
      await (await coordinatorB.request("GET", API)).json(),
    );
    const slugs = list.questionnaires.map((q) => q.slug);
    expect(slugs).not.toContain("team-a");
    expect(slugs).toEqual(
      expect.arrayContaining(["diversity-diagnosis", "shared-template", "b-survey"]),
    );
    const before = snapshot();
    const attempts = [
      coordinatorB.request("GET", `${API}/team-a/versions/1`),
      coordinatorB.request("GET", `${API}/team-a/versions/1/diff`),
      coordinatorB.request("POST", `${API}/team-a/versions`, {
        body: { definition: file(questionnaire()) },
      }),
      coordinatorB.request("PATCH", `${API}/our-diagnosis/versions/1`, {
        body: { marks: { gender: { sensitive: true } } },
      }),
      coordinatorB.request("POST", `${API}/our-diagnosis/versions/1/publish`, { body: {} }),
      coordinatorB.request("DELETE", `${API}/our-diagnosis/versions/1`),
      coordinatorB.request("POST", `${API}/team-a/copy`, { body: { slug: "stolen" } }),
    ];
    for (const response of await Promise.all(attempts)) await expectProblem(response, 404);
    await expectProblem(
      await create(coordinatorB, "for-a", questionnaire(), { organisationId: orgA }),
      403,
    );
    expect(snapshot()).toBe(before);
  });

  it("an evaluator changes nothing and sees published versions only", async () => {
    const before = snapshot();
    await expectProblem(await create(evaluatorA, "by-evaluator", questionnaire()), 403);
    await expectProblem(
      await evaluatorA.request("POST", `${API}/our-diagnosis/versions/1/publish`, { body: {} }),
      403,
    );
    await expectProblem(await evaluatorA.request("DELETE", `${API}/our-diagnosis/versions/1`), 403);
    await expectProblem(
      await evaluatorA.request("POST", `${API}/diversity-diagnosis/copy`, { body: { slug: "e" } }),
      403,
    );
    expect(snapshot()).toBe(before);
    await expectProblem(await evaluatorA.request("GET", `${API}/our-diagnosis/versions/1`), 404);
    const list = questionnairesAnswerSchema.parse(
      await (await evaluatorA.request("GET", API)).json(),
    );
    expect(list.questionnaires.map((q) => q.slug)).not.toContain("our-diagnosis");
    expect(
      list.questionnaires.find((q) => q.slug === "team-a")?.versions.map((v) => v.number),
    ).toEqual([1]);
  });
});

describe("campaigns on uploaded questionnaires", () => {
  const campaign = (slug: string, organisationId = orgA, unitIds = unitsA) =>
    campaignInput({ organisationId, questionnaireSlug: slug, inScope: unitIds });

  it("only a published version, shared or of the campaign's organisation, can be chosen", async () => {
    expect(
      (await coordinatorA.request("POST", "/api/admin/campaigns", { body: campaign("team-a") }))
        .status,
    ).toBe(201);
    const draft = await expectProblem(
      await coordinatorA.request("POST", "/api/admin/campaigns", {
        body: campaign("our-diagnosis"),
      }),
      422,
    );
    expect(draft.errors).toEqual([
      { question: "questionnaire", message: "this version is not published yet" },
    ]);
    const other = await expectProblem(
      await admin.request("POST", "/api/admin/campaigns", {
        body: campaign("team-a", orgB, unitsB),
      }),
      422,
    );
    expect(other.errors).toContainEqual({
      question: "questionnaire",
      message: "unknown questionnaire version",
    });
  });

  it("the submission validator of an uploaded version refuses what it should", async () => {
    const { definition } = await version(coordinatorA, "team-a", 1);
    const validator = compileResponseValidator(definition);
    const context = { unitIds: new Set(unitsA) };
    const unit = unitsA[0] as string;
    expect(validator.validate({ unit, gender: "woman", excluded: "no" }, context)).toMatchObject({
      ok: true,
    });
    const refused = validator.validate(
      { unit, gender: "robot", excluded: "maybe", climate: { respected: 9 }, extra: 1 },
      context,
    );
    expect(refused).toEqual({
      ok: false,
      errors: [{ question: "extra", message: "unknown question" }],
    });
    const wrongValues = validator.validate(
      { unit, gender: "robot", climate: { respected: 9 } },
      context,
    );
    expect(wrongValues.ok ? [] : wrongValues.errors.map((e) => e.question)).toEqual([
      "gender",
      "excluded",
      "climate",
    ]);
  });
});
