// The admin client still imports the campaign's API shape from here; it moves to the contract
// module shared by client and server. The services are one file per action beside this one.
export type { CampaignView } from "./campaign-view";
