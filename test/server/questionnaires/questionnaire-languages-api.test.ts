import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { QUESTIONNAIRE_PROBLEM_CODES } from "../../../server/contract/questionnaire-problems";
import { questionnaireVersionSchema } from "../../../server/contract/reference-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { organisations, units } from "../../../server/db/schema";
import { type Agent, campaignInput, expectProblem, insertUser, signIn } from "../admin-fixture";
import { file } from "./questionnaire-files";

// Issue 12: "languages are those the questionnaire declares, each complete". A Brussels body
// writes its questionnaire in Dutch and French only; the campaign on it runs in those two.

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let coordinator: Agent;
let organisationId: string;
let unitIds: string[];

const API = "/api/admin/questionnaires";
const nlFr = (en: string) => ({ nl: `${en} (nl)`, fr: `${en} (fr)` });
const nlFrEn = (en: string) => ({ ...nlFr(en), en });

function bilingual(extra: unknown[] = []) {
  return {
    title: nlFr("Brussels survey"),
    pages: [
      {
        name: "p",
        elements: [
          {
            type: "dropdown",
            name: "unit",
            unitPicker: true,
            isRequired: true,
            title: nlFr("Unit"),
          },
          {
            type: "radiogroup",
            name: "excluded",
            isRequired: true,
            title: nlFr("Excluded?"),
            choices: [
              { value: "yes", text: nlFr("yes") },
              { value: "no", text: nlFr("no") },
            ],
          },
          { type: "comment", name: "remarks", title: nlFr("Remarks") },
          ...extra,
        ],
      },
    ],
  };
}

async function upload(slug: string, definition: unknown) {
  return coordinator.request("POST", API, {
    body: { slug, kind: "diagnosis", organisationId, definition: file(definition) },
  });
}

async function publish(slug: string) {
  const response = await coordinator.request("POST", `${API}/${slug}/versions/1/publish`, {
    body: {},
  });
  expect(response.status).toBe(200);
}

const campaign = (slug: string, locales: string[]) => ({
  ...campaignInput({ organisationId, questionnaireSlug: slug, inScope: unitIds }),
  locales,
});

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  organisationId = randomUUID();
  db.insert(organisations)
    .values({ id: organisationId, slug: "gewest", nameNl: "G", nameFr: "R", nameEn: "R" })
    .run();
  unitIds = ["A", "B"].map((code) => {
    const id = randomUUID();
    db.insert(units)
      .values({
        id,
        organisationId,
        parentId: null,
        kind: "service",
        code,
        nameNl: code,
        nameFr: code,
        nameEn: code,
      })
      .run();
    return id;
  });
  coordinator = await signIn(app, insertUser(db, "coordinator", { organisationId }));
});

