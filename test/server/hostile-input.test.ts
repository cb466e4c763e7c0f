import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type Db, openDatabase } from "../../server/db/open-database";
import { listen } from "../../server/http/listen";
import { createFixtureCampaign, type FixtureCampaign } from "./campaign-fixture";

// Every case must be refused: each generator below builds input that is wrong in at least one
// way the server must notice, so a 201 is a finding, not luck.
const RUNS_PER_PROPERTY = 2_500;
const QUESTIONS = [
  "unit",
  "gender",
  "excluded",
  "grounds",
  "satisfaction",
  "climate",
  "knows_trust_person",
  "comment",
];
const DANGEROUS_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

let db: Db;
let app: ReturnType<typeof createApp>;
let campaign: FixtureCampaign;

beforeAll(() => {
  db = openDatabase(":memory:");
  campaign = createFixtureCampaign(db);
  app = createApp({ db, config: { submissionsPerMinute: 1_000_000_000 } });
});

const stored = () =>
  (db.$client.prepare("SELECT count(*) AS n FROM responses").get() as { n: number }).n;

async function expectRefused(response: Response) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body).toMatchObject({
    status: response.status,
    type: expect.stringMatching(/^urn:peilpunt:problem:/),
  });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
}

function post(body: BodyInit, contentType = "application/json", slug = campaign.slug) {
  return app.request(`/api/campaigns/${slug}/responses`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });
}

const deepValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...DANGEROUS_KEYS)),
      tie("value"),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** A value that is wrong for the named fixture question. */
function wrongValueFor(question: string): fc.Arbitrary<unknown> {
  const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string()), fc.constant({}));
  switch (question) {
    case "unit":
      return fc.oneof(
        notAString,
        fc.string({ maxLength: 40 }).filter((s) => !campaign.inScope.includes(s)),
      );
    case "gender":
    case "excluded":
      return fc.oneof(
        notAString,
        fc
          .string()
          .filter(
            (s) => !["woman", "man", "another", "prefer_not_to_say", "yes", "no"].includes(s),
          ),
      );
    case "satisfaction":
      // NaN and infinities are left out: JSON turns them into null, a valid "no answer".
      return fc.oneof(
        fc.integer().filter((n) => n < 1 || n > 5),
        fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
        fc.string(),
      );
    case "climate":
      return fc.oneof(
        notAString,
        fc.dictionary(fc.string(), fc.integer({ min: 6 }), { minKeys: 1, maxKeys: 3 }),
      );
    case "grounds":
      return fc.oneof(
        fc.constant([]),
        fc.array(fc.string({ minLength: 30 }), { minLength: 1, maxLength: 50 }),
      );
    case "knows_trust_person":
      return fc.oneof(fc.string(), fc.integer(), fc.constant([]));
    default:
      return fc.oneof(
        fc.string({ minLength: 51, maxLength: 5_000 }),
        fc.integer(),
        fc.array(fc.string()),
      );
  }
}

const invalidAnswers = fc.oneof(
  // An unknown or dangerous key next to anything.
  fc
    .record({
      extra: fc.oneof(
        fc.string({ minLength: 1 }).filter((k) => !QUESTIONS.includes(k)),
        fc.constantFrom(...DANGEROUS_KEYS),
      ),
      value: deepValue,
    })
    .map(({ extra, value }) =>
      JSON.parse(`{${JSON.stringify(extra)}: ${JSON.stringify(value ?? null)}, "excluded": "no"}`),
    ),
  // A known question with a wrong value.
  fc
    .constantFrom(...QUESTIONS)
    .chain((question) => wrongValueFor(question).map((value) => ({ question, value })))
    .map(({ question, value }) => ({
      unit: campaign.inScope[0],
      excluded: "no",
      [question]: value,
    })),
  // A hidden question answered.
  fc.constant(null).map(() => ({ unit: campaign.inScope[0], excluded: "no", grounds: ["origin"] })),
  // Deeply nested or oversized values in a text question.
  fc.nat({ max: 3000 }).map((depth) => ({
    unit: campaign.inScope[0],
    excluded: "no",
    comment: JSON.parse(`${"[".repeat(depth + 1)}${"]".repeat(depth + 1)}`),
  })),
);

