import { z } from "zod";

/**
 * A whole office often shares one public address (NAT) and a diagnosis opens to everyone on one
 * morning, so the default submission limit is generous: it stops scripted floods, not colleagues.
 */
export const DEFAULT_SUBMISSIONS_PER_MINUTE = 60;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

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
}

/** Reads the configuration from the environment once; fails fast with a readable message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join("\n")}`);
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    databasePath: parsed.data.PEILPUNT_DB,
    submissionsPerMinute: parsed.data.PEILPUNT_SUBMISSIONS_PER_MINUTE,
    secureCookies: parsed.data.PEILPUNT_SECURE_COOKIES ?? !LOOPBACK_HOSTS.has(parsed.data.HOST),
    secretFile: parsed.data.PEILPUNT_SECRET_FILE,
    releaseDebounceMs: parsed.data.PEILPUNT_RELEASE_DEBOUNCE_MS,
  };
}
