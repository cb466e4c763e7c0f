import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { campaignFormSchema } from "../../../server/contract/respondent-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { chooseEncoding } from "../../../server/http/compress-json";
import { loadBundledVersions } from "../../../server/questionnaires/load-bundled-versions";
import { insertUser, signIn } from "../admin-fixture";
import { createFixtureCampaign, type FixtureCampaign } from "../campaign-fixture";

// The respondent form (GET /api/campaigns/:slug/form) is the one sizeable JSON a respondent
// downloads on every visit; on a slow phone its bytes are time (issue 11).

let db: DbConnection;
let app: ReturnType<typeof createApp>;
let fixture: FixtureCampaign;

const diagnosisText = loadBundledVersions().find(
  (version) => version.slug === "diversity-diagnosis",
)?.text;
const diagnosis = JSON.parse(diagnosisText ?? "null") as unknown;

beforeEach(() => {
  db = openDatabase(":memory:");
  app = createApp({ db });
  // The real diagnosis questionnaire, so sizes are those respondents get.
  fixture = createFixtureCampaign(db, { definition: diagnosis });
});

const form = (acceptEncoding?: string, slug = fixture.slug) =>
  app.request(
    `/api/campaigns/${slug}/form`,
    acceptEncoding === undefined ? {} : { headers: { "Accept-Encoding": acceptEncoding } },
  );
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("the respondent form, compressed", () => {
  it("is brotli for a browser that accepts it, gzip otherwise, the same JSON either way, and under a third of its size", async () => {
    const plain = await form("identity");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    const original = await bytes(plain);
    const json = campaignFormSchema.parse(JSON.parse(new TextDecoder().decode(original)));
    expect(json.campaign.slug).toBe(fixture.slug);

    const br = await form("gzip, deflate, br, zstd");
    expect(br.status).toBe(200);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("content-type")).toMatch(/^application\/json/);
    expect(br.headers.get("cache-control")).toBe("no-store");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    const brBytes = await bytes(br);
    expect(brotliDecompressSync(brBytes)).toEqual(Buffer.from(original));

    const gzip = await form("gzip, deflate");
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    const gzipBytes = await bytes(gzip);
    expect(gunzipSync(gzipBytes)).toEqual(Buffer.from(original));

    // Measured: the diagnosis form is about 25 kB of JSON and about 6 kB compressed.
    console.info(
      `respondent form: ${original.byteLength} B as JSON, ${gzipBytes.byteLength} B gzip (${pct(gzipBytes, original)}), ${brBytes.byteLength} B brotli (${pct(brBytes, original)})`,
    );
    expect(original.byteLength).toBeGreaterThan(15_000);
    expect(brBytes.byteLength).toBeLessThan(original.byteLength / 3);
    expect(gzipBytes.byteLength).toBeLessThan(original.byteLength / 3);
  });

  it("goes uncompressed to a client that accepts no coding, and never compresses a problem", async () => {
    const none = await form();
    expect(none.status).toBe(200);
    expect(none.headers.get("content-encoding")).toBeNull();
    expect(campaignFormSchema.safeParse(await none.json()).success).toBe(true);

    const missing = await form("br, gzip", "no-such-survey");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-encoding")).toBeNull();
    expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("is never stale: a new thank-you text is in the very next compressed answer", async () => {
    const before = JSON.parse(brotliDecompressSync(await bytes(await form("br"))).toString());
    expect(before.campaign.thanksText.nl).toBe("");
    const coordinator = await signIn(
      app,
      insertUser(db, "coordinator", { organisationId: fixture.organisationId }),
    );
    const edited = await coordinator.request("PATCH", `/api/admin/campaigns/${fixture.slug}`, {
      body: { thanksText: { nl: "Resultaten in juni.", fr: "", en: "" } },
    });
    expect(edited.status).toBe(200);
    const after = JSON.parse(brotliDecompressSync(await bytes(await form("br"))).toString());
    expect(after.campaign.thanksText.nl).toBe("Resultaten in juni.");
    // And a repeated answer is the same bytes (the kept copy).
    expect(await bytes(await form("br"))).toEqual(await bytes(await form("br")));
  });
});

describe("a unit's own link", () => {
  it("gets its own form compressed (never a kept copy of another unit's)", async () => {
    for (const unit of fixture.inScope) {
      const response = await app.request(`/api/campaigns/${fixture.slug}/form?unit=${unit}`, {
        headers: { "Accept-Encoding": "br" },
      });
      expect(response.headers.get("content-encoding")).toBe("br");
      const text = brotliDecompressSync(await bytes(response)).toString();
      expect(text).toContain(`"defaultValue":"${unit}"`);
    }
  });
});

describe("choosing the encoding", () => {
  it("prefers brotli, honours q=0 and the wildcard, and falls back to none", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("deflate")).toBeNull();
    expect(chooseEncoding("")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding("BR")).toBe("br");
  });
});

function pct(part: Uint8Array, whole: Uint8Array): string {
  return `${Math.round((100 * part.byteLength) / whole.byteLength)}%`;
}
