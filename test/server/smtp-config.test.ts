import { describe, expect, it } from "vitest";
import { readConfig } from "../../server/config";

describe("SMTP settings from the environment", () => {
  it("leaves mail unconfigured without PEILPUNT_SMTP_HOST", () => {
    expect(readConfig({}).smtp).toBeUndefined();
  });

  it("reads host, TLS mode with its default port, user, password file and sender", () => {
    expect(
      readConfig({
        PEILPUNT_SMTP_HOST: "smtp.example.be",
        PEILPUNT_SMTP_TLS: "implicit",
        PEILPUNT_SMTP_USER: "peilpunt",
        PEILPUNT_SMTP_PASSWORD_FILE: "/run/secrets/smtp",
        PEILPUNT_MAIL_FROM: "Peilpunt <peilpunt@example.be>",
      }).smtp,
    ).toEqual({
      host: "smtp.example.be",
      port: 465,
      tls: "implicit",
      user: "peilpunt",
      passwordFile: "/run/secrets/smtp",
      from: "Peilpunt <peilpunt@example.be>",
      ratePerSecond: 150,
    });
    expect(
      readConfig({ PEILPUNT_SMTP_HOST: "relay", PEILPUNT_MAIL_FROM: "p@example.be" }).smtp,
    ).toMatchObject({ port: 587, tls: "starttls" });
    expect(
      readConfig({
        PEILPUNT_SMTP_HOST: "relay",
        PEILPUNT_MAIL_FROM: "p@e.be",
        PEILPUNT_SMTP_RATE: "2",
      }).smtp?.ratePerSecond,
    ).toBe(2);
  });

  it("fails fast without a sender, with a user but no password file, or with an unknown TLS mode", () => {
    expect(() => readConfig({ PEILPUNT_SMTP_HOST: "relay" })).toThrow(/PEILPUNT_MAIL_FROM/);
    expect(() =>
      readConfig({
        PEILPUNT_SMTP_HOST: "relay",
        PEILPUNT_MAIL_FROM: "p@example.be",
        PEILPUNT_SMTP_USER: "u",
      }),
    ).toThrow(/PEILPUNT_SMTP_PASSWORD_FILE/);
    expect(() =>
      readConfig({
        PEILPUNT_SMTP_HOST: "relay",
        PEILPUNT_MAIL_FROM: "p@example.be",
        PEILPUNT_SMTP_TLS: "maybe",
      }),
    ).toThrow(/PEILPUNT_SMTP_TLS/);
  });
});
