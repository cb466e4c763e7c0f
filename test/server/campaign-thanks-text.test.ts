import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { campaignFormSchema } from "../../server/contract/respondent-schemas";
import { MAX_THANKS_TEXT_LENGTH } from "../../server/contract/staff-limits";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { type Agent, campaignInput, expectProblem, insertUser, signIn } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

// The thank-you page's word on when and how results are shared, written by the coordinator per
// language (issue 11): checked as plain text, stored, audited, and given to respondents.

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let fixture: FixtureCampaign;
let coordinator: Agent;
const now = new Date("2030-01-10T12:00:00.000Z");

beforeEach(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db, config: { now: () => now } });
  fixture = createFixtureCampaign(db);
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: fixture.organisationId }),
  );
});

const THANKS = {
  nl: "De resultaten volgen in juni op het intranet,\nper faculteit.",
  fr: "Les résultats suivront en juin sur l'intranet,\npar faculté.",
  en: "",
};

async function create(overrides: Record<string, unknown> = {}) {
  return coordinator.request("POST", "/api/admin/campaigns", {
    body: { ...campaignInput(fixture), ...overrides },
  });
}
const patch = (slug: string, body: unknown) =>
  coordinator.request("PATCH", `/api/admin/campaigns/${slug}`, { body });
const act = (slug: string, action: string) =>
  coordinator.request("POST", `/api/admin/campaigns/${slug}/${action}`);
async function respondentForm(slug: string) {
  const response = await app.request(`/api/campaigns/${slug}/form`);
  expect(response.status).toBe(200);
  return campaignFormSchema.parse(await response.json());
}
const questionsOf = (body: { errors?: { question: string }[] }) =>
  (body.errors ?? []).map((error) => error.question);

describe("a campaign's thank-you text", () => {
  it("is empty (the standard text) unless written, and stored as written when created", async () => {
    const plain = await create();
    expect(plain.status).toBe(201);
    expect((await plain.json()).campaign.thanksText).toEqual({ nl: "", fr: "", en: "" });

    const written = await create({ thanksText: THANKS });
    expect(written.status).toBe(201);
    const { campaign } = await written.json();
    expect(campaign.thanksText).toEqual(THANKS);
    const read = await coordinator.request("GET", `/api/admin/campaigns/${campaign.slug}`);
    expect((await read.json()).campaign.thanksText).toEqual(THANKS);
  });

  it("is plain text: trimmed, CRLF as LF, NFC; markup kept as typed; control characters refused", async () => {
    const response = await create({
      thanksText: { nl: "  Eerste regel\r\ntweede  ", fr: "Cafe\u0301 <b>gras</b>", en: "   " },
    });
    expect(response.status).toBe(201);
    expect((await response.json()).campaign.thanksText).toEqual({
      nl: "Eerste regel\ntweede",
      fr: "Café <b>gras</b>",
      en: "",
    });
    const refused = await expectProblem(
      await create({ thanksText: { nl: "bel\u0007", fr: "", en: "tab\there" } }),
      422,
      "invalid-input",
    );
    expect(questionsOf(refused).sort()).toEqual(["thanksText.en", "thanksText.nl"]);
  });

  it("is length-limited per language (the limit accepted, one more refused) and complete", async () => {
    const longest = "a".repeat(MAX_THANKS_TEXT_LENGTH);
    expect((await create({ thanksText: { nl: longest, fr: "", en: "" } })).status).toBe(201);
    const tooLong = await expectProblem(
      await create({ thanksText: { nl: "", fr: `${longest}a`, en: "" } }),
      422,
    );
    expect(questionsOf(tooLong)).toEqual(["thanksText.fr"]);
    const missing = await expectProblem(await create({ thanksText: { nl: "x", fr: "y" } }), 422);
    expect(questionsOf(missing)).toEqual(["thanksText.en"]);
    const notText = await expectProblem(
      await create({ thanksText: { nl: 1, fr: "", en: "", de: "" } }),
      422,
    );
    expect(questionsOf(notText).sort()).toEqual(["thanksText", "thanksText.nl"]);
  });

  it("is edited in draft and while open, with an audit entry, and refused once closed", async () => {
    const created = (await (await create()).json()).campaign;
    const edited = await patch(created.slug, { thanksText: THANKS });
    expect(edited.status).toBe(200);
    expect((await edited.json()).campaign.thanksText).toEqual(THANKS);

    expect((await act(created.slug, "open")).status).toBe(200);
    const whileOpen = { ...THANKS, en: "Results in June on the intranet." };
    const openEdit = await patch(created.slug, { thanksText: whileOpen });
    expect(openEdit.status).toBe(200);
    expect((await openEdit.json()).campaign.thanksText).toEqual(whileOpen);
    // Other settings stay fixed once open, even beside the text.
    await expectProblem(
      await patch(created.slug, { thanksText: THANKS, retentionDays: 10 }),
      409,
      "not-draft",
    );

    const audit = db.$client
      .prepare(
        "SELECT action, detail FROM audit_log WHERE target = ? AND action = 'campaign.update' ORDER BY id",
      )
      .all(created.slug) as { action: string; detail: string }[];
    expect(audit.map((row) => JSON.parse(row.detail))).toEqual([
      { fields: ["thanksText"] },
      { fields: ["thanksText"] },
    ]);

    expect((await act(created.slug, "close")).status).toBe(200);
    await expectProblem(await patch(created.slug, { thanksText: THANKS }), 409, "not-draft");
  });

  it("reaches respondents in the form answer, as stored, and follows an edit while open", async () => {
    const created = (await (await create({ thanksText: THANKS })).json()).campaign;
    expect((await act(created.slug, "open")).status).toBe(200);
    expect((await respondentForm(created.slug)).campaign.thanksText).toEqual(THANKS);

    const rewritten = { nl: "Nieuw", fr: "Nouveau", en: "New" };
    expect((await patch(created.slug, { thanksText: rewritten })).status).toBe(200);
    expect((await respondentForm(created.slug)).campaign.thanksText).toEqual(rewritten);
  });

  it("is empty for a campaign that never had one (rows from before this column)", async () => {
    expect((await respondentForm(fixture.slug)).campaign.thanksText).toEqual({
      nl: "",
      fr: "",
      en: "",
    });
  });
});
