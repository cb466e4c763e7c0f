import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export const SECRET_KEY_BYTES = 32;

/**
 * Reads the server's secret key (the HMAC key of invitation codes), creating it with 32 random
 * bytes and mode 0600 on first start. It lives in a file beside the database, never in it: a
 * copy of the database alone cannot test guessed codes.
 */
export function loadOrCreateSecretKey(path: string): Buffer {
  mkdirSync(dirname(path), { recursive: true });
  try {
    const fd = openSync(path, "wx", 0o600);
    try {
      writeSync(fd, randomBytes(SECRET_KEY_BYTES));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = readFileSync(path);
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(
      `The secret key file ${path} must hold exactly ${SECRET_KEY_BYTES} bytes (it holds ${key.length}).`,
    );
  }
  return key;
}
