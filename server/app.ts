import { Hono } from "hono";
import type { Db } from "./db/open-database";
import { clientPages } from "./http/client-pages";
import { handleError, problemResponse, statusProblem } from "./http/problem-response";
import { securityHeaders } from "./http/security-headers";
import { respondentRoutes } from "./routes/respondent";

export interface AppOptions {
  db: Db;
  config?: {
    /** Folder of the built client; pages answer 503 until it exists. */
    clientDir?: string;
    /** Clock, injectable for tests of opening and closing dates. */
    now?: () => Date;
  };
}

/** Builds the HTTP application; nothing listens here (see main.ts). */
export function createApp({ db, config = {} }: AppOptions) {
  const now = config.now ?? (() => new Date());
  const app = new Hono();
  app.use(securityHeaders);
  app.route("/api/campaigns", respondentRoutes({ db, now }));
  if (config.clientDir) app.route("/", clientPages(config.clientDir));
  app.notFound((c) =>
    problemResponse(c, 404, statusProblem(404, "There is nothing at this address.")),
  );
  app.onError(handleError);
  return app;
}
