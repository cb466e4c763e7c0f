import fc from "fast-check";
import highsLoader, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { IntegerBounds } from "../../analysis/item-bounds";
import { type LpCheck, lpClosedChecks } from "../../analysis/item-lp";
import { closeOnRelaxations } from "../../analysis/item-lp-relax";
import { SearchMemory } from "../../analysis/item-lp-whole";

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** x + y + z = 3, each in 0..3, true figures (1, 1, 1). */
function plane() {
  const bounds = new IntegerBounds();
  const [x, y, z] = [bounds.add(0, 3), bounds.add(0, 3), bounds.add(0, 3)] as [
    number,
    number,
    number,
  ];
  bounds.equation([x, y, z], [1, 1, 1], 3);
  bounds.tighten();
  return { bounds, x, y, z, truth: Float64Array.of(1, 1, 1) };
}

describe("the LP stage's cheap passes before the whole-system verdict", () => {
  it("reports a check a restricted pass leaves closed as open when the whole system opens it", () => {
    // The pass moves only x and y ("y people move from y to x"): x reaches 2 there, never 3.
    // Over the whole system x = 3 (y = z = 0) is a point, so "x ≥ 3" is open. The search starts
    // from a carried centre at the true figures, which opens nothing, so only the whole
    // system's own verdict can open it: a stage that took what the restricted pass leaves
    // closed as closed would hide more than it must (and, in a relaxation's place, the
    // other way round: publish what it must not).
    const { bounds, x, truth } = plane();
    const memory = new SearchMemory();
    memory.centre.set(0, 1).set(1, 1).set(2, 1);
    const checks: LpCheck[] = [{ ways: [{ variable: x, up: true, value: 3, truth: 1 }] }];
    const passes = [{ group: Int32Array.of(0, 0, 0), sign: Int8Array.of(1, -1, 0) }];
    const verdict = lpClosedChecks(
      highs,
      bounds,
      checks,
      { work: 1e9 },
      { truth, passes, carry: { memory, columnKeys: [0, 1, 2] } },
      0,
    );
    expect(verdict).toMatchObject({ closed: [], exhausted: false, proven: true });
    // The same pass does open "x ≥ 2": what a restriction opens is open.
    const two: LpCheck[] = [{ ways: [{ variable: x, up: true, value: 2, truth: 1 }] }];
    const opened = lpClosedChecks(
      highs,
      bounds,
      two,
      { work: 1e9 },
      { truth, passes, carry: { memory, columnKeys: [0, 1, 2] } },
      0,
    );
    expect(opened).toMatchObject({ closed: [], solves: 1 });
  });
});

