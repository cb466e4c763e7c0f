import fc from "fast-check";
import type { ReleaseInput } from "../../analysis/build-release";
import type { ItemSpec, ResponseRow } from "../../analysis/types";

/** A sensitive single-choice breakdown question (dim0, dim1, …) of the random campaigns. */
export function breakdownItem(key: string, options: string[]): ItemSpec {
  return { kind: "single", key, path: [key], options, breakdown: true, sensitive: true };
}

/** The rating question of the random campaigns (not sensitive). */
export const CLIMATE_ITEM: ItemSpec = {
  kind: "single",
  key: "climate",
  path: ["climate"],
  options: [1, 2, 3, 4, 5],
  scale: { numeric: true, favourable: [4, 5] },
  breakdown: false,
  sensitive: false,
};

/** The sensitive yes/no question of the random campaigns ("experienced discrimination"). */
export const EXPERIENCED_ITEM: ItemSpec = {
  kind: "single",
  key: "experienced",
  path: ["experienced"],
  options: ["yes", "no"],
  breakdown: false,
  sensitive: true,
};

export interface RandomCampaign {
  input: ReleaseInput;
  rows: ResponseRow[];
}

/**
 * How answers to the questions are drawn: "mixed" (ratings uniform, 10% report discrimination),
 * "skewed" (most rate 4, 3% report it) or "unanimous" (everyone in a unit gives the unit's
 * rating, and almost nobody reports discrimination).
 */
export type AnswerStyle = "mixed" | "skewed" | "unanimous";

/**
 * Random campaigns for property tests: a unit tree of depth ≤ 4 with up to 60 units, 1 to 5
 * dimensions of 2 to 7 values, 0 to `maxResponses` responses with skewed values (so small and
 * unanimous groups occur), k in 3..10, sometimes a cross and known headcounts. Answers are
 * "mixed" unless `styles` lists the answer styles to draw from.
 */
export function randomCampaign(
  maxResponses = 5000,
  styles?: AnswerStyle[],
): fc.Arbitrary<RandomCampaign> {
  return fc
    .record({
      ...(styles ? { style: fc.constantFrom(...styles) } : {}),
      parents: fc.array(fc.nat(), { minLength: 1, maxLength: 59 }),
      dimensionSizes: fc.array(fc.integer({ min: 2, max: 7 }), { minLength: 1, maxLength: 5 }),
      responses: fc.integer({ min: 0, max: maxResponses }),
      k: fc.integer({ min: 3, max: 10 }),
      cross: fc.boolean(),
      headcounts: fc.boolean(),
      seed: fc.integer(),
    })
    .map(({ parents, dimensionSizes, responses, k, cross, headcounts, seed, ...rest }) => {
      const style: AnswerStyle = "style" in rest ? (rest.style as AnswerStyle) : "mixed";
      const random = mulberry32(seed);
      const depth = new Map<string, number>([["org", 0]]);
      const units = parents.map((pick, index) => {
        const candidates = ["org", ...parents.slice(0, index).map((_, i) => `u${i}`)].filter(
          (id) => (depth.get(id) ?? 0) < 4,
        );
        const parent = candidates[pick % candidates.length] as string;
        depth.set(`u${index}`, (depth.get(parent) ?? 0) + 1);
        return { id: `u${index}`, parentId: parent === "org" ? null : parent };
      });
      const dimensions = dimensionSizes.map((size, d) =>
        breakdownItem(
          `dim${d}`,
          Array.from({ length: size }, (_, v) => `v${v}`),
        ),
      );
      const items: ItemSpec[] = [
        ...dimensions,
        CLIMATE_ITEM,
        EXPERIENCED_ITEM,
        {
          kind: "multi",
          key: "grounds",
          path: ["grounds"],
          options: ["a", "b", "c"],
          breakdown: false,
          sensitive: true,
        },
        { kind: "text", key: "comment", path: ["comment"], breakdown: false, sensitive: false },
      ];
      const unitIds = units.map((unit) => unit.id);
      const unitWeights = unitIds.map(() => random() ** 3);
      const rows: ResponseRow[] = Array.from({ length: responses }, () => {
        const answers: Record<string, unknown> = {};
        dimensionSizes.forEach((size, d) => {
          // Skewed: value 0 is common, the rest rare; sometimes no answer.
          const roll = random();
          if (roll < 0.05) return;
          answers[`dim${d}`] = roll < 0.6 ? "v0" : `v${Math.floor(random() * size)}`;
        });
        // Drawn last unless the answers depend on it, so "mixed" campaigns stay as they were.
        const early = style === "unanimous" ? pickWeighted(unitIds, unitWeights, random) : null;
        const draw = answerDraw[style];
        answers.climate = draw.climate(random, early === null ? 0 : unitIds.indexOf(early));
        answers.experienced = random() < draw.yes ? "yes" : "no";
        if (answers.experienced === "yes")
          answers.grounds = ["a", "b", "c"].filter(() => random() < 0.4);
        if (random() < 0.1) answers.comment = `comment ${Math.floor(random() * 1000)}`;
        return { unitId: early ?? pickWeighted(unitIds, unitWeights, random), answers };
      });
      const known: Record<string, number> = {};
      if (headcounts) {
        for (const row of rows) known[row.unitId] = (known[row.unitId] ?? 0) + 1;
        // Headcount = respondents of the unit subtree plus a little slack.
        const subtree = new Map<string, number>();
        for (const unit of [...units].reverse()) {
          const own = (known[unit.id] ?? 0) + (subtree.get(unit.id) ?? 0);
          subtree.set(unit.id, own);
          if (unit.parentId) subtree.set(unit.parentId, (subtree.get(unit.parentId) ?? 0) + own);
        }
        for (const key of Object.keys(known)) delete known[key];
        // At least 2: in a unit known to have one member, the mark "hidden: fewer than k" itself
        // tells that this person took part; no release that gives reasons can hide that
        // (README, results limits), so the property is checked for units of two or more.
        for (const [id, count] of subtree)
          known[id] = Math.max(2, count + Math.floor(random() * 3));
      }
      const input: ReleaseInput = {
        organisationId: "org",
        units,
        items,
        k,
        crosses: cross && dimensions.length >= 2 ? [["dim0", "dim1"]] : [],
        knownHeadcounts: known,
      };
      return { input, rows };
    });
}

const answerDraw: Record<
  AnswerStyle,
  { climate: (random: () => number, unit: number) => number; yes: number }
> = {
  mixed: { climate: (random) => 1 + Math.floor(random() * 5), yes: 0.1 },
  skewed: { climate: (random) => (random() < 0.85 ? 4 : 1 + Math.floor(random() * 5)), yes: 0.03 },
  unanimous: { climate: (_, unit) => 1 + (unit % 5), yes: 0.01 },
};

function pickWeighted(ids: string[], weights: number[], random: () => number): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = random() * total;
  for (let i = 0; i < ids.length; i++) {
    roll -= weights[i] as number;
    if (roll <= 0) return ids[i] as string;
  }
  return ids[ids.length - 1] as string;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
