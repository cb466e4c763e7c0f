import { describe, expect, it } from "vitest";
import { proposeSlug } from "../../client/admin/campaigns/propose-slug";
import { SLUG_PATTERN } from "../../server/contract/slug-pattern";

describe("a campaign address proposed from its title", () => {
  it.each([
    ["Diversiteitsdiagnose 2027 — Brussel", "diversiteitsdiagnose-2027-brussel"],
    ["Évaluation de la campagne « Égalité »", "evaluation-de-la-campagne-egalite"],
    ["  Staff survey: 2027!  ", "staff-survey-2027"],
    ["Ærø Straße", "r-stra-e"],
    ["—", ""],
  ])("%s → %s", (title, slug) => {
    expect(proposeSlug(title)).toBe(slug);
  });

  it("is always a valid address (or empty), also for a long title", () => {
    const long = proposeSlug(`${"Bevraging van het personeel ".repeat(6)}2027`);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(SLUG_PATTERN);
    expect(long.endsWith("-")).toBe(false);
  });
});
