import { expect } from "vitest";
import type { ComparisonAnswer } from "../../server/contract/comparison-schema";
import type { ResultsTable } from "../../server/contract/release-schema";

/**
 * Checks that a comparison shows no figure that cannot be computed from the waves' own served
 * tables (`tables[wave]`, as the same reader gets them): each wave's figure is the published
 * one of its unit, or for a merge the sum of its units' published counts with every part
 * published; a hidden or absent side carries no digit; a change is a difference of two shown
 * figures. An auditor written apart from analysis/compare-waves.ts.
 */
export function expectOnlyServedFigures(answer: ComparisonAnswer, tables: ResultsTable[]): void {
  const last = answer.campaigns.length - 1;
  for (const group of answer.groups) {
    const sameFilters = (candidate: ResultsTable["groups"][number]) =>
      candidate.part === group.part &&
      JSON.stringify(candidate.filters.map((filter) => filter.value)) ===
        JSON.stringify(group.filters.map((filter) => filter.value));
    group.n.forEach((n, wave) => {
      const unitIds =
        wave === last
          ? [group.unitId]
          : (group.population[wave]?.earlier.map((unit) => unit.id) ?? []);
      const parts = unitIds.map((unitId) =>
        tables[wave]?.groups.find(
          (candidate) => candidate.unitId === unitId && sameFilters(candidate),
        ),
      );
      if ("absent" in n) {
        if (parts.length === 1) expect(parts[0]).toBeUndefined();
      } else if ("hidden" in n) {
        expect(parts.some((part) => part && "hidden" in part.n)).toBe(true);
      } else {
        let total = 0;
        for (const part of parts) {
          if (!part || !("value" in part.n)) throw new Error("a size no served table shows");
          total += part.n.value;
        }
        expect(n.value).toBe(total);
      }
      for (const item of group.items) {
        const figures = item.waves[wave];
        if (figures?.state !== "shown") {
          expect(JSON.stringify(figures)).not.toMatch(/\d/);
          continue;
        }
        const published = parts.map((part) =>
          part && "value" in part.n
            ? part.items.find((candidate) => candidate.key === item.key)
            : undefined,
        );
        for (const found of published) {
          if (!found || "hidden" in found) throw new Error("shown but not published");
        }
        const shown = published as Extract<
          (typeof published)[number] & object,
          { options: unknown }
        >[];
        if (shown.length === 1) {
          const release = shown[0] as (typeof shown)[number];
          expect(figures.options).toEqual(release.options);
          expect(figures.mean).toEqual("mean" in release ? (release.mean ?? null) : null);
          expect(figures.favourable).toEqual(
            "favourable" in release ? (release.favourable ?? null) : null,
          );
          continue;
        }
        for (const option of figures.options) {
          const sum = shown.reduce(
            (total, release) =>
              total +
              (release.options.find((candidate) => candidate.value === option.value)?.count ?? 0),
            0,
          );
          expect(option.count).toBe(sum);
        }
      }
    });
    for (const item of group.items) {
      for (const step of item.steps) {
        if (!step.compared) continue;
        const [x, y] = [item.waves[step.from], item.waves[step.to]];
        if (x?.state !== "shown" || y?.state !== "shown") throw new Error("compared a hidden side");
        if (step.mean && x.mean !== null && y.mean !== null && step.mean.change !== null)
          expect(step.mean.change).toBeCloseTo(y.mean - x.mean, 12);
        if (
          step.favourable &&
          x.favourable !== null &&
          y.favourable !== null &&
          step.favourable.change !== null
        )
          expect(step.favourable.change).toBeCloseTo(y.favourable - x.favourable, 12);
      }
    }
  }
}
