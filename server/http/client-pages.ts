import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";

/** Serves the built client (`vite build` output): hashed assets and the respondent entry. */
export function clientPages(clientDir: string) {
  const app = new Hono();
  const respondentHtml = join(clientDir, "respondent", "index.html");
  let cachedHtml: string | undefined;
  const page = () => {
    if (cachedHtml === undefined) {
      if (!existsSync(respondentHtml)) return undefined;
      cachedHtml = readFileSync(respondentHtml, "utf8");
    }
    return cachedHtml;
  };
  const servePage = (c: Context) => {
    const html = page();
    if (html === undefined) {
      return c.text("The client is not built: run `npm run build`.", 503);
    }
    c.header("Cache-Control", "no-store");
    return c.html(html);
  };
  app.get("/s/:slug", servePage);
  app.get("/privacy", servePage);
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
