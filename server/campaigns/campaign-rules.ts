import type { CampaignPatch } from "../contract/campaign-schemas";
import type { CampaignStatus } from "../db/schema";
import { ConflictError, InvalidInputError } from "../errors";
import type { CampaignView } from "./campaign-view";

/**
 * The rules of campaign editing and the lifecycle, as pure functions: no database, no audit.
 * The action services (create-campaign.ts, edit-campaign.ts, open-campaign.ts, …) load what
 * the rules need, ask them, and write.
 */

/** 422 naming the field of the campaign settings at fault. */
export function invalidSetting(question: string, message: string): never {
  throw new InvalidInputError("The campaign settings are not valid.", [{ question, message }]);
}

/** A campaign closes after it opens. */
export function checkDates(opensAt: string, closesAt: string): void {
  if (new Date(opensAt) >= new Date(closesAt)) invalidSetting("closesAt", "must be after opensAt");
}

/** The fields of a patch that differ from the campaign as it is. */
export function changedFields(
  current: CampaignView,
  patch: CampaignPatch,
): (keyof CampaignPatch)[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (Object.keys(patch) as (keyof CampaignPatch)[]).filter((key) => {
    const value = patch[key];
    if (value === undefined) return false;
    if (key === "unitIds") return !same([...(value as string[])].sort(), current.unitIds);
    if (key === "opensAt" || key === "closesAt") {
      return new Date(value as string).getTime() !== new Date(current[key]).getTime();
    }
    return !same(value, current[key]);
  });
}

/**
 * What may still change after the draft. k and who sees interim results only affect what is
 * shown next; the thank-you text only what the next respondents read, so not once closed.
 */
// Who sees interim results is fixed at opening: readers named later could not have been told
// at opening, and the campaign screen shows the choice read-only from then on.
const EDITABLE_AFTER_DRAFT: Record<"open" | "closed", readonly (keyof CampaignPatch)[]> = {
  open: ["k", "thanksText"],
  closed: ["k"],
};

/**
 * Whether a patch may change these fields. Everything is editable in draft only, except what
 * EDITABLE_AFTER_DRAFT lists. k may change later (a new release follows), but only upwards once
 * results were viewed: a smaller k would publish groups that viewers already saw hidden, and differences
 * between the two views could reveal small groups. Once the answer count was shown while open
 * (rounded to multiples of k), k is fixed: the rounding hides 1..k−1 arrivals for that k only.
 * Once codes were issued, the access mode
 * and units are fixed (a code belongs to a unit).
 */
export function checkEdit({
  current,
  patch,
  changed,
  codesIssued,
}: {
  current: CampaignView;
  patch: CampaignPatch;
  changed: (keyof CampaignPatch)[];
  codesIssued: number;
}): void {
  if (current.status === "archived") {
    throw new ConflictError("An archived campaign cannot be changed.", "not-editable");
  }
  if (changed.includes("slug") || changed.includes("organisationId")) {
    throw new ConflictError(
      "The address and organisation of a campaign are fixed.",
      "not-editable",
    );
  }
  if (current.status !== "draft") {
    const editable = EDITABLE_AFTER_DRAFT[current.status];
    if (changed.some((key) => !editable.includes(key))) {
      throw new ConflictError(
        `Once a campaign is ${current.status}, only ${editable.join(", ")} can change; the rest is edited in draft.`,
        "not-draft",
      );
    }
  }
  if (patch.k !== undefined && current.answerCountShown && patch.k !== current.k) {
    throw new ConflictError(
      "The answer count was shown rounded to multiples of this k: it is fixed now.",
      "k-fixed",
    );
  }
  if (patch.k !== undefined && current.resultsViewed && patch.k < current.k) {
    throw new ConflictError("Results were viewed with this k: it may only go up now.", "k-only-up");
  }
  if (codesIssued > 0 && (changed.includes("accessMode") || changed.includes("unitIds"))) {
    throw new ConflictError(
      "Invitation codes were issued: the access mode and units are fixed.",
      "codes-issued",
    );
  }
}

/** A lifecycle step, `draft → open → closed → archived`, allowed only from its own status. */
export function checkTransition(status: CampaignStatus, from: CampaignStatus, to: CampaignStatus) {
  if (status !== from) {
    throw new ConflictError(
      `The campaign is ${status}; only a ${from} campaign can be ${to === "open" ? "opened" : to}.`,
      "status",
    );
  }
}

type Dates = { opensAt: string; closesAt: string };

/** Opening is now: an opening date still ahead moves to now; a passed closing date refuses. */
export function openingDates(campaign: Dates, now: Date): Partial<Dates> {
  if (new Date(campaign.closesAt) <= now) {
    throw new ConflictError("The closing date has passed; change it before opening.", "dates");
  }
  return { opensAt: new Date(campaign.opensAt) > now ? now.toISOString() : campaign.opensAt };
}

/** Closing is now, and a campaign never closes before it opened. */
export function closingDates(campaign: Dates, now: Date): Partial<Dates> {
  return {
    closesAt: now.toISOString(),
    opensAt: new Date(campaign.opensAt) > now ? now.toISOString() : campaign.opensAt,
  };
}
