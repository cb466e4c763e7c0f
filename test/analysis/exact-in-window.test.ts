import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { exactInWindow, windowSystem } from "../../analysis/exact-in-window";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

describe("exactInWindow", () => {
  // x0 = x1 = x2 and x2 pinned at 3 by its bounds: x0 is exact, but only through the second
  // equation.
  const chain = windowSystem(
    [
      { cells: [0, 1], coefficients: [1, -1], rhs: 0 },
      { cells: [1, 2], coefficients: [1, -1], rhs: 0 },
    ],
    [
      { lower: 0, upper: 10 },
      { lower: 0, upper: 10 },
      { lower: 3, upper: 3 },
    ],
  );

  it("finds a cell exact once the window reaches what pins it", () => {
    expect(exactInWindow(highs, chain, 0, 3).exact).toBe(true);
  });

  it("claims nothing when what pins it lies outside the window", () => {
    // Two cells: only x0 = x1 is taken, and x1 is free in 0..10 there.
    expect(exactInWindow(highs, chain, 0, 2).exact).toBe(false);
  });

  // x0 = x1 = x2 + x3 with every cell in 0..10: x0 is not exact. A window of two cells holds
  // x0 = x1 only; an equation cut at the window's edge (x1 = 0 without x2 and x3) or its outer
  // cells fixed would pin x0 and publish a guess as a proof.
  it("never keeps part of an equation that reaches outside the window", () => {
    const open = windowSystem(
      [
        { cells: [0, 1], coefficients: [1, -1], rhs: 0 },
        { cells: [1, 2, 3], coefficients: [1, -1, -1], rhs: 0 },
      ],
      [0, 1, 2, 3].map(() => ({ lower: 0, upper: 10 })),
    );
    for (const maxCells of [2, 3, 4])
      expect(exactInWindow(highs, open, 0, maxCells).exact).toBe(false);
  });
});
