import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { LOGIN_LOCK_MS, LOGIN_MAX_FAILURES_PER_ACCOUNT } from "../../server/auth/login-throttle";
import { openDatabase } from "../../server/db/open-database";
import { expectProblem, insertUser, PASSWORD, signIn } from "./admin-fixture";

// argon2 verifies asynchronously: a throttle that checks the lock first and counts the failure
// after the verification lets every request sent at once pass the check. These send 50 at once.
const PARALLEL = 50;

function setup() {
  const db = openDatabase(":memory:");
  const clock = { time: new Date("2030-03-01T09:00:00.000Z").getTime() };
  const app = createApp({
    db,
    config: {
      secretKey: randomBytes(32),
      now: () => new Date(clock.time),
      clientAddress: (c) => c.req.header("x-test-client"),
    },
  });
  const login = (email: string, password: string, client: string) =>
    app.request("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "x-test-client": client },
      body: JSON.stringify({ email, password }),
    });
  return { db, app, clock, login };
}

describe("throttles under concurrent guesses", () => {
  it("locks an account against 50 simultaneous sign-ins, refusing the right password sent last", async () => {
    const { db, clock, login } = setup();
    const email = insertUser(db, "coordinator");
    // From different networks, so only the account's limit applies.
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        login(email, i === PARALLEL - 1 ? PASSWORD : `wrong ${i}`, `192.0.2.${i + 1}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(
      LOGIN_MAX_FAILURES_PER_ACCOUNT,
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      PARALLEL - LOGIN_MAX_FAILURES_PER_ACCOUNT,
    );
    await expectProblem(answers.at(-1) as Response, 429, "login-locked");
    await expectProblem(await login(email, PASSWORD, "198.51.100.1"), 429, "login-locked");
    clock.time += LOGIN_LOCK_MS;
    expect((await login(email, PASSWORD, "198.51.100.1")).status).toBe(200);
  });

  it("locks a network against 50 simultaneous sign-ins to many accounts", async () => {
    const { db, login } = setup();
    const victims = Array.from({ length: 10 }, () => insertUser(db, "evaluator"));
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        login(victims[i % 10] as string, i === PARALLEL - 1 ? PASSWORD : "guess", "203.0.113.9"),
      ),
    );
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(20);
    await expectProblem(answers.at(-1) as Response, 429, "login-locked");
  });

  it("a correct password takes back its count: 30 sign-ins in a row from one office network stay unlocked", async () => {
    const { db, login } = setup();
    const email = insertUser(db, "evaluator");
    for (let i = 0; i < 30; i++) {
      expect((await login(email, PASSWORD, "192.0.2.200")).status).toBe(200);
    }
  });

  it("gives the current-password check of a password change the same lock, under 50 simultaneous tries", async () => {
    const { db, app, clock, login } = setup();
    const email = insertUser(db, "evaluator");
    const agent = await signIn(app, email);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        agent.request("POST", "/api/admin/password", {
          body: {
            currentPassword: i === PARALLEL - 1 ? PASSWORD : `wrong ${i}`,
            newPassword: "an attacker's new password",
          },
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 403)).toHaveLength(
      LOGIN_MAX_FAILURES_PER_ACCOUNT,
    );
    const last = answers.at(-1) as Response;
    await expectProblem(last, 429, "login-locked");
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    // The lock is the account's: sign-in is refused too, and the password did not change.
    await expectProblem(await login(email, PASSWORD, "198.51.100.1"), 429, "login-locked");
    clock.time += LOGIN_LOCK_MS;
    await expectProblem(await login(email, "an attacker's new password", "198.51.100.1"), 401);
    expect((await login(email, PASSWORD, "198.51.100.1")).status).toBe(200);
  });

  it("gives the session a new token after a password change and ends the old one", async () => {
    const { db, app } = setup();
    const email = insertUser(db, "evaluator");
    const agent = await signIn(app, email);
    const changed = await agent.request("POST", "/api/admin/password", {
      body: { currentPassword: PASSWORD, newPassword: "a brand new password" },
    });
    expect(changed.status).toBe(200);
    const { csrfToken } = (await changed.json()) as { csrfToken: string };
    const cookie = (changed.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect(cookie).not.toBe(agent.cookie);
    expect(csrfToken).not.toBe(agent.csrfToken);
    await expectProblem(await agent.request("GET", "/api/admin/session"), 401);
    const renewed = await app.request("/api/admin/session", { headers: { Cookie: cookie } });
    expect(renewed.status).toBe(200);
  });
});
