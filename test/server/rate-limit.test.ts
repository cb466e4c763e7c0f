import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open-database";
import { listen } from "../../server/http/listen";
import { clientNetwork, rateLimit } from "../../server/http/rate-limit";
import { createFixtureCampaign } from "./campaign-fixture";

const byHeader = (c: { req: { header: (name: string) => string | undefined } }) =>
  c.req.header("x-client");

function limitedApp(options: { limit: number; maxClients?: number }) {
  let time = 1_000_000;
  const limiter = rateLimit({
    ...options,
    windowMs: 60_000,
    clientAddress: byHeader,
    clock: () => time,
  });
  const app = new Hono().use(limiter).get("/", (c) => c.text("ok"));
  const hit = (client: string) => app.request("/", { headers: { "x-client": client } });
  return { hit, limiter, advance: (ms: number) => (time += ms) };
}

describe("rateLimit", () => {
  it("refuses the request past the limit with 429 problem+json and Retry-After", async () => {
    const { hit } = limitedApp({ limit: 3 });
    for (let i = 0; i < 3; i++) expect((await hit("10.0.0.1")).status).toBe(200);
    const refused = await hit("10.0.0.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      status: 429,
      type: "urn:peilpunt:problem:too-many-requests",
    });
  });

  it("counts each address apart", async () => {
    const { hit } = limitedApp({ limit: 1 });
    expect((await hit("a")).status).toBe(200);
    expect((await hit("a")).status).toBe(429);
    expect((await hit("b")).status).toBe(200);
  });

  it("forgets an address once its window is over", async () => {
    const { hit, limiter, advance } = limitedApp({ limit: 1 });
    await hit("a");
    expect((await hit("a")).status).toBe(429);
    expect(limiter.trackedClients()).toBe(1);
    advance(60_001);
    expect((await hit("b")).status).toBe(200);
    expect(limiter.trackedClients()).toBe(1);
    expect((await hit("a")).status).toBe(200);
  });

  it("keeps memory bounded: past maxClients new addresses pass untracked", async () => {
    const { hit, limiter } = limitedApp({ limit: 1, maxClients: 10 });
    for (let i = 0; i < 50; i++) expect((await hit(`client-${i}`)).status).toBe(200);
    expect(limiter.trackedClients()).toBe(10);
  });
});

describe("clientNetwork", () => {
  it("counts an IPv6 client by its /64, which one subscriber holds whole", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientNetwork("1::2:3:4:5:6.7.8.9")).toBe("1:0:2:3::/64");
    expect(clientNetwork("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("keeps IPv4 addresses, also IPv4-mapped ones, and other keys as they are", () => {
    expect(clientNetwork("192.0.2.7")).toBe("192.0.2.7");
    expect(clientNetwork("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientNetwork("client-1")).toBe("client-1");
  });

  it("limits a client that rotates through the addresses of its /64", async () => {
    const { hit } = limitedApp({ limit: 2 });
    expect((await hit("2001:db8:1:2::1")).status).toBe(200);
    expect((await hit("2001:db8:1:2::2")).status).toBe(200);
    expect((await hit("2001:db8:1:2:ffff::3")).status).toBe(429);
    expect((await hit("2001:db8:1:3::1")).status).toBe(200);
  });
});

describe("submission rate limit in the app", () => {
  it("does not limit requests whose client cannot be told (no socket in app.request)", async () => {
    const db = openDatabase(":memory:");
    const campaign = createFixtureCampaign(db);
    const app = createApp({ db, config: { submissionsPerMinute: 1 } });
    for (let i = 0; i < 3; i++) {
      const response = await app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no" } }),
      });
      expect(response.status).toBe(201);
    }
  });

  it("stores nothing for a refused submission", async () => {
    const db = openDatabase(":memory:");
    const campaign = createFixtureCampaign(db);
    const app = createApp({ db, config: { submissionsPerMinute: 2, clientAddress: byHeader } });
    const submit = () =>
      app.request(`/api/campaigns/${campaign.slug}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "x-client": "192.0.2.7" },
        body: JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no" } }),
      });
    expect((await submit()).status).toBe(201);
    expect((await submit()).status).toBe(201);
    expect((await submit()).status).toBe(429);
    const stored = db.$client.prepare("SELECT count(*) AS n FROM responses").get() as { n: number };
    expect(stored.n).toBe(2);
  });
});

describe("submission rate limit on a real socket", () => {
  it("tells clients apart by the socket address by default", async () => {
    const db = openDatabase(":memory:");
    const campaign = createFixtureCampaign(db);
    const app = createApp({ db, config: { submissionsPerMinute: 2 } });
    const server = await new Promise<ReturnType<typeof listen>>((resolve) => {
      const listening = listen(app, { port: 0, hostname: "127.0.0.1" }, () => resolve(listening));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const submit = () =>
        fetch(`http://127.0.0.1:${port}/api/campaigns/${campaign.slug}/responses`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ answers: { unit: campaign.inScope[0], excluded: "no" } }),
        });
      expect((await submit()).status).toBe(201);
      expect((await submit()).status).toBe(201);
      const refused = await submit();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
