/**
 * Limits the server enforces on staff input, shared with the admin screens so that both check
 * the same numbers (part of the contract: the admin screens import it).
 */

/** The smallest k a campaign may have (a DB CHECK holds the same floor): groups under 3 are too easy to single out. */
export const MIN_K = 3;
/** Longest retention accepted, in days (ten years). */
export const MAX_RETENTION_DAYS = 3650;
/** Most characters of a campaign's thank-you text, per language: a paragraph or two. */
export const MAX_THANKS_TEXT_LENGTH = 1000;
/** Most codes generated in one call. */
export const MAX_CODES_PER_CALL = 5000;
/**
 * Default ceiling of invitation codes per campaign, all units together (PEILPUNT_MAX_CODES_PER_CAMPAIGN
 * changes it): ten times a 5,000-person campaign, room for re-issues, yet a bound on what one
 * account can make the server generate and store.
 */
export const DEFAULT_MAX_CODES_PER_CAMPAIGN = 50_000;
/** Shortest password accepted: a passphrase, since staff accounts can read special-category results. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password hashed; longer input is refused before it reaches argon2. */
export const MAX_PASSWORD_LENGTH = 1024;
