import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { invitationCodes } from "../../server/db/schema";
import {
  CROCKFORD_ALPHABET,
  codeHash,
  displayCode,
  generateCode,
} from "../../server/invitations/invitation-code";
import { expectProblem } from "./admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

const secretKey = randomBytes(32);
let db: DbConnection;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;

beforeEach(() => {
  db = openDatabase(":memory:");
  app = createApp({ db, config: { secretKey } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
});

/** Stores a new code for the campaign's first unit, as the admin generator would. */
function storeCode(target: FixtureCampaign = campaign, used = 0): string {
  const code = generateCode();
  db.insert(invitationCodes)
    .values({
      hash: codeHash(secretKey, code),
      campaignId: target.campaignId,
      unitId: target.inScope[0] as string,
      used,
    })
    .run();
  return displayCode(code);
}

function check(code: unknown, slug = campaign.slug, application = app) {
  return application.request(`/api/campaigns/${slug}/code-check`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code }),
  });
}

/** Every row of every table, so a check can be shown to change nothing at all. */
function dumpDatabase(): Record<string, unknown[]> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

/** One character changed for another of the alphabet: the check character catches it. */
function withTypo(display: string): string {
  const position = 2;
  const replacement = [...CROCKFORD_ALPHABET].find((char) => char !== display[position]) as string;
  return display.slice(0, position) + replacement + display.slice(position + 1);
}

describe("POST /api/campaigns/:slug/code-check", () => {
  it("answers 204 for a valid unused code, and stores, changes and sets nothing", async () => {
    const code = storeCode();
    const before = dumpDatabase();
    const changesBefore = db.$client.prepare("SELECT total_changes() AS n").get();

    const response = await check(code);

    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(dumpDatabase()).toEqual(before);
    expect(db.$client.prepare("SELECT total_changes() AS n").get()).toEqual(changesBefore);
  });

  it("reads a code as submission does: lower case, spaces, no hyphens", async () => {
    const code = storeCode();
    expect((await check(`  ${code.toLowerCase().replaceAll("-", " ")} `)).status).toBe(204);
  });

  it("leaves the code usable: the answers can still be submitted with it, once", async () => {
    const code = storeCode();
    expect((await check(code)).status).toBe(204);
    expect((await check(code)).status).toBe(204);
    const submit = () =>
      app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: { excluded: "no" }, code }),
      });
    expect((await submit()).status).toBe(201);
    // After use the check answers exactly as before: it is no participation oracle.
    expect((await check(code)).status).toBe(204);
    await expectProblem(await submit(), 409, "code-used");
  });

  it("answers 422 mistyped-code for a typo, naming the code as the field at fault", async () => {
    const body = await expectProblem(await check(withTypo(storeCode())), 422, "mistyped-code");
    expect(body.errors).toEqual([{ question: "code", message: "mistyped" }]);
    await expectProblem(await check("ABCD"), 422, "mistyped-code");
    await expectProblem(await check(""), 422, "mistyped-code");
  });

  it("answers 403 invalid-code for a well-formed code that was never issued", async () => {
    await expectProblem(await check(displayCode(generateCode())), 403, "invalid-code");
  });

  it("answers a used code exactly as an unused one, so holding a code tells nobody who took part", async () => {
    const used = await check(storeCode(campaign, 1));
    const unused = await check(storeCode(campaign, 0));
    expect(used.status).toBe(204);
    expect(unused.status).toBe(204);
    expect([...used.headers]).toEqual([...unused.headers]);
    expect(await used.text()).toBe(await unused.text());
  });

  it("answers 403 for another campaign's code, exactly as for an unknown one", async () => {
    const other = createFixtureCampaign(db, { accessMode: "invitation-codes" });
    const theirs = storeCode(other);
    const unknown = await expectProblem(await check(displayCode(generateCode())), 403);
    const foreign = await expectProblem(await check(theirs), 403, "invalid-code");
    // Nothing tells "exists elsewhere" apart from "does not exist".
    expect(foreign).toEqual(unknown);
    expect((await check(theirs, other.slug)).status).toBe(204);
  });

  it("answers 409 access-mode for an open-link campaign, which has no codes", async () => {
    const open = createFixtureCampaign(db);
    await expectProblem(await check(displayCode(generateCode()), open.slug), 409, "access-mode");
  });

  it("answers as the form does for missing, unopened and closed campaigns", async () => {
    const code = displayCode(generateCode());
    await expectProblem(await check(code, "no-such-survey"), 404, "not-found");
    await expectProblem(await check(code, "Not A Slug!"), 404, "not-found");
    const draft = createFixtureCampaign(db, { accessMode: "invitation-codes", status: "draft" });
    await expectProblem(await check(storeCode(draft), draft.slug), 404, "not-found");
    const early = createFixtureCampaign(db, {
      accessMode: "invitation-codes",
      opensAt: "2999-01-01T00:00:00.000Z",
      closesAt: "2999-02-01T00:00:00.000Z",
    });
    await expectProblem(await check(storeCode(early), early.slug), 403, "not-open");
    const closed = createFixtureCampaign(db, {
      accessMode: "invitation-codes",
      closesAt: "2001-01-01T00:00:00.000Z",
    });
    await expectProblem(await check(storeCode(closed), closed.slug), 410, "closed");
  });

  it("refuses malformed bodies with problem+json: 415, 400, 413", async () => {
    const url = `/api/campaigns/${campaign.slug}/code-check`;
    const post = (body: string, type = "application/json") =>
      app.request(url, { method: "POST", headers: { "Content-Type": type }, body });
    const code = storeCode();
    await expectProblem(await post(JSON.stringify({ code }), "text/plain"), 415);
    await expectProblem(await post(`code=${code}`, "application/x-www-form-urlencoded"), 415);
    await expectProblem(await post("{"), 400, "malformed-json");
    for (const body of [
      "null",
      "[]",
      JSON.stringify(code),
      "{}",
      JSON.stringify({ code: 42 }),
      JSON.stringify({ code, answers: {} }),
      JSON.stringify({ code: "X".repeat(65) }),
    ]) {
      const problem = await expectProblem(await post(body), 400, "malformed-request");
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    await expectProblem(await post(JSON.stringify({ code: "X".repeat(2000) })), 413, "too-large");
    // A refused request leaves the code as it was.
    expect((await check(code)).status).toBe(204);
  });

  it("answers only POST: a GET is not found", async () => {
    const response = await app.request(`/api/campaigns/${campaign.slug}/code-check`);
    expect(response.status).toBe(404);
  });
});

describe("code checks and the submission rate limit", () => {
  it("share one budget per client: checks are no faster a way to guess codes", async () => {
    const limited = createApp({
      db,
      config: { secretKey, submissionsPerMinute: 3, clientAddress: () => "192.0.2.7" },
    });
    const guess = () => check(displayCode(generateCode()), campaign.slug, limited);
    await expectProblem(await guess(), 403, "invalid-code");
    await expectProblem(await guess(), 403, "invalid-code");
    const submitted = await limited.request(`/api/campaigns/${campaign.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: { excluded: "no" }, code: storeCode() }),
    });
    expect(submitted.status).toBe(201);
    const refused = await guess();
    await expectProblem(refused, 429, "too-many-requests");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The refusal comes before the lookup: a valid code is refused just the same.
    await expectProblem(await check(storeCode(), campaign.slug, limited), 429);
  });
});
