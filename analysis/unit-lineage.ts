/**
 * Which units of an earlier wave a unit of a later wave is compared with, when units were
 * renamed, merged or split between the waves, and whether the two sides are the same people.
 *
 * A unit of the later wave takes the earlier units a coordinator mapped to it; a unit with no
 * mapping takes the earlier unit with its own code, if there is one. The two sides are the
 * same population when every earlier unit on the earlier side went wholly into the later side
 * (no part of it went to another later unit): true for a rename and for a merge compared with
 * the sum of all its parts, false for a split (each later part against the whole earlier unit).
 */

/** A later wave's unit (code) takes all or part of an earlier wave's unit (code). */
export interface UnitMatch {
  earlier: string;
  later: string;
}

/** How a later side came from the earlier wave. */
export type UnitChange = "unchanged" | "renamed" | "merged" | "split" | "new";

export interface LineageStep {
  /** The earlier wave's unit codes whose figures make the earlier side (summed if several). */
  earlier: string[];
  same: boolean;
  change: UnitChange;
}

/** One wave's unit codes and, for a later wave, its mapping from the wave before. */
export interface LineageWave {
  codes: ReadonlySet<string>;
  /** Mapping from the previous wave's units to this wave's (ignored for the first wave). */
  map?: readonly UnitMatch[];
}

/**
 * Follows each later wave's mapping back to the first wave. `unitLineage(waves)(code)` gives,
 * for a unit of the latest wave, the set of unit codes in each wave (latest last: `[code]`) and,
 * per consecutive pair of waves, how the later side came from the earlier one.
 */
export function unitLineage(
  waves: readonly LineageWave[],
): (code: string) => { sets: string[][]; steps: LineageStep[] } {
  // Per later wave: later code → earlier codes, and earlier code → later codes that take it.
  const links = waves.map((wave, index) => {
    if (index === 0) return undefined;
    const before = waves[index - 1] as LineageWave;
    const mapped = new Map<string, string[]>();
    for (const match of wave.map ?? []) {
      if (!wave.codes.has(match.later) || !before.codes.has(match.earlier)) continue;
      const list = mapped.get(match.later) ?? [];
      if (!list.includes(match.earlier)) list.push(match.earlier);
      mapped.set(match.later, list);
    }
    const pre = (later: string): string[] =>
      mapped.get(later) ?? (before.codes.has(later) ? [later] : []);
    const post = new Map<string, string[]>();
    for (const later of wave.codes) {
      for (const earlier of pre(later)) {
        const list = post.get(earlier) ?? [];
        list.push(later);
        post.set(earlier, list);
      }
    }
    return { pre, post, mapped };
  });
  return (code) => {
    const last = waves.length - 1;
    const sets: string[][] = new Array(waves.length);
    const steps: LineageStep[] = new Array(Math.max(0, last));
    sets[last] = [code];
    for (let index = last; index > 0; index--) {
      const link = links[index] as NonNullable<(typeof links)[number]>;
      const later = sets[index] as string[];
      const earlier: string[] = [];
      for (const unit of later) {
        for (const found of link.pre(unit)) if (!earlier.includes(found)) earlier.push(found);
      }
      const laterSet = new Set(later);
      const same = earlier.every((unit) =>
        (link.post.get(unit) ?? []).every((taker) => laterSet.has(taker)),
      );
      const mappedHere = later.some((unit) => link.mapped.has(unit));
      const change: UnitChange =
        earlier.length === 0
          ? "new"
          : !same
            ? "split"
            : earlier.length > 1 || later.length > 1
              ? "merged"
              : mappedHere && earlier[0] !== later[0]
                ? "renamed"
                : "unchanged";
      steps[index - 1] = { earlier, same, change };
      sets[index - 1] = earlier;
    }
    return { sets, steps };
  };
}
