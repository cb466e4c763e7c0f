import { createHmac, randomBytes } from "node:crypto";

/** Crockford's base32 alphabet: no I, L, O or U, so codes survive being read aloud or retyped. */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Random characters per code: 12 × 5 = 60 bits, far beyond guessing at any submission rate. */
export const CODE_RANDOM_CHARS = 12;

const VALUE = new Map([...CROCKFORD_ALPHABET].map((char, index) => [char, index]));
const BASE = CROCKFORD_ALPHABET.length;

/**
 * The check character: Luhn mod 32 over the Crockford alphabet. Chosen over Crockford's own
 * mod-37 symbol because its check character is always one of the 32 ordinary characters (no
 * `*~$=U` to type); it catches every single mistyped character and every swap of two
 * neighbours except 0↔Z.
 */
export function checkCharacter(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let value = VALUE.get(body[i] as string);
    if (value === undefined) throw new Error(`Not a Crockford character: ${body[i]}`);
    if (double) {
      value *= 2;
      value = Math.floor(value / BASE) + (value % BASE);
    }
    sum += value;
    double = !double;
  }
  return CROCKFORD_ALPHABET[(BASE - (sum % BASE)) % BASE] as string;
}

/** A new code in its normalised form: 12 random characters and the check character. */
export function generateCode(): string {
  return codeFromBytes(randomBytes(8));
}

/**
 * The normalised code spelled by the first 60 bits of `bytes` (at least 8 bytes): 5 bits per
 * character, then the check character. Random bytes give a random code, a keyed hash a derived one.
 */
export function codeFromBytes(bytes: Uint8Array): string {
  let bits = Buffer.from(bytes.buffer, bytes.byteOffset, 8).readBigUInt64BE() >> 4n;
  let body = "";
  for (let i = 0; i < CODE_RANDOM_CHARS; i++) {
    body = (CROCKFORD_ALPHABET[Number(bits & 31n)] as string) + body;
    bits >>= 5n;
  }
  return body + checkCharacter(body);
}

/** The code as shown to people: XXXX-XXXX-XXXX-C. */
export function displayCode(normalised: string): string {
  return `${normalised.slice(0, 4)}-${normalised.slice(4, 8)}-${normalised.slice(8, 12)}-${normalised.slice(12)}`;
}

export type ParsedCode = { ok: true; code: string } | { ok: false };

/**
 * Normalises a typed code (case-insensitive; I and L read as 1, O as 0; hyphens and spaces
 * ignored) and checks its length, alphabet and check character.
 */
export function parseCode(typed: string): ParsedCode {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (code.length !== CODE_RANDOM_CHARS + 1) return { ok: false };
  if (![...code].every((char) => VALUE.has(char))) return { ok: false };
  const body = code.slice(0, CODE_RANDOM_CHARS);
  if (checkCharacter(body) !== code.slice(CODE_RANDOM_CHARS)) return { ok: false };
  return { ok: true, code };
}

/** What the database stores for a code: HMAC-SHA256 under the server's secret key, hex. */
export function codeHash(secretKey: Uint8Array, normalisedCode: string): string {
  return createHmac("sha256", secretKey).update(normalisedCode).digest("hex");
}
