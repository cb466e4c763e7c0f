import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { type Agent, insertUser, signIn } from "../admin-fixture";
import { file, questionnaire } from "./questionnaire-files";

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;

const API = "/api/admin/questionnaires";

function questionnaireRows(): number {
  return (
    db.$client.prepare("SELECT count(*) AS n FROM questionnaire_versions").get() as { n: number }
  ).n;
}

/** A valid questionnaire with one value somewhere replaced by arbitrary JSON. */
const mutatedQuestionnaire = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.nat())
  .map(([value, page, element]) => {
    const definition = questionnaire() as {
      pages: { elements: Record<string, unknown>[] }[];
    };
    const target = definition.pages[page % 2]?.elements;
    const item = target?.[element % (target?.length ?? 1)];
    if (item) {
      const keys = Object.keys(item);
      item[keys[element % keys.length] as string] = value;
    }
    return file(definition);
  });

beforeAll(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  admin = await signIn(app, insertUser(db, "admin"));
});

describe("uploading hostile questionnaire files", () => {
  it("answers 201 or a 4xx problem, never crashes, and stores nothing it refused", async () => {
    let slugs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? "null"),
          mutatedQuestionnaire,
        ),
        async (text) => {
          const before = questionnaireRows();
          const response = await admin.request("POST", API, {
            body: { slug: `fuzz-${slugs++}`, kind: "campaign", definition: text },
          });
          if (response.status === 201) {
            expect(questionnaireRows()).toBe(before + 1);
            return;
          }
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          expect(questionnaireRows()).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
    // Whatever was accepted, every reader of it still answers.
    expect((await admin.request("GET", API)).status).toBe(200);
    for (const { slug } of db.$client.prepare("SELECT slug FROM questionnaires").all() as {
      slug: string;
    }[]) {
      expect((await admin.request("GET", `${API}/${slug}/versions/1`)).status).toBe(200);
      expect((await admin.request("GET", `${API}/${slug}/versions/1/diff`)).status).toBe(200);
    }
  });
});
