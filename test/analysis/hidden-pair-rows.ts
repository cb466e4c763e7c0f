import type { Row } from "../../analysis/sequence-system";

/**
 * The rows of an organisation of 7 (yes 3, no 4, published) split into two hidden units a and b.
 * Columns: sizes a, b; a yes, a no, b yes, b no. Each unit's options add up to its size, the
 * sizes to 7, each option's counts to the organisation's.
 */
export const hiddenPairRows = (): Row[] => [
  { variables: [2, 3, 0], coefficients: [1, 1, -1], lower: 0, upper: 0 },
  { variables: [4, 5, 1], coefficients: [1, 1, -1], lower: 0, upper: 0 },
  { variables: [0, 1], coefficients: [1, 1], lower: 7, upper: 7 },
  { variables: [2, 4], coefficients: [1, 1], lower: 3, upper: 3 },
  { variables: [3, 5], coefficients: [1, 1], lower: 4, upper: 4 },
];
