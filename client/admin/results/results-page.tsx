export function ResultsPage({ slug }: { slug: string }) {
  return <h1>{slug}</h1>;
}
