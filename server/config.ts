import { z } from "zod";
import { DEFAULT_MAX_CODES_PER_CAMPAIGN } from "./contract/staff-limits";

/**
 * A whole office often shares one public address (NAT) and a diagnosis opens to everyone on one
 * morning, so the default submission limit is generous: it stops scripted floods, not colleagues.
 */
export const DEFAULT_SUBMISSIONS_PER_MINUTE = 60;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * Which request header names the client when a reverse proxy stands in front: "none" (the
 * socket's address; forwarded headers are anyone's to forge), or the header the proxy sets.
 */
export const TRUSTED_PROXY_HEADERS = ["none", "x-forwarded-for", "x-real-ip"] as const;
export type TrustedProxyHeader = (typeof TRUSTED_PROXY_HEADERS)[number];

/**
 * How Peilpunt talks TLS to the mail server: `implicit` (TLS from the first byte, port 465),
 * `starttls` (required upgrade, port 587) or `none` (a relay on the same host only).
 */
export const SMTP_TLS_MODES = ["implicit", "starttls", "none"] as const;
export type SmtpTls = (typeof SMTP_TLS_MODES)[number];

/** Where invitations are sent through; absent when mail is not configured. */
export interface SmtpConfig {
  host: string;
  port: number;
  tls: SmtpTls;
  user?: string;
  /** File holding the SMTP password (read at start, never taken from the environment itself). */
  passwordFile?: string;
  /** The From address, e.g. `Peilpunt <peilpunt@example.be>`. */
  from: string;
  /** Mails per second at most. */
  ratePerSecond: number;
}

/**
 * Mails sent per second at most: 5,000 invitations take about 33 s, well inside a minute, while
 * most of the server's time stays free for respondents. Lower it for relays with a quota (some
 * hosted mail services accept only a few mails per second).
 */
export const DEFAULT_MAILS_PER_SECOND = 150;

/** Default SMTP port per TLS mode: 465 for TLS from the first byte, 587 for submission. */
const SMTP_DEFAULT_PORTS: Record<SmtpTls, number> = { implicit: 465, starttls: 587, none: 25 };

/** "true"/"false" (or 1/0) from the environment; undefined when unset. */
const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: 'expected "true" or "false"' })
  .transform((value) => value === "true" || value === "1")
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  PEILPUNT_DB: z.string().min(1).default("data/peilpunt.db"),
  PEILPUNT_SUBMISSIONS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_SUBMISSIONS_PER_MINUTE),
  PEILPUNT_SECURE_COOKIES: booleanFlag,
  PEILPUNT_SECRET_FILE: z.string().min(1).default("data/secret.key"),
  PEILPUNT_RELEASE_DEBOUNCE_MS: z.coerce.number().int().min(0).default(30_000),
  PEILPUNT_PUBLIC_ORIGIN: z
    .url({
      protocol: /^https?$/,
      message: "expected an origin such as https://peilpunt.example.be",
    })
    .refine((value) => new URL(value).origin === value.replace(/\/$/, ""), {
      message: "expected only scheme, host and port (no path, query or user)",
    })
    .transform((value) => new URL(value).origin)
    .optional(),
  PEILPUNT_TRUST_PROXY: z.enum(TRUSTED_PROXY_HEADERS).default("none"),
  PEILPUNT_MAX_CODES_PER_CAMPAIGN: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_MAX_CODES_PER_CAMPAIGN),
  PEILPUNT_SMTP_HOST: z.string().min(1).optional(),
  PEILPUNT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PEILPUNT_SMTP_TLS: z.enum(SMTP_TLS_MODES).default("starttls"),
  PEILPUNT_SMTP_USER: z.string().min(1).optional(),
  PEILPUNT_SMTP_PASSWORD_FILE: z.string().min(1).optional(),
  PEILPUNT_MAIL_FROM: z.string().min(3).optional(),
  PEILPUNT_SMTP_RATE: z.coerce.number().positive().max(10_000).default(DEFAULT_MAILS_PER_SECOND),
  PEILPUNT_DEMO: booleanFlag,
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** Submissions accepted per client address per minute. */
  submissionsPerMinute: number;
  /**
   * Session cookies carry `Secure`. Defaults to true unless the server listens on a loopback
   * address (local demo over plain HTTP); set it to true behind an HTTPS proxy.
   */
  secureCookies: boolean;
  /** File with the 32-byte key for invitation-code hashes; created at first start, never in the database. */
  secretFile: string;
  /** Quiet time after the last submission before a campaign's release is rebuilt. */
  releaseDebounceMs: number;
  /**
   * The one origin staff pages are served from (behind a proxy: the proxy's https origin).
   * Admin requests must come from it; without it, only from a loopback host (local use).
   */
  publicOrigin?: string;
  /** Where the client's address is read for the per-client limits. */
  trustProxy: TrustedProxyHeader;
  /** Ceiling of invitation codes per campaign, all units together. */
  maxCodesPerCampaign: number;
  /** SMTP settings for invitations; undefined when PEILPUNT_SMTP_HOST is unset. */
  smtp?: SmtpConfig;
  /**
   * Seed the demo organisation into an empty database (default: true, for a first look). An
   * organisation of its own starts with false and an empty database.
   */
  demo: boolean;
}

