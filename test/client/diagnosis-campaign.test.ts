import { describe, expect, it } from "vitest";
import {
  defaultCampaign,
  surveyReferenceDate,
} from "../../client/admin/diagnosis/diagnosis-campaign";

type Status = "draft" | "open" | "closed" | "archived";
const campaign = (slug: string, closesAt: string, status: Status = "closed") => ({
  slug,
  closesAt,
  status,
});

describe("the headcount date a survey goes with", () => {
  it("is the latest date on or before the campaign closes", () => {
    const dates = ["2023-12-31", "2024-12-31"];
    expect(surveyReferenceDate(campaign("a", "2025-03-01T00:00:00.000Z"), dates)).toBe(
      "2024-12-31",
    );
    expect(surveyReferenceDate(campaign("a", "2024-12-31T22:00:00.000Z"), dates)).toBe(
      "2024-12-31",
    );
    expect(surveyReferenceDate(campaign("a", "2024-06-01T00:00:00.000Z"), dates)).toBe(
      "2023-12-31",
    );
  });

  it("is none when the campaign closed before every date", () => {
    expect(surveyReferenceDate(campaign("a", "2020-01-01T00:00:00.000Z"), ["2023-12-31"])).toBe(
      null,
    );
  });
});

describe("the campaign a diagnosis page shows first", () => {
  const dates = ["2023-12-31", "2024-12-31"];

  it("is the latest closed one whose date is the latest headcount date", () => {
    const chosen = defaultCampaign(
      [
        campaign("earlier", "2025-02-01T00:00:00.000Z"),
        campaign("later", "2025-05-01T00:00:00.000Z"),
        campaign("still-open", "2025-09-01T00:00:00.000Z", "open"),
        campaign("last-year", "2024-05-01T00:00:00.000Z"),
      ],
      dates,
    );
    expect(chosen?.slug).toBe("later");
  });

  it("falls back to the latest closed one, then to the latest of any status", () => {
    expect(
      defaultCampaign(
        [
          campaign("old", "2024-05-01T00:00:00.000Z"),
          campaign("older", "2023-05-01T00:00:00.000Z"),
        ],
        dates,
      )?.slug,
    ).toBe("old");
    expect(
      defaultCampaign([campaign("open", "2025-09-01T00:00:00.000Z", "open")], dates)?.slug,
    ).toBe("open");
    expect(defaultCampaign([], dates)).toBeUndefined();
    expect(
      defaultCampaign([campaign("no-headcounts", "2025-01-01T00:00:00.000Z")], undefined)?.slug,
    ).toBe("no-headcounts");
  });
});
