import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database";
import {
  type BundledVersion,
  syncBundledQuestionnaires,
} from "../../server/questionnaires/sync-bundled-questionnaires";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const version = (text: string, published: boolean): BundledVersion => ({
  slug: "staff-survey",
  kind: "diagnosis",
  version: 1,
  text,
  sha256: sha(text),
  published,
});

describe("syncBundledQuestionnaires", () => {
  it("stores a version once and is idempotent", () => {
    const db = openDatabase(":memory:");
    syncBundledQuestionnaires(db, [version('{"pages":[]}', true)]);
    syncBundledQuestionnaires(db, [version('{"pages":[]}', true)]);
    const rows = db.$client.prepare("SELECT number, sha256 FROM questionnaire_versions").all();
    expect(rows).toEqual([{ number: 1, sha256: sha('{"pages":[]}') }]);
  });

  it("refuses a published version whose file changed", () => {
    const db = openDatabase(":memory:");
    syncBundledQuestionnaires(db, [version('{"pages":[]}', true)]);
    expect(() => syncBundledQuestionnaires(db, [version('{"pages":[{}]}', true)])).toThrow(
      /immutable/,
    );
    const stored = db.$client.prepare("SELECT definition FROM questionnaire_versions").get();
    expect(stored).toEqual({ definition: '{"pages":[]}' });
  });

  it("lets a draft change until it is published", () => {
    const db = openDatabase(":memory:");
    syncBundledQuestionnaires(db, [version('{"pages":[]}', false)]);
    syncBundledQuestionnaires(db, [version('{"pages":[{}]}', true)]);
    const stored = db.$client
      .prepare("SELECT definition, published FROM questionnaire_versions")
      .get();
    expect(stored).toEqual({ definition: '{"pages":[{}]}', published: 1 });
  });
});