/** Reads the configuration from the environment once; fails fast with a readable message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  const { HOST: host, PEILPUNT_PUBLIC_ORIGIN: publicOrigin } = parsed.data;
  if (!LOOPBACK_HOSTS.has(host) && publicOrigin === undefined) {
    throw new Error(
      `Invalid configuration in the environment:\n  HOST is ${host}, not a loopback address: set PEILPUNT_PUBLIC_ORIGIN to the address staff use (e.g. https://peilpunt.example.be), so that requests from other sites can be told apart.`,
    );
  }
  const data = parsed.data;
  if (data.PEILPUNT_SMTP_HOST && !data.PEILPUNT_MAIL_FROM) {
    throw new Error(
      "Invalid configuration in the environment:\n  PEILPUNT_MAIL_FROM: required with PEILPUNT_SMTP_HOST (the sender of invitations)",
    );
  }
  if (data.PEILPUNT_SMTP_USER && !data.PEILPUNT_SMTP_PASSWORD_FILE) {
    throw new Error(
      "Invalid configuration in the environment:\n  PEILPUNT_SMTP_PASSWORD_FILE: required with PEILPUNT_SMTP_USER",
    );
  }
  const smtp: SmtpConfig | undefined = data.PEILPUNT_SMTP_HOST
    ? {
        host: data.PEILPUNT_SMTP_HOST,
        port: data.PEILPUNT_SMTP_PORT ?? SMTP_DEFAULT_PORTS[data.PEILPUNT_SMTP_TLS],
        tls: data.PEILPUNT_SMTP_TLS,
        user: data.PEILPUNT_SMTP_USER,
        passwordFile: data.PEILPUNT_SMTP_PASSWORD_FILE,
        from: data.PEILPUNT_MAIL_FROM as string,
        ratePerSecond: data.PEILPUNT_SMTP_RATE,
      }
    : undefined;
  return {
    smtp,
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    databasePath: parsed.data.PEILPUNT_DB,
    submissionsPerMinute: parsed.data.PEILPUNT_SUBMISSIONS_PER_MINUTE,
    secureCookies:
      parsed.data.PEILPUNT_SECURE_COOKIES ??
      (publicOrigin ? publicOrigin.startsWith("https:") : !LOOPBACK_HOSTS.has(host)),
    secretFile: parsed.data.PEILPUNT_SECRET_FILE,
    releaseDebounceMs: parsed.data.PEILPUNT_RELEASE_DEBOUNCE_MS,
    publicOrigin,
    trustProxy: parsed.data.PEILPUNT_TRUST_PROXY,
    maxCodesPerCampaign: parsed.data.PEILPUNT_MAX_CODES_PER_CAMPAIGN,
    demo: parsed.data.PEILPUNT_DEMO ?? true,
  };
}
