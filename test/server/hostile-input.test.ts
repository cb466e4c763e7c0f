import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { listen } from "../../server/http/listen";
import { MAX_SUBMISSION_BYTES } from "../../server/routes/respondent";
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

let db: DbConnection;
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

const answersWith = (fields: Record<string, unknown>) => ({
  unit: campaign.inScope[0],
  excluded: "no",
  ...fields,
});

const invalidAnswers = fc.oneof(
  // An unknown or dangerous key next to otherwise valid answers.
  fc
    .record({
      extra: fc.oneof(
        fc.string({ minLength: 1 }).filter((k) => !QUESTIONS.includes(k)),
        fc.constantFrom(...DANGEROUS_KEYS),
      ),
      value: deepValue,
    })
    .map(({ extra, value }) =>
      // Built as text: an object literal with a "__proto__" key would set a prototype instead.
      JSON.parse(
        `{${JSON.stringify(extra)}: ${JSON.stringify(value ?? null)}, "unit": ${JSON.stringify(campaign.inScope[0])}, "excluded": "no"}`,
      ),
    ),
  // A known question with a wrong value.
  fc
    .constantFrom(...QUESTIONS)
    .chain((question) => wrongValueFor(question).map((value) => ({ question, value })))
    .map(({ question, value }) => answersWith({ [question]: value })),
  // A matrix with a dangerous row next to a valid one, every value a valid column.
  fc
    .record({ row: fc.constantFrom(...DANGEROUS_KEYS), column: fc.integer({ min: 1, max: 5 }) })
    .map(({ row, column }) =>
      answersWith({ climate: JSON.parse(`{"respected": 3, ${JSON.stringify(row)}: ${column}}`) }),
    ),
  // A hidden question answered.
  fc.constant(null).map(() => answersWith({ grounds: ["origin"] })),
  // Deeply nested or oversized values in a text question.
  fc
    .nat({ max: 3000 })
    .map((depth) =>
      answersWith({ comment: JSON.parse(`${"[".repeat(depth + 1)}${"]".repeat(depth + 1)}`) }),
    ),
);

const encode = (text: string) => new TextEncoder().encode(text);
const concatBytes = (...parts: Uint8Array[]) => {
  const joined = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
};

/** Invalid UTF-8: lone continuation bytes, overlong forms, surrogates, bytes never used. */
const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0xae],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
);

/** Counts every generated case, so the run proves it sent at least MIN_CASES. */
let cases = 0;
const MIN_CASES = 10_000;

async function assertAllRefused<T>(
  arbitrary: fc.Arbitrary<T>,
  send: (value: T) => Response | Promise<Response>,
) {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      cases += 1;
      await expectRefused(await send(value));
    }),
    { numRuns: RUNS_PER_PROPERTY },
  );
  expect(stored()).toBe(0);
}

