/** A campaign's address (`/s/<slug>`): lower-case letters, digits and hyphens, 1 to 80 of them. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
