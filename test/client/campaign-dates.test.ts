import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  closesAtFor,
  dayOf,
  isBrusselsMidnight,
  lastDayOf,
  opensAtFor,
} from "../../client/admin/campaigns/campaign-dates";

describe("campaign dates are whole days in Brussels", () => {
  it("opens at 00:00 Brussels time, in winter and in summer", () => {
    expect(opensAtFor("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(opensAtFor("2026-07-01")).toBe("2026-06-30T22:00:00.000Z");
  });

  it("closes at midnight after the last day, across both clock changes", () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(closesAtFor("2026-03-28")).toBe("2026-03-28T23:00:00.000Z");
    expect(closesAtFor("2026-03-29")).toBe("2026-03-29T22:00:00.000Z");
    expect(closesAtFor("2026-10-24")).toBe("2026-10-24T22:00:00.000Z");
    expect(closesAtFor("2026-10-25")).toBe("2026-10-25T23:00:00.000Z");
  });

  it("gives nothing for an empty or malformed day", () => {
    expect(opensAtFor("")).toBe("");
    expect(closesAtFor("29/11/2026")).toBe("");
  });

  it("shows the chosen days again when a campaign is edited (any day 2000–2060)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2060-12-31") }), (d) => {
        fc.pre(!Number.isNaN(d.getTime()));
        const day = d.toISOString().slice(0, 10);
        expect(dayOf(opensAtFor(day))).toBe(day);
        expect(lastDayOf(closesAtFor(day))).toBe(day);
        expect(isBrusselsMidnight(opensAtFor(day))).toBe(true);
        expect(isBrusselsMidnight(closesAtFor(day))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("tells a closing by button (any time) from a closing at a day boundary", () => {
    expect(isBrusselsMidnight("2026-11-29T14:03:00.000Z")).toBe(false);
  });
});
