/**
 * A campaign address proposed from its title: accents dropped, lower case, anything else a
 * hyphen, at most 80 characters (SLUG_PATTERN). "Diversiteitsdiagnose 2027 — Brussel" becomes
 * "diversiteitsdiagnose-2027-brussel". Empty when the title has no letter or digit.
 */
export function proposeSlug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}
