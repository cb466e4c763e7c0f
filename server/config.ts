import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  PEILPUNT_DB: z.string().min(1).default("data/peilpunt.db"),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
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
  };
}
