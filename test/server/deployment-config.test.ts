import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { readConfig } from "../../server/config";
import { type DbConnection, openDatabase } from "../../server/db/open-database";
import { forwardedAddress, socketAddress } from "../../server/http/rate-limit";
import { expectProblem, insertUser, PASSWORD } from "./admin-fixture";

let db: DbConnection;
beforeAll(() => {
  db = openDatabase(":memory:");
});
afterAll(() => db.$client.close());

describe("configuration behind a reverse proxy", () => {
  it("needs the public origin once the server listens beyond loopback", () => {
    expect(() => readConfig({ HOST: "0.0.0.0" })).toThrow(/PEILPUNT_PUBLIC_ORIGIN/);
    const proxied = readConfig({
      HOST: "0.0.0.0",
      PEILPUNT_PUBLIC_ORIGIN: "https://peilpunt.example.be/",
      PEILPUNT_TRUST_PROXY: "x-forwarded-for",
    });
    expect(proxied.publicOrigin).toBe("https://peilpunt.example.be");
    expect(proxied.secureCookies).toBe(true);
    expect(proxied.trustProxy).toBe("x-forwarded-for");
    // The usual set-up: the proxy terminates TLS, Peilpunt listens on loopback behind it.
    const behindProxy = readConfig({ PEILPUNT_PUBLIC_ORIGIN: "https://peilpunt.example.be" });
    expect(behindProxy.secureCookies).toBe(true);
    expect(readConfig({}).trustProxy).toBe("none");
    expect(() => readConfig({ PEILPUNT_PUBLIC_ORIGIN: "https://x.example/admin" })).toThrow(
      /PEILPUNT_PUBLIC_ORIGIN/,
    );
    expect(() => readConfig({ PEILPUNT_TRUST_PROXY: "forwarded" })).toThrow(/PEILPUNT_TRUST_PROXY/);
  });
});

/** Serves an app on a loopback socket, so that client addresses are real. */
async function served(app: ReturnType<typeof createApp>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Statuses of code checks sent with the given X-Forwarded-For values, in order. */
async function codeChecks(
  clientAddress: typeof socketAddress,
  forwardedFor: string[],
): Promise<number[]> {
  const app = createApp({ db, config: { submissionsPerMinute: 2, clientAddress } });
  const { origin, close } = await served(app);
  try {
    const statuses: number[] = [];
    for (const value of forwardedFor) {
      const response = await fetch(`${origin}/api/campaigns/no-such-survey/code-check`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": value },
        body: JSON.stringify({ code: "x" }),
      });
      statuses.push(response.status);
    }
    return statuses;
  } finally {
    await close();
  }
}

describe("client addresses for the per-client limits", () => {
  it("ignore forwarded headers by default: a client cannot pick a fresh address per request", async () => {
    expect(await codeChecks(socketAddress, ["10.0.0.1", "10.0.0.2", "10.0.0.3"])).toEqual([
      404, 404, 429,
    ]);
  });

  it("follow the proxy's X-Forwarded-For entry when told to, not the ones a client sends", async () => {
    const proxied = forwardedAddress("x-forwarded-for");
    expect(await codeChecks(proxied, ["10.0.0.1", "10.0.0.2", "10.0.0.3"])).toEqual([
      404, 404, 404,
    ]);
    // A client that prepends made-up addresses is still counted under the one the proxy added.
    expect(
      await codeChecks(proxied, ["1.1.1.1, 10.0.0.9", "2.2.2.2, 10.0.0.9", "10.0.0.9"]),
    ).toEqual([404, 404, 429]);
  });
});

async function signIn(app: ReturnType<typeof createApp>, headers: Record<string, string>) {
  return app.request("http://localhost/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ email: insertUser(db, "admin"), password: PASSWORD }),
  });
}

describe("the origin check", () => {
  it("refuses a forged Host that would make another site look same-origin (DNS rebinding)", async () => {
    const local = createApp({ db });
    await expectProblem(
      await signIn(local, { Host: "evil.example:8787", Origin: "http://evil.example:8787" }),
      403,
      "cross-origin",
    );
    expect((await signIn(local, { Origin: "http://localhost" })).status).toBe(200);
  });

  it("accepts only the configured public origin behind a proxy, whatever the Host says", async () => {
    const proxied = createApp({ db, config: { publicOrigin: "https://peilpunt.example.be" } });
    expect(
      (await signIn(proxied, { Host: "127.0.0.1:8787", Origin: "https://peilpunt.example.be" }))
        .status,
    ).toBe(200);
    for (const origin of [
      "http://peilpunt.example.be",
      "http://localhost",
      "https://evil.example",
    ]) {
      await expectProblem(
        await signIn(proxied, { Host: new URL(origin).host, Origin: origin }),
        403,
        "cross-origin",
      );
    }
  });
});

describe("security headers", () => {
  it("send HSTS only over HTTPS and one framing policy", async () => {
    const local = await createApp({ db }).request("http://localhost/api/campaigns/x/form");
    expect(local.headers.get("strict-transport-security")).toBeNull();
    expect(local.headers.get("x-frame-options")).toBe("DENY");
    expect(local.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const proxied = await createApp({
      db,
      config: { publicOrigin: "https://peilpunt.example.be" },
    }).request("http://localhost/api/campaigns/x/form");
    expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });
});

describe("request bodies", () => {
  it("refuses a JSON body declared in another charset instead of reading it as UTF-8", async () => {
    const app = createApp({ db });
    for (const charset of ["latin1", "iso-8859-1", "utf-16"]) {
      const response = await app.request("http://localhost/api/campaigns/x/responses", {
        method: "POST",
        headers: { "Content-Type": `application/json; charset=${charset}` },
        body: JSON.stringify({ answers: {} }),
      });
      await expectProblem(response, 415, "unsupported-media-type");
    }
    const utf8 = await app.request("http://localhost/api/campaigns/x/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=UTF-8" },
      body: JSON.stringify({ answers: {} }),
    });
    expect(utf8.status).toBe(404);
  });
});
