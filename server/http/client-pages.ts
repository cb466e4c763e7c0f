import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono, type MiddlewareHandler } from "hono";

/** Hashed file names change with their content, so a browser may keep them for good. */
export const ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * Serves the built client (`vite build` output): hashed assets, the respondent entry (the front
 * door at `/`, surveys, the privacy page) and the admin entry (loaded apart, so respondents never
 * download the admin screens). Assets are sent as the brotli or gzip copy the build wrote beside
 * them (`precompressAssets` in vite.config.ts) when the browser accepts it.
 */
export function clientPages(clientDir: string) {
  const app = new Hono();
  const respondentPage = entryPage(join(clientDir, "respondent", "index.html"));
  const adminPage = entryPage(join(clientDir, "admin", "index.html"));
  app.get("/", respondentPage);
  app.get("/s/:slug", (c) => {
    c.header("Link", formPreload(c.req.param("slug"), c.req.query("unit")));
    return respondentPage(c);
  });
  app.get("/privacy", respondentPage);
  app.get("/admin", adminPage);
  app.get("/admin/*", adminPage);
  app.use(
    "/assets/*",
    assetCaching,
    serveStatic({ root: relative(process.cwd(), clientDir) || ".", precompressed: true }),
  );
  return app;
}

/**
 * Long caching for assets that were found, and `Vary: Accept-Encoding` on every one of them
 * (also when sent uncompressed), so a shared cache never hands brotli to a browser that asked
 * for none. Runs around serveStatic, which answers without calling what follows it.
 */
const assetCaching: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  c.res.headers.set("Cache-Control", ASSET_CACHE_CONTROL);
  if (!/accept-encoding/i.test(c.res.headers.get("Vary") ?? "")) {
    c.res.headers.append("Vary", "Accept-Encoding");
  }
};

/**
 * Asks the browser to fetch the campaign's form while it loads the page's code, one round trip
 * earlier than the code itself would ask (on a phone at 150 ms per round trip, a third of a
 * repeat visit). The address must be exactly the one `fetchForm` in
 * client/respondent/respondent-api.ts requests, or the browser fetches the form twice.
 */
function formPreload(slug: string, unit: string | undefined): string {
  const query = unit ? `?unit=${encodeURIComponent(unit)}` : "";
  const url = `/api/campaigns/${encodeURIComponent(slug)}/form${query}`;
  return `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`;
}

/** One built HTML entry, read once; 503 until `npm run build` has made it. */
function entryPage(file: string) {
  let cachedHtml: string | undefined;
  return (c: Context) => {
    if (cachedHtml === undefined) {
      if (!existsSync(file)) return c.text("The client is not built: run `npm run build`.", 503);
      cachedHtml = readFileSync(file, "utf8");
    }
    c.header("Cache-Control", "no-store");
    return c.html(cachedHtml);
  };
}