// Forces a full collection, so heap figures compare live objects rather than garbage.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
function settledHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe("hostile input against the respondent API", () => {
  let heapBefore = 0;
  beforeAll(async () => {
    // Warm up once (validator compiled, statements prepared) before the baseline.
    await post(JSON.stringify({ answers: { excluded: "no" } }));
    heapBefore = settledHeap();
  });

  it("refuses invalid answers with 422 problem+json and stores nothing", async () => {
    await assertAllRefused(invalidAnswers, (answers) => post(JSON.stringify({ answers })));
  });

  it("refuses bodies that are not a JSON object with answers: bad JSON, bad bytes, wrong shapes, too large", async () => {
    const validHead = encode(
      `{"answers": {"unit": ${JSON.stringify(campaign.inScope[0])}, "excluded": "no", "comment": "a`,
    );
    const rawBodies = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .uint8Array({ maxLength: 200 })
        .map((bytes) => new Uint8Array([0x7b, 0xff, 0xfe, ...bytes])),
      // A submission that would be valid but for invalid UTF-8 inside the comment.
      invalidUtf8.map((bad) => concatBytes(validHead, new Uint8Array(bad), encode('"}}'))),
      deepValue.map((value) => JSON.stringify(value ?? null)),
      deepValue.map((value) => JSON.stringify({ answers: value ?? null })),
      fc
        .record({
          key: fc.oneof(fc.string(), fc.constantFrom(...DANGEROUS_KEYS)),
          value: deepValue,
        })
        .filter(({ key }) => key !== "answers")
        .map(
          ({ key, value }) =>
            `{"answers": {"excluded": "no"}, ${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}}`,
        ),
      // Over the 64 KiB limit: a long text, a long list (413).
      fc
        .integer({ min: MAX_SUBMISSION_BYTES, max: 4 * MAX_SUBMISSION_BYTES })
        .map((length) => JSON.stringify({ answers: answersWith({ comment: "x".repeat(length) }) })),
      fc.integer({ min: 10_000, max: 40_000 }).map((length) =>
        JSON.stringify({
          answers: answersWith({ excluded: "yes", grounds: Array(length).fill("origin") }),
        }),
      ),
      fc.constant(`{"answers": ${"[".repeat(60_000)}`),
    );
    await assertAllRefused(rawBodies, (body) => post(body));
  });

  it("refuses wrong content types, also with huge header values", async () => {
    const valid = JSON.stringify({ answers: answersWith({}) });
    const contentTypes = fc
      .oneof(
        fc.constantFrom(
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "application/jsonp",
          "application/json-patch+json",
          "text/json",
          "",
        ),
        fc.string(),
        fc.nat({ max: 200_000 }).map((n) => `text/plain; padding=${"x".repeat(n)}`),
      )
      .filter((type) => !/^application\/json\s*(;|$)/i.test(type));
    await assertAllRefused(contentTypes, (type) => post(valid, type));
  });

  it("refuses odd slugs on both routes and wrong methods", async () => {
    const valid = JSON.stringify({ answers: answersWith({}) });
    const oddSegment = fc
      .oneof(
        // Already percent-encoded or raw: traversal, NUL, bad escapes, overlong UTF-8, case.
        fc.constantFrom(
          "..",
          "%2e%2e",
          "%2e%2e%2f%2e%2e",
          "..%2f..%2fetc%2fpasswd",
          "a%2fb",
          "%00",
          "%ff",
          "%c0%ae%c0%ae",
          "%",
          "%zz",
          "UPPER",
          "-leading-dash",
          "x".repeat(81),
          "x".repeat(5_000),
        ),
        fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent),
      )
      .filter((segment) => segment !== campaign.slug);
    const requests = fc.oneof(
      oddSegment.map((slug) => () => post(valid, "application/json", slug)),
      oddSegment.map((slug) => () => app.request(`/api/campaigns/${slug}/form`)),
      fc
        .constantFrom("../../etc/passwd", "..\\..\\windows", "./", "//")
        .map(
          (path) => () =>
            app.request(`/api/campaigns/${path}/responses`, { method: "POST", body: valid }),
        ),
      fc
        .record({
          method: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"),
          route: fc.constantFrom("responses", "form"),
        })
        .filter(({ method, route }) => !(method === "GET" && route === "form"))
        .map(
          ({ method, route }) =>
            () =>
              app.request(`/api/campaigns/${campaign.slug}/${route}`, {
                method,
                body: method === "GET" ? undefined : valid,
                headers: { "Content-Type": "application/json" },
              }),
        ),
      fc.constant(() =>
        app.request(`/api/campaigns/${campaign.slug}/form`, {
          method: "POST",
          body: valid,
          headers: { "Content-Type": "application/json" },
        }),
      ),
    );
    await assertAllRefused(requests, (send) => send());
  });

  // Two findings of this test, kept as named cases: both were stored with 201 before.
  it("refuses a matrix row named __proto__ (zod's record output dropped it silently)", async () => {
    const body = `{"answers": {"unit": ${JSON.stringify(campaign.inScope[0])}, "excluded": "no", "climate": {"respected": 3, "__proto__": 1}}}`;
    const response = await post(body);
    expect(response.status).toBe(422);
    await expectRefused(response);
  });

  it("refuses invalid UTF-8 inside a text answer (it was decoded to U+FFFD and stored)", async () => {
    const body = concatBytes(
      encode(
        `{"answers": {"unit": ${JSON.stringify(campaign.inScope[0])}, "excluded": "no", "comment": "a`,
      ),
      new Uint8Array([0xff]),
      encode('"}}'),
    );
    const response = await post(body);
    expect(response.status).toBe(400);
    await expectRefused(response);
    expect(stored()).toBe(0);
  });

  it(`sent at least ${MIN_CASES} cases, left no prototype polluted and the heap bounded`, () => {
    expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(Object.keys(Array.prototype)).toEqual([]);
    const growthMb = (settledHeap() - heapBefore) / 1024 / 1024;
    expect(growthMb).toBeLessThan(64);
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

  /** Writes `head` and then nothing; resolves with how the server ended it and how soon. */
  async function stallAfter(head: string) {
    const socket = connect(port, "127.0.0.1");
    socket.write(head);
    const started = Date.now();
    // Node answers 408 and closes the socket; either shows the client was cut off.
    const ending = await new Promise<string>((resolve) => {
      socket.on("data", (chunk) => resolve(chunk.toString().split("\r\n")[0] ?? ""));
      socket.on("close", () => resolve("closed"));
      socket.on("error", () => resolve("closed"));
    });
    socket.destroy();
    return { ending, seconds: (Date.now() - started) / 1000 };
  }

  it("cuts off a client that never finishes its headers (slowloris)", {
    timeout: 15_000,
  }, async () => {
    const { ending, seconds } = await stallAfter(
      `POST /api/campaigns/${campaign.slug}/responses HTTP/1.1\r\nHost: x\r\n`,
    );
    expect(ending).toMatch(/408|closed/);
    expect(seconds).toBeLessThan(10);
  });

  it("cuts off a client that sends its body too slowly", { timeout: 15_000 }, async () => {
    const logged = vi.spyOn(console, "error");
    const { ending, seconds } = await stallAfter(
      `POST /api/campaigns/${campaign.slug}/responses HTTP/1.1\r\nHost: x\r\n` +
        `Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"answers":`,
    );
    expect(ending).toMatch(/408|closed/);
    expect(seconds).toBeLessThan(10);
    expect(stored()).toBe(0);
    // The aborted body reaches the handler a moment later; it is not an error of ours to log.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logged).not.toHaveBeenCalled();
  });

  it("answers 413 problem+json to a body over the limit", async () => {
    const response = await fetch(
      `http://127.0.0.1:${port}/api/campaigns/${campaign.slug}/responses`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: { comment: "x".repeat(2 * 1024 * 1024) } }),
      },
    );
    await expectRefused(response);
    expect(response.status).toBe(413);
    expect(stored()).toBe(0);
  });

  it("still serves after all of the above", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/campaigns/${campaign.slug}/form`);
    expect(response.status).toBe(200);
  });
});
