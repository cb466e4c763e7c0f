import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { questionnaires, questionnaireVersions } from "../../../server/db/schema";

// The services refuse changes to a published version (409 `published`); these tests go past
// them, through the db layer, and show that the database itself refuses.
let db: DbConnection;
let published: string;
let draft: string;

function version(number: number, isPublished: boolean, questionnaireId: string): string {
  const id = randomUUID();
  db.insert(questionnaireVersions)
    .values({
      id,
      questionnaireId,
      number,
      definition: `{"v":${number}}`,
      sha256: `hash-${number}`,
      published: isPublished,
    })
    .run();
  return id;
}

beforeEach(() => {
  db = openDatabase(":memory:");
  const questionnaireId = randomUUID();
  db.insert(questionnaires)
    .values({ id: questionnaireId, slug: "frozen", kind: "diagnosis", organisationId: null })
    .run();
  published = version(1, true, questionnaireId);
  draft = version(2, false, questionnaireId);
});

const row = (id: string) =>
  db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, id)).get();

describe("a published questionnaire version in the database", () => {
  it("refuses an update of its text or hash, and keeps them", () => {
    const before = row(published);
    expect(() =>
      db
        .update(questionnaireVersions)
        .set({ definition: '{"v":"changed"}' })
        .where(eq(questionnaireVersions.id, published))
        .run(),
    ).toThrow(/published/);
    expect(() =>
      db.$client
        .prepare("UPDATE questionnaire_versions SET sha256 = 'forged' WHERE id = ?")
        .run(published),
    ).toThrow(/published/);
    expect(row(published)).toEqual(before);
  });

  it("is never unpublished, renumbered or deleted", () => {
    for (const change of [{ published: false }, { number: 9 }]) {
      expect(() =>
        db
          .update(questionnaireVersions)
          .set(change)
          .where(eq(questionnaireVersions.id, published))
          .run(),
      ).toThrow(/published/);
    }
    expect(() =>
      db.delete(questionnaireVersions).where(eq(questionnaireVersions.id, published)).run(),
    ).toThrow(/never deleted/);
    expect(row(published)?.definition).toBe('{"v":1}');
  });

  it("still lets a draft change, be published once, and be deleted", () => {
    db.update(questionnaireVersions)
      .set({ definition: '{"v":"edited"}', sha256: "edited" })
      .where(eq(questionnaireVersions.id, draft))
      .run();
    db.update(questionnaireVersions)
      .set({ published: true, publishedAt: "2026-11-30T10:00:00.000Z" })
      .where(eq(questionnaireVersions.id, draft))
      .run();
    expect(row(draft)).toMatchObject({ definition: '{"v":"edited"}', published: true });
    // Setting a published version's publication date again (same content) is not a change.
    db.update(questionnaireVersions)
      .set({ publishedAt: "2026-11-30T11:00:00.000Z" })
      .where(eq(questionnaireVersions.id, published))
      .run();
    const other = version(3, false, row(draft)?.questionnaireId as string);
    db.delete(questionnaireVersions).where(eq(questionnaireVersions.id, other)).run();
    expect(row(other)).toBeUndefined();
  });
});
