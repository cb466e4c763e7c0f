import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";

/**
 * Serves the built client (`vite build` output): hashed assets, the respondent entry (the front
 * door at `/`, surveys, the privacy page) and the admin entry (loaded apart, so respondents never download the admin screens).
 */
export function clientPages(clientDir: string) {
  const app = new Hono();
  const respondentPage = entryPage(join(clientDir, "respondent", "index.html"));
  const adminPage = entryPage(join(clientDir, "admin", "index.html"));
  app.get("/", respondentPage);
  app.get("/s/:slug", respondentPage);
  app.get("/privacy", respondentPage);
  app.get("/admin", adminPage);
  app.get("/admin/*", adminPage);
  app.use(
    "/assets/*",
    serveStatic({ root: relative(process.cwd(), clientDir) || "." }),
    async (c, next) => {
      await next();
      if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
    },
  );
  return app;
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