describe("hostile input against the respondent API", () => {
  const heapBefore = process.memoryUsage().heapUsed;

  it("refuses invalid answers with 422 problem+json and stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(invalidAnswers, async (answers) => {
        await expectRefused(await post(JSON.stringify({ answers })));
      }),
      { numRuns: RUNS_PER_PROPERTY },
    );
    expect(stored()).toBe(0);
  });

  it("refuses bodies that are not a JSON object with answers: bad JSON, bad bytes, wrong shapes", async () => {
    const rawBodies = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .uint8Array({ maxLength: 200 })
        .map((bytes) => new Uint8Array([0x7b, 0xff, 0xfe, ...bytes])),
      deepValue.map((value) => JSON.stringify(value ?? null)),
      deepValue.map((value) =>
        JSON.stringify({ answers: { excluded: "no" }, extra: value ?? null }),
      ),
      fc.constant(`{"answers": ${"[".repeat(100_000)}`),
    );
    await fc.assert(
      fc.asyncProperty(rawBodies, async (body) => {
        await expectRefused(await post(body));
      }),
      { numRuns: RUNS_PER_PROPERTY },
    );
    expect(stored()).toBe(0);
  });

  it("refuses wrong content types, odd slugs and wrong methods", async () => {
    const valid = JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no" } });
    const requests = fc.oneof(
      fc
        .oneof(
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "",
          ),
          fc.string(),
        )
        .filter((type) => !/^application\/json\s*(;|$)/i.test(type))
        .map((type) => () => post(valid, type)),
      fc
        .oneof(
          fc.constantFrom(
            "..",
            "../etc/passwd",
            "%2e%2e%2f",
            "a/../../b",
            "%00",
            "UPPER",
            "x".repeat(200),
          ),
          fc.string({ minLength: 1, maxLength: 40 }),
        )
        .filter((slug) => slug !== campaign.slug)
        .map(
          (slug) => () =>
            post(valid, "application/json", encodeURIComponent(slug).replace(/%2F/g, "/")),
        ),
      fc.constantFrom("PUT", "DELETE", "PATCH").map(
        (method) => () =>
          app.request(`/api/campaigns/${campaign.slug}/responses`, {
            method,
            body: valid,
            headers: { "Content-Type": "application/json" },
          }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (send) => {
        await expectRefused(await send());
      }),
      { numRuns: RUNS_PER_PROPERTY },
    );
    expect(stored()).toBe(0);
  });

  it("leaves no prototype polluted and the heap bounded", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    expect(growthMb).toBeLessThan(300);
  });
});

describe("hostile connections against a real server", () => {
  let server: ReturnType<typeof listen>;
  let port: number;

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = listen(
        app,
        { port: 0, hostname: "127.0.0.1", headersTimeoutMs: 1000, requestTimeoutMs: 2000 },
        () => resolve(),
      );
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 431 to oversized headers", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/campaigns/${campaign.slug}/form`, {
      headers: { "x-padding": "x".repeat(64 * 1024) },
    });
    expect(response.status).toBe(431);
  });

  it("cuts off a client that never finishes its headers (slowloris)", {
    timeout: 15_000,
  }, async () => {
    const socket = connect(port, "127.0.0.1");
    socket.write(`POST /api/campaigns/${campaign.slug}/responses HTTP/1.1\r\nHost: x\r\n`);
    const started = Date.now();
    // Node answers 408 and closes the socket; either shows the client was cut off.
    const ending = await new Promise<string>((resolve) => {
      socket.on("data", (chunk) => resolve(chunk.toString().split("\r\n")[0] ?? ""));
      socket.on("close", () => resolve("closed"));
    });
    socket.destroy();
    expect(ending).toMatch(/408|closed/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("still serves after all of the above", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/campaigns/${campaign.slug}/form`);
    expect(response.status).toBe(200);
  });
});
