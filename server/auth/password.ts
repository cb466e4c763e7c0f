import { randomBytes } from "node:crypto";
import { hash, hashSync, verify } from "@node-rs/argon2";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../contract/staff-limits";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

// @node-rs/argon2's Algorithm is a const enum, which isolatedModules cannot import: 2 is Argon2id.
const ARGON2ID = 2;

/** An argon2id hash (library defaults: 19 MiB memory, 2 passes, OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** The same, synchronously: for seeding inside one database transaction. */
export function hashPasswordSync(password: string): string {
  return hashSync(password, { algorithm: ARGON2ID });
}

/** Whether a password matches a stored hash; false (never throws) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A random password for generated accounts: 20 base64url characters (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
