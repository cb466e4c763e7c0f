import { describe, expect, it } from "vitest";
import {
  changedFields,
  checkDates,
  checkEdit,
  checkTransition,
  closingDates,
  openingDates,
} from "../../server/campaigns/campaign-rules";
import type { CampaignView } from "../../server/campaigns/campaign-view";
import { ProblemError } from "../../server/errors";

// Pure rules: no database, inline fixtures.
const draft: CampaignView = {
  slug: "survey-2030",
  organisationId: "org",
  organisationSlug: "org",
  title: { nl: "Peiling", fr: "Enquête", en: "Survey" },
  status: "draft",
  questionnaire: { slug: "diagnosis", version: 1 },
  unitIds: ["a", "b"],
  locales: ["nl", "fr", "en"],
  k: 5,
  opensAt: "2030-01-01T00:00:00.000Z",
  closesAt: "2030-02-01T00:00:00.000Z",
  accessMode: "open-link",
  retentionDays: 365,
  interimResultRoles: [],
  thanksText: { nl: "", fr: "", en: "" },
  responsesDeleteAt: null,
  resultsViewed: false,
  answerCountShown: false,
  respondentUrl: "/s/survey-2030",
};

/** The problem type a rule throws, or "ok". */
function outcome(rule: () => void): string {
  try {
    rule();
    return "ok";
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
}

const edit = (current: CampaignView, patch: Parameters<typeof changedFields>[1], codes = 0) =>
  outcome(() =>
    checkEdit({ current, patch, changed: changedFields(current, patch), codesIssued: codes }),
  );

describe("changed fields of a patch", () => {
  it("an empty patch or one that repeats the campaign changes nothing", () => {
    expect(changedFields(draft, {})).toEqual([]);
    expect(changedFields(draft, { k: 5, title: { ...draft.title } })).toEqual([]);
  });

  it("units in another order and the same instant written otherwise are no change", () => {
    expect(
      changedFields(draft, { unitIds: ["b", "a"], opensAt: "2030-01-01T01:00:00+01:00" }),
    ).toEqual([]);
  });

  it("names exactly the fields that differ", () => {
    expect(changedFields(draft, { k: 6, unitIds: ["a"], locales: ["nl", "fr", "en"] })).toEqual([
      "k",
      "unitIds",
    ]);
  });
});

describe("what may be edited", () => {
  it("everything but address and organisation in draft", () => {
    expect(edit(draft, { k: 3, unitIds: ["a"], retentionDays: 30 })).toBe("ok");
    expect(edit(draft, { slug: "other" })).toBe("not-editable");
    expect(edit(draft, { organisationId: "other-org" })).toBe("not-editable");
  });

  it("only k once open or closed, and nothing once archived", () => {
    for (const status of ["open", "closed"] as const) {
      expect(edit({ ...draft, status }, { k: 7 })).toBe("ok");
      expect(edit({ ...draft, status }, { retentionDays: 30 })).toBe("not-draft");
      expect(edit({ ...draft, status }, { interimResultRoles: ["evaluator"] })).toBe("not-draft");
    }
    expect(edit(draft, { interimResultRoles: ["evaluator"] })).toBe("ok");
    expect(edit({ ...draft, status: "archived" }, { k: 7 })).toBe("not-editable");
  });

  it("the thank-you text in draft and while open, not once closed (no respondent reads it)", () => {
    const thanksText = { nl: "Resultaten in juni.", fr: "Résultats en juin.", en: "" };
    expect(edit(draft, { thanksText })).toBe("ok");
    expect(edit({ ...draft, status: "open" }, { thanksText })).toBe("ok");
    expect(edit({ ...draft, status: "open" }, { thanksText, retentionDays: 30 })).toBe("not-draft");
    expect(edit({ ...draft, status: "closed" }, { thanksText })).toBe("not-draft");
    // The same text again is no change, so a closed campaign's form may send it back.
    expect(edit({ ...draft, status: "closed" }, { thanksText: draft.thanksText })).toBe("ok");
  });

  it("k may go down until results were viewed, then only up (k − 1 refused, k + 1 allowed)", () => {
    const closed = { ...draft, status: "closed" as const };
    expect(edit(closed, { k: 4 })).toBe("ok");
    const viewed = { ...closed, resultsViewed: true };
    expect(edit(viewed, { k: 4 })).toBe("k-only-up");
    expect(edit(viewed, { k: 5 })).toBe("ok");
    expect(edit(viewed, { k: 6 })).toBe("ok");
  });

  it("k is fixed once the answer count was shown rounded to its multiples (k − 1 and k + 1 refused)", () => {
    const open = { ...draft, status: "open" as const };
    expect(edit(open, { k: 6 })).toBe("ok");
    const counted = { ...open, answerCountShown: true };
    expect(edit(counted, { k: 4 })).toBe("k-fixed");
    expect(edit(counted, { k: 6 })).toBe("k-fixed");
    expect(edit(counted, { k: 5 })).toBe("ok");
  });

  it("once codes were issued the access mode and units are fixed, other draft fields are not", () => {
    const codes = { ...draft, accessMode: "invitation-codes" as const };
    expect(edit(codes, { accessMode: "open-link" }, 1)).toBe("codes-issued");
    expect(edit(codes, { unitIds: ["a"] }, 1)).toBe("codes-issued");
    expect(edit(codes, { unitIds: ["a"] }, 0)).toBe("ok");
    expect(edit(codes, { k: 9 }, 1)).toBe("ok");
  });

  it("a campaign closes after it opens (equal instants refused)", () => {
    expect(outcome(() => checkDates(draft.opensAt, draft.opensAt))).toBe("invalid-input");
    expect(outcome(() => checkDates(draft.opensAt, draft.closesAt))).toBe("ok");
  });
});

describe("lifecycle steps", () => {
  it("each step starts from its own status only", () => {
    expect(outcome(() => checkTransition("draft", "draft", "open"))).toBe("ok");
    expect(outcome(() => checkTransition("closed", "open", "closed"))).toBe("status");
    expect(outcome(() => checkTransition("open", "closed", "archived"))).toBe("status");
  });

  it("opening moves an opening date ahead to now and refuses a passed closing date", () => {
    const now = new Date("2029-12-15T00:00:00.000Z");
    expect(openingDates(draft, now)).toEqual({ opensAt: now.toISOString() });
    const later = new Date("2030-01-10T00:00:00.000Z");
    expect(openingDates(draft, later)).toEqual({ opensAt: draft.opensAt });
    expect(outcome(() => openingDates(draft, new Date(draft.closesAt)))).toBe("dates");
  });

  it("closing is now, and never before the opening", () => {
    const now = new Date("2030-01-10T00:00:00.000Z");
    expect(closingDates(draft, now)).toEqual({
      closesAt: now.toISOString(),
      opensAt: draft.opensAt,
    });
    const early = new Date("2029-12-15T00:00:00.000Z");
    expect(closingDates(draft, early)).toEqual({
      closesAt: early.toISOString(),
      opensAt: early.toISOString(),
    });
  });
});
