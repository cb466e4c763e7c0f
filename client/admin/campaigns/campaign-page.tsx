export function CampaignPage({ slug }: { slug: string }) {
  return <h1>{slug}</h1>;
}
