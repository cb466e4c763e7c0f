import { createHmac } from "node:crypto";
import { codeFromBytes } from "./invitation-code";

/**
 * An address as Peilpunt compares it: trimmed and lower-cased. The local part is case-sensitive
 * in theory but not at any mail provider staff use, and a list typed once as `An.Peeters@…` and
 * once as `an.peeters@…` must give one code, not two invitations.
 */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * The invitation code of one address in one campaign: the first 60 bits of
 * HMAC-SHA256(secret key, "invitation" ‖ campaign id ‖ normalised address), spelled like a
 * random code. Re-deriving it from the same list finds the same code, so reminders and resumed
 * sending need no stored list; without the key, an address says nothing about its code.
 * The NUL separators keep the three parts apart (neither an id nor an address contains NUL).
 */
export function deriveCode(secretKey: Uint8Array, campaignId: string, address: string): string {
  const mac = createHmac("sha256", secretKey)
    .update(`invitation\u0000${campaignId}\u0000${normaliseAddress(address)}`)
    .digest();
  return codeFromBytes(mac);
}
