import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import {
  CROCKFORD_ALPHABET,
  checkCharacter,
  displayCode,
  generateCode,
  parseCode,
} from "../../server/invitations/invitation-code";
import { type Agent, expectProblem, insertUser, signIn } from "./admin-fixture";
import {
  buildReleaseNow,
  closeFixtureCampaign,
  createFixtureCampaign,
  type FixtureCampaign,
} from "./campaign-fixture";

describe("invitation code format", () => {
  it("has 12 random Crockford characters and a check character, shown as XXXX-XXXX-XXXX-C", () => {
    const code = generateCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{13}$/);
    expect(displayCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    expect(parseCode(displayCode(code))).toEqual({ ok: true, code });
  });

  it("reads codes case-insensitively, ignoring hyphens and spaces, with I and L as 1 and O as 0", () => {
    const body = "1011ABCD0000";
    const code = body + checkCharacter(body);
    const typed = ` i0lL-abcd - oOo0${code.slice(12).toLowerCase()} `;
    expect(parseCode(typed)).toEqual({ ok: true, code });
  });

  it("refuses wrong lengths and characters outside the alphabet", () => {
    expect(parseCode("").ok).toBe(false);
    expect(parseCode(generateCode().slice(1)).ok).toBe(false);
    expect(parseCode(`${generateCode()}0`).ok).toBe(false);
    expect(parseCode("UUUU-UUUU-UUUU-U").ok).toBe(false);
  });

  it("detects every single mistyped character", () => {
    fc.assert(
      fc.property(fc.nat(12), fc.constantFrom(...CROCKFORD_ALPHABET), (position, replacement) => {
        const code = generateCode();
        fc.pre(code[position] !== replacement);
        const typo = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(parseCode(typo).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("detects every swap of two neighbours except 0 with Z", () => {
    fc.assert(
      fc.property(fc.nat(11), (position) => {
        const code = generateCode();
        const [a, b] = [code[position], code[position + 1]];
        fc.pre(a !== b && !(new Set([a, b]).has("0") && new Set([a, b]).has("Z")));
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        expect(parseCode(swapped).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;
let coordinator: Agent;
const secretKey = randomBytes(32);

beforeEach(async () => {
  db = openDatabase(":memory:");
  app = createApp({ db, config: { secretKey } });
  campaign = createFixtureCampaign(db, { accessMode: "invitation-codes" });
  coordinator = await signIn(
    app,
    insertUser(db, "coordinator", { organisationId: campaign.organisationId }),
  );
});

async function generate(unitId: string, count: number): Promise<string[]> {
  const response = await coordinator.request(
    "POST",
    `/api/admin/campaigns/${campaign.slug}/codes`,
    {
      body: { unitId, count },
    },
  );
  expect(response.status).toBe(201);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = (await response.json()) as { unitId: string; codes: string[] };
  expect(body.unitId).toBe(unitId);
  return body.codes;
}

function submit(code: string | undefined, answers: Record<string, unknown> = { excluded: "no" }) {
  return app.request(`/api/campaigns/${campaign.slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(code === undefined ? { answers } : { answers, code }),
  });
}

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe("generating codes", () => {
  it("returns the codes once and stores only their keyed hashes, per unit", async () => {
    const codes = await generate(campaign.inScope[0] as string, 3);
    expect(new Set(codes).size).toBe(3);
    const rows = db.$client.prepare("SELECT * FROM invitation_codes").all() as Record<
      string,
      unknown
    >[];
    const expected = codes.map((code) =>
      createHmac("sha256", secretKey).update(code.replaceAll("-", "")).digest("hex"),
    );
    expect(rows.map((r) => r.hash).sort()).toEqual(expected.sort());
    expect(rows.every((r) => r.unit_id === campaign.inScope[0] && r.used === 0)).toBe(true);
    const everything = JSON.stringify(
      ["invitation_codes", "audit_log", "campaigns"].map((t) =>
        db.$client.prepare(`SELECT * FROM ${t}`).all(),
      ),
    );
    for (const code of codes) {
      expect(everything).not.toContain(code);
      expect(everything).not.toContain(code.replaceAll("-", ""));
    }
    const audit = db.$client
      .prepare("SELECT detail FROM audit_log WHERE action = 'codes.generate'")
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ unitId: campaign.inScope[0], count: 3 });
  });

  it("generates 5,000 in one call, and refuses more, zero, or a unit outside the campaign", async () => {
    const codes = await generate(campaign.inScope[1] as string, 5000);
    expect(new Set(codes).size).toBe(5000);
    const path = `/api/admin/campaigns/${campaign.slug}/codes`;
    for (const body of [
      { unitId: campaign.inScope[0], count: 5001 },
      { unitId: campaign.inScope[0], count: 0 },
      { unitId: campaign.outOfScope, count: 1 },
    ]) {
      await expectProblem(await coordinator.request("POST", path, { body }), 422, "invalid-input");
    }
    expect(count("SELECT count(*) AS n FROM invitation_codes")).toBe(5000);
  });

  it("refuses codes for an open-link campaign", async () => {
    const open = createFixtureCampaign(db);
    const other = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: open.organisationId }),
    );
    await expectProblem(
      await other.request("POST", `/api/admin/campaigns/${open.slug}/codes`, {
        body: { unitId: open.inScope[0], count: 1 },
      }),
      409,
      "access-mode",
    );
  });
});

describe("redeeming codes", () => {
  it("serves the form without a unit question and says the access mode", async () => {
    const form = await (await app.request(`/api/campaigns/${campaign.slug}/form`)).json();
    expect(form.campaign.accessMode).toBe("invitation-codes");
    expect(JSON.stringify(form.questionnaire.definition)).not.toContain("unitPicker");
    expect(form.questionnaire.definition.pages[0].elements[0].name).toBe("gender");
  });

  it("stores a response with the code's unit, ignoring a unit in the answers, once", async () => {
    const [code] = await generate(campaign.inScope[1] as string, 1);
    const typed = (code as string).toLowerCase().replaceAll("-", " ");
    const response = await submit(typed, { excluded: "no", unit: campaign.inScope[0] });
    expect(response.status).toBe(201);
    const rows = db.$client.prepare("SELECT * FROM responses").all() as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.unit_id).toBe(campaign.inScope[1]);
    expect(JSON.parse(rows[0]?.answers ?? "")).toEqual({ excluded: "no" });
    await expectProblem(await submit(code), 409, "code-used");
    expect(count("SELECT count(*) AS n FROM responses")).toBe(1);
  });

  it("tells a mistyped code (422) from an unknown one (403) and a missing one (422)", async () => {
    const [code] = await generate(campaign.inScope[0] as string, 1);
    const c = code as string;
    const typo = c.slice(0, 2) + (c[2] === "7" ? "8" : "7") + c.slice(3);
    const mistyped = await expectProblem(await submit(typo), 422, "mistyped-code");
    expect(mistyped.errors).toEqual([{ question: "code", message: "mistyped" }]);
    await expectProblem(await submit("not a code at all"), 422, "mistyped-code");
    await expectProblem(await submit(displayCode(generateCode())), 403, "invalid-code");
    const missing = await expectProblem(await submit(undefined), 422, "invalid-response");
    expect(missing.errors).toEqual([{ question: "code", message: "required" }]);
    expect(count("SELECT count(*) AS n FROM responses")).toBe(0);
    expect(count("SELECT count(*) AS n FROM invitation_codes WHERE used = 1")).toBe(0);
  });

  it("refuses a code of another campaign as unknown", async () => {
    const [code] = await generate(campaign.inScope[0] as string, 1);
    const other = createFixtureCampaign(db, { accessMode: "invitation-codes" });
    const response = await app.request(`/api/campaigns/${other.slug}/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: { excluded: "no" }, code }),
    });
    await expectProblem(response, 403, "invalid-code");
  });

  it("does not use up a code on invalid answers", async () => {
    const [code] = await generate(campaign.inScope[0] as string, 1);
    await expectProblem(await submit(code, { excluded: "maybe" }), 422, "invalid-response");
    expect((await submit(code)).status).toBe(201);
  });
});

describe("participation with codes", () => {
  it("shows issued codes and the response rate only where the count is shown", async () => {
    const codes = await generate(campaign.inScope[0] as string, 6);
    await generate(campaign.inScope[1] as string, 2);
    for (const code of codes.slice(0, 5)) expect((await submit(code)).status).toBe(201);
    // Per-unit participation comes with the release at close (while open: organisation only).
    closeFixtureCampaign(db, campaign.campaignId);
    await buildReleaseNow(db, campaign.campaignId);
    const read = async () =>
      (
        await (
          await coordinator.request("GET", `/api/admin/campaigns/${campaign.slug}/participation`)
        ).json()
      ).units as { unitId: string; respondents: unknown; issued?: number; rate?: unknown }[];
    const units = new Map((await read()).map((u) => [u.unitId, u]));
    expect(units.get(campaign.inScope[0] as string)).toEqual({
      unitId: campaign.inScope[0],
      respondents: { value: 5 },
      issued: 6,
      rate: { value: 0.833 },
    });
    expect(units.get(campaign.inScope[1] as string)).toMatchObject({
      respondents: { value: 0 },
      issued: 2,
      rate: { value: 0 },
    });
    expect(units.get(campaign.organisationId)).toMatchObject({
      respondents: { value: 5 },
      issued: 8,
    });
    expect(units.has(campaign.outOfScope)).toBe(false);
  });

  it("hides a count under k and its rate", async () => {
    const codes = await generate(campaign.inScope[0] as string, 4);
    for (const code of codes.slice(0, 2)) expect((await submit(code)).status).toBe(201);
    closeFixtureCampaign(db, campaign.campaignId);
    await buildReleaseNow(db, campaign.campaignId);
    const body = await (
      await coordinator.request("GET", `/api/admin/campaigns/${campaign.slug}/participation`)
    ).json();
    const unit = body.units.find((u: { unitId: string }) => u.unitId === campaign.inScope[0]);
    expect(unit).toEqual({
      unitId: campaign.inScope[0],
      respondents: { hidden: "primary" },
      issued: 4,
      rate: { hidden: "primary" },
    });
    expect(JSON.stringify(body)).not.toContain('"value":2');
  });
});
