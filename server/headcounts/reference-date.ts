/**
 * The reference date a campaign's survey is set against: the latest headcount date on or before
 * its closing day. One rule for the survey audit's caps, the participation and composition views
 * (published-headcounts.ts) and the headcount build's check of shown survey releases.
 */
export function referenceDateOn(dates: readonly string[], closingDay: string): string | undefined {
  return dates
    .filter((date) => date <= closingDay)
    .sort()
    .at(-1);
}
