export function CampaignsPage() {
  return <h1>CampaignsPage</h1>;
}