describe("closing checks on a relaxation of a large system", () => {
  // Two classes linked only through a shared variable s: a + b = s (class 0), c + d = s and
  // c − d = 2 (class 1), everything in 0..4; true figures s = 4, a = b = 2, c = 3, d = 1
  // (e = f = 2).
  function linked() {
    const bounds = new IntegerBounds();
    const s = bounds.add(0, 4);
    const [a, b, c, d] = [bounds.add(0, 4), bounds.add(0, 4), bounds.add(0, 4), bounds.add(0, 4)];
    bounds.equation([a as number, b as number, s], [1, 1, -1], 0);
    bounds.equation([c as number, d as number, s], [1, 1, -1], 0);
    bounds.equation([c as number, d as number], [1, -1], 2);
    // e + f = s (class 0 again): class 1's relaxation is under half of the system.
    const [e, f] = [bounds.add(0, 4), bounds.add(0, 4)] as [number, number];
    bounds.equation([e, f, s], [1, 1, -1], 0);
    bounds.tighten();
    const classes = Int32Array.of(-1, 0, 0, 1, 1, 0, 0);
    return { bounds, s, a: a as number, c: c as number, d: d as number, classes };
  }

  it("closes what a relaxation closes, with the whole system's rows as proof", () => {
    const { bounds, a, c, d, classes } = linked();
    // Class 1 alone: c = d + 2 and c + d = s ≤ 4, so c ≤ 3: "c ≥ 4" is closed, by rows 1 and
    // 2. "a ≥ 4" is open (a = 4, b = 0 with the true s), and so is "d ≤ 0" (s = 2, c = 2).
    const checks: LpCheck[] = [
      { ways: [{ variable: a, up: true, value: 4, truth: 2 }] },
      { ways: [{ variable: c, up: true, value: 4, truth: 3 }] },
      { ways: [{ variable: d, up: false, value: 0, truth: 1 }] },
    ];
    const state = { solves: 0, exhausted: false };
    const result = closeOnRelaxations(
      highs,
      bounds,
      checks,
      [0, 1, 2],
      classes,
      { work: 1e9 },
      state,
      { maxShare: 1 },
    );
    expect(result.closed).toEqual([1]);
    expect(result.proofs.get(1)).toEqual([1, 2]);
    // Asked to close all or none, it closes none: "a ≥ 4" is not closed.
    const all = closeOnRelaxations(
      highs,
      bounds,
      checks,
      [0, 1, 2],
      classes,
      { work: 1e9 },
      state,
      {
        maxShare: 1,
        onlyAll: true,
      },
    );
    expect(all.closed).toEqual([]);
    expect(
      closeOnRelaxations(highs, bounds, checks, [1], classes, { work: 1e9 }, state, {
        maxShare: 1,
        onlyAll: true,
      }).closed,
    ).toEqual([1]);
  });

  it("spares a large system's whole verdict when relaxations close every check left", () => {
    const { bounds, c, classes } = linked();
    const checks: LpCheck[] = [{ ways: [{ variable: c, up: true, value: 4, truth: 3 }] }];
    const truth = Float64Array.of(4, 2, 2, 3, 1, 2, 2);
    const verdict = (withClasses: boolean) =>
      lpClosedChecks(
        highs,
        bounds,
        checks,
        { work: 1e9 },
        { truth, passes: [], ...(withClasses ? { classes } : {}) },
        0,
      );
    const whole = verdict(false);
    const relaxed = verdict(true);
    expect(relaxed).toMatchObject({ closed: [0], exhausted: false, proven: true });
    expect(whole).toMatchObject({ closed: [0], exhausted: false, proven: true });
    // The relaxation's proof: class 1's two equations; and fewer solves (no crossover).
    expect(relaxed.proofs?.get(0)).toEqual([1, 2]);
    expect(relaxed.solves).toBeLessThan(whole.solves);
  });

  it("never closes a check the whole system leaves open (random systems)", () => {
    // A restriction (other classes fixed at their true values) in place of the relaxation
    // closes checks the whole system opens: this property fails on it.
    const system = fc.record({
      variables: fc.array(fc.record({ cls: fc.integer({ min: -1, max: 2 }), truth: fc.nat(4) }), {
        minLength: 3,
        maxLength: 9,
      }),
      rows: fc.array(
        fc.array(fc.tuple(fc.nat(8), fc.integer({ min: -2, max: 2 })), {
          minLength: 1,
          maxLength: 4,
        }),
        { minLength: 1, maxLength: 6 },
      ),
      slack: fc.array(fc.nat(3), { minLength: 9, maxLength: 9 }),
      checks: fc.array(fc.tuple(fc.nat(8), fc.boolean(), fc.integer({ min: 1, max: 4 })), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(system, ({ variables, rows, slack, checks: raw }) => {
        const bounds = new IntegerBounds();
        const truth = Float64Array.from(variables, (v) => v.truth);
        variables.forEach((v, i) => {
          bounds.add(Math.max(0, v.truth - (slack[i] as number)), v.truth + (slack[i] as number));
        });
        for (const terms of rows) {
          const used = new Map<number, number>();
          for (const [at, coefficient] of terms) {
            const v = at % variables.length;
            if (coefficient !== 0) used.set(v, (used.get(v) ?? 0) + coefficient);
          }
          const entries = [...used].filter(([, coefficient]) => coefficient !== 0);
          if (entries.length === 0) continue;
          const rhs = entries.reduce((sum, [v, k]) => sum + k * (truth[v] as number), 0);
          bounds.equation(
            entries.map(([v]) => v),
            entries.map(([, k]) => k),
            rhs,
          );
        }
        bounds.tighten();
        const classes = Int32Array.from(variables, (v) => v.cls);
        const checks: LpCheck[] = raw.map(([at, up, distance]) => {
          const variable = at % variables.length;
          const t = truth[variable] as number;
          return { ways: [{ variable, up, value: up ? t + distance : t - distance, truth: t }] };
        });
        const all = checks.map((_, index) => index);
        const relaxed = closeOnRelaxations(
          highs,
          bounds,
          checks,
          all,
          classes,
          { work: 1e9 },
          { solves: 0, exhausted: false },
          { maxShare: 1 },
        );
        // The whole system's own verdict, one LP per check.
        const whole = lpClosedChecks(highs, bounds, checks, { work: 1e9 });
        for (const check of relaxed.closed) expect(whole.closed).toContain(check);
      }),
      { numRuns: 200, seed: 31 },
    );
  });
});
