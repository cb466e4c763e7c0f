import { describe, expect, it } from "vitest";
import {
  campaignInput,
  campaignPatch,
  newCampaignValues,
} from "../../client/admin/campaigns/campaign-form-values";

describe("the campaign form's interim results choice", () => {
  it("starts phased (no role sees interim results) and sends the roles ticked", () => {
    const values = newCampaignValues([], []);
    expect(values.interimResultRoles).toEqual([]);
    expect(campaignInput(values).interimResultRoles).toEqual([]);
    const live = { ...values, interimResultRoles: ["evaluator" as const] };
    expect(campaignInput(live).interimResultRoles).toEqual(["evaluator"]);
    expect(campaignPatch(live).interimResultRoles).toEqual(["evaluator"]);
  });
});
