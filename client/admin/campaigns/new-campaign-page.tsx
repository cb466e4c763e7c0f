export function NewCampaignPage() {
  return <h1>NewCampaignPage</h1>;
}
