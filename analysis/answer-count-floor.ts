/**
 * A campaign's answer count as shown while it is open: rounded down to a multiple of k.
 *
 * Why that is safe beside the releases (the proof the property test in
 * test/analysis/auditor/answer-count-floors.test.ts checks by brute force): the organisation's
 * count only grows; a floor m says the count lies in [m, m + k − 1], a width of k; a release
 * shows its exact total (or "fewer than k"), and two shown releases' totals differ by 0 or at
 * least k (the sequence audit). For the number of arrivals between two moments to be proven in
 * 1..k−1, the later moment's least value must exceed the earlier one's greatest, and the later
 * one's greatest must be within k − 1 of the earlier one's least: two floors would need the same
 * m and a later one above it; a floor and an exact total would need m above the total and not
 * above it. Only for the k of the rounding: with a larger k, [m, m + k_old − 1] beside an exact
 * total can fall inside 1..k−1, which is why showing it fixes k.
 */
export function answerCountFloor(answered: number, k: number): number {
  return Math.floor(answered / k) * k;
}