describe("a questionnaire in the languages it declares", () => {
  it("a nl/fr upload is accepted, and a campaign in nl/fr runs end to end", async () => {
    expect((await upload("brussels", bilingual())).status).toBe(201);
    const stored = questionnaireVersionSchema.parse(
      await (await coordinator.request("GET", `${API}/brussels/versions/1`)).json(),
    );
    expect(stored.languages).toEqual(["nl", "fr"]);
    await publish("brussels");

    const created = await coordinator.request("POST", "/api/admin/campaigns", {
      body: { ...campaign("brussels", ["nl", "fr"]), opensAt: "2026-01-01T00:00:00.000Z" },
    });
    expect(created.status).toBe(201);
    const { slug } = ((await created.json()) as { campaign: { slug: string } }).campaign;
    expect((await coordinator.request("POST", `/api/admin/campaigns/${slug}/open`)).status).toBe(
      200,
    );
    const form = (await (await app.request(`/api/campaigns/${slug}/form`)).json()) as {
      campaign: { locales: string[] };
    };
    expect(form.campaign.locales).toEqual(["nl", "fr"]);
    const answered = await app.request(`/api/campaigns/${slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        answers: { unit: unitIds[0], excluded: "no", remarks: "Bonne initiative" },
      }),
    });
    expect(answered.status).toBe(201);
  });

  it("a nl/fr upload with one French text missing is refused, naming it", async () => {
    const missing = bilingual([{ type: "comment", name: "ideas", title: { nl: "Ideeën" } }]);
    const problem = await expectProblem(
      await upload("brussels-2", missing),
      422,
      "invalid-questionnaire",
    );
    expect(problem.errors).toEqual([
      {
        question: "ideas",
        code: "text-lacks-language",
        params: { path: "survey.pages[0].elements[3].title", language: "fr" },
        message: 'survey.pages[0].elements[3].title lacks "fr"',
      },
    ]);
  });

  it("a campaign asking English on a nl/fr questionnaire is refused, also when its version changes", async () => {
    const refused = await expectProblem(
      await coordinator.request("POST", "/api/admin/campaigns", {
        body: campaign("brussels", ["nl", "fr", "en"]),
      }),
      422,
    );
    expect(refused.errors).toEqual([
      { question: "locales", message: "the questionnaire is written in nl, fr only, not in en" },
    ]);

    // A trilingual questionnaire's campaign in nl/fr/en moves to the bilingual one: refused.
    const trilingual = {
      title: nlFrEn("Three"),
      pages: [
        {
          name: "p",
          elements: [
            {
              type: "dropdown",
              name: "unit",
              unitPicker: true,
              isRequired: true,
              title: nlFrEn("U"),
            },
          ],
        },
      ],
    };
    expect((await upload("three", trilingual)).status).toBe(201);
    await publish("three");
    const draft = await coordinator.request("POST", "/api/admin/campaigns", {
      body: campaign("three", ["nl", "fr", "en"]),
    });
    expect(draft.status).toBe(201);
    const { slug } = ((await draft.json()) as { campaign: { slug: string } }).campaign;
    const moved = await expectProblem(
      await coordinator.request("PATCH", `/api/admin/campaigns/${slug}`, {
        body: { questionnaire: { slug: "brussels", version: 1 } },
      }),
      422,
    );
    expect(moved.errors?.[0]?.question).toBe("locales");
    const both = await coordinator.request("PATCH", `/api/admin/campaigns/${slug}`, {
      body: { questionnaire: { slug: "brussels", version: 1 }, locales: ["fr", "nl"] },
    });
    expect(both.status).toBe(200);
  });
});

describe("free text and coded problems through the upload", () => {
  it("refuses a comment area on a choice question and free text shown by a sensitive answer", async () => {
    const definition = bilingual([
      {
        type: "radiogroup",
        name: "disability",
        sensitive: true,
        title: nlFr("Disability"),
        choices: [
          { value: "yes", text: nlFr("yes") },
          { value: "no", text: nlFr("no") },
        ],
        showCommentArea: true,
      },
      {
        type: "comment",
        name: "adaptations",
        title: nlFr("Which adaptations?"),
        visibleIf: "{disability} = 'yes'",
      },
    ]);
    const problem = await expectProblem(await upload("free-text", definition), 422);
    expect(problem.errors?.map(({ question, code }) => ({ question, code }))).toEqual([
      { question: "disability", code: "free-text-attached" },
      { question: "adaptations", code: "free-text-conditional-on-sensitive" },
    ]);
  });

  it("every problem of a refused upload carries a known code and its parameters", async () => {
    const problem = await expectProblem(
      await upload("many", { title: "x", pages: [{ name: "p", elements: [{ type: "text" }] }] }),
      422,
    );
    expect(problem.errors?.length).toBeGreaterThan(0);
    for (const error of problem.errors ?? []) {
      expect(QUESTIONNAIRE_PROBLEM_CODES).toContain((error as { code?: string }).code);
      expect(typeof (error as { params?: unknown }).params).toBe("object");
    }
  });
});
