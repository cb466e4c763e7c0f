export { MIN_PASSWORD_LENGTH } from "../../../server/contract/staff-limits";

/** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A random initial password from the browser's cryptographic generator: 20 characters of a
 * 55-letter alphabet (about 115 bits), in groups of five so it can be passed on by hand.
 */
export function generatePassword(): string {
  const characters: string[] = [];
  const buffer = new Uint8Array(1);
  // Rejection sampling: bytes at or above the largest multiple of the alphabet are drawn again,
  // so every character is equally likely.
  const limit = 256 - (256 % ALPHABET.length);
  while (characters.length < 20) {
    crypto.getRandomValues(buffer);
    const byte = buffer[0] ?? limit;
    if (byte < limit) characters.push(ALPHABET.charAt(byte % ALPHABET.length));
  }
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join("")).join("-");
}
