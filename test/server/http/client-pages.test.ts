import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import { openDatabase } from "../../../server/db/open-database";
import { ASSET_CACHE_CONTROL } from "../../../server/http/client-pages";

// A built client as `vite build` leaves it: hashed assets with their brotli and gzip copies.
const script = `export const greeting = ${JSON.stringify("hallo ".repeat(500))};\n`;
let clientDir: string;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  clientDir = mkdtempSync(join(tmpdir(), "peilpunt-client-"));
  mkdirSync(join(clientDir, "assets"));
  mkdirSync(join(clientDir, "respondent"));
  writeFileSync(join(clientDir, "respondent", "index.html"), "<!doctype html><title>x</title>");
  writeFileSync(join(clientDir, "assets", "respondent-Ab12.js"), script);
  writeFileSync(join(clientDir, "assets", "respondent-Ab12.js.br"), brotliCompressSync(script));
  writeFileSync(join(clientDir, "assets", "respondent-Ab12.js.gz"), gzipSync(script));
  writeFileSync(join(clientDir, "assets", "tiny-Cd34.css"), "a{color:red}");
  app = createApp({ db: openDatabase(":memory:"), config: { clientDir } });
});

afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, acceptEncoding ? { headers: { "Accept-Encoding": acceptEncoding } } : {});

describe("client assets", () => {
  it("sends the brotli copy to a browser that accepts it, cached for good", async () => {
    const response = await get("/assets/respondent-Ab12.js", "gzip, deflate, br, zstd");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Encoding")).toBe("br");
    expect(response.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("Vary")).toMatch(/Accept-Encoding/i);
    expect(response.headers.get("Cache-Control")).toBe(ASSET_CACHE_CONTROL);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("sends gzip where brotli is not accepted, and the original where nothing is", async () => {
    const gzipped = await get("/assets/respondent-Ab12.js", "gzip, deflate");
    expect(gzipped.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(script);

    const plain = await get("/assets/respondent-Ab12.js");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    // Also uncompressed answers vary: a shared cache must not give them to a brotli browser.
    expect(plain.headers.get("Vary")).toMatch(/Accept-Encoding/i);
    expect(plain.headers.get("Cache-Control")).toBe(ASSET_CACHE_CONTROL);
    expect(await plain.text()).toBe(script);
  });

  it("sends a file without compressed copies as it is", async () => {
    const response = await get("/assets/tiny-Cd34.css", "br, gzip");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Encoding")).toBeNull();
    expect(await response.text()).toBe("a{color:red}");
  });

  it("never caches a missing asset or the HTML entry", async () => {
    const missing = await get("/assets/gone-Zz99.js", "br");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Cache-Control")).not.toBe(ASSET_CACHE_CONTROL);
    const page = await get("/s/any-campaign", "br");
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
  });

  it("has the survey page ask for its campaign's form at once, at the address the page uses", async () => {
    const page = await get("/s/diagnose-2026?unit=u%201");
    expect(page.headers.get("Link")).toBe(
      "</api/campaigns/diagnose-2026/form?unit=u%201>; rel=preload; as=fetch; crossorigin=anonymous",
    );
    const privacy = await get("/privacy");
    expect(privacy.headers.get("Link")).toBeNull();
  });

  it("does not serve a compressed copy by its own name outside the assets folder", async () => {
    const response = await get("/assets/../respondent/index.html", "br");
    expect(response.status).toBe(404);
  });
});
