import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import {
  LOGIN_LOCK_MS,
  LOGIN_MAX_FAILURES_PER_ACCOUNT,
  LOGIN_MAX_FAILURES_PER_ADDRESS,
} from "../../server/auth/login-throttle";
import { openDatabase } from "../../server/db/open-database";
import { expectProblem, insertUser, PASSWORD } from "./admin-fixture";

function setup() {
  const db = openDatabase(":memory:");
  const secretKey = randomBytes(32);
  const clock = { time: new Date("2030-03-01T09:00:00.000Z").getTime() };
  const build = () =>
    createApp({
      db,
      config: {
        secretKey,
        now: () => new Date(clock.time),
        clientAddress: (c) => c.req.header("x-test-client"),
      },
    });
  const state = { app: build() };
  const login = (email: string, password: string, client = "192.0.2.1") =>
    state.app.request("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-test-client": client },
      body: JSON.stringify({ email, password }),
    });
  return { db, clock, login, restart: () => (state.app = build()) };
}

describe("login rate limit", () => {
  it("pins the limits: 5 failures per account, 20 per address, 15-minute locks", () => {
    expect(LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(5);
    expect(LOGIN_MAX_FAILURES_PER_ADDRESS).toBe(20);
    expect(LOGIN_LOCK_MS).toBe(15 * 60_000);
  });

  it("locks an account after repeated failures, even for the right password, through a restart, until the window ends", async () => {
    const { db, clock, login, restart } = setup();
    const email = insertUser(db, "coordinator");
    insertUser(db, "admin");
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await expectProblem(await login(email, `wrong ${i}`, `192.0.2.${i + 10}`), 401);
    }
    const locked = await login(email, PASSWORD);
    const problem = await expectProblem(locked, 429, "login-locked");
    expect(Number(locked.headers.get("retry-after"))).toBe(LOGIN_LOCK_MS / 1000);
    expect(problem.retryAfter).toBe(LOGIN_LOCK_MS / 1000);

    // The lock is in the database, not in the process.
    restart();
    clock.time += LOGIN_LOCK_MS - 1000;
    const stillLocked = await login(email, PASSWORD, "198.51.100.7");
    await expectProblem(stillLocked, 429, "login-locked");
    expect(stillLocked.headers.get("retry-after")).toBe("1");

    clock.time += 1000;
    expect((await login(email, PASSWORD)).status).toBe(200);
    // A success clears the account's count: the next mistake starts from one.
    await expectProblem(await login(email, "wrong again"), 401);
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it("counts an unknown account like a known one, so locks reveal nothing", async () => {
    const { login } = setup();
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await expectProblem(await login("ghost@example.org", "guess", `192.0.2.${i + 10}`), 401);
    }
    await expectProblem(await login("ghost@example.org", "guess"), 429, "login-locked");
  });

  it("locks a client address that tries many accounts, without locking the accounts elsewhere", async () => {
    const { db, clock, login } = setup();
    const victims = Array.from({ length: 5 }, () => insertUser(db, "evaluator"));
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ADDRESS; i++) {
      await expectProblem(await login(victims[i % 5] as string, "guess", "203.0.113.9"), 401);
    }
    await expectProblem(await login(victims[0] as string, PASSWORD, "203.0.113.9"), 429);
    // Another address is not affected, and the locked one recovers after its window.
    const elsewhere = insertUser(db, "evaluator");
    expect((await login(elsewhere, PASSWORD, "198.51.100.1")).status).toBe(200);
    clock.time += LOGIN_LOCK_MS;
    expect((await login(elsewhere, PASSWORD, "203.0.113.9")).status).toBe(200);
  });

  it("stores neither e-mail addresses nor client addresses in the throttle table", async () => {
    const { db, login } = setup();
    const email = insertUser(db, "evaluator");
    await login(email, "wrong", "203.0.113.77");
    const dump = JSON.stringify(db.$client.prepare("SELECT * FROM login_throttle").all());
    expect(dump).not.toContain(email);
    expect(dump).not.toContain("203.0.113.77");
  });
});
