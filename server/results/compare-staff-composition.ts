import type { Release } from "../../analysis/release-types";
import {
  STAFF_COMPOSITION_MAPPINGS,
  type StaffComposition,
  UNDER_REPRESENTED_RATIO,
} from "../contract/staff-composition-schema";
import type { PublishedHeadcountDate } from "../headcounts/published-headcounts";

/**
 * The respondents' composition against the staff's, per unit, from published figures only: a
 * survey side is a sum of the release's published group sizes, a staff side the headcount
 * release's published cells, and a share exists only where every figure it needs is shown, so
 * nothing here tells more than the two releases the reader already has. Units are those the
 * reader may see (`visible`, undefined for all) whose respondents and staff are the same people.
 */
export function compareStaffComposition({
  release,
  date,
  comparable,
  visible,
}: {
  release: Pick<Release, "units" | "dimensions" | "groups">;
  date: PublishedHeadcountDate;
  comparable: ReadonlySet<string>;
  visible: ReadonlySet<string> | undefined;
}): StaffComposition["dimensions"] {
  const sizeOf = new Map<string, Release["groups"][number]["n"]>();
  for (const group of release.groups) {
    if (group.part !== "all" || group.filters.length !== 1) continue;
    const [filter] = group.filters;
    if (filter) sizeOf.set(`${group.unitId}|${filter.dimension}|${filter.value}`, group.n);
  }
  const units = release.units
    .map((unit) => unit.id)
    .filter((id) => comparable.has(id) && (visible === undefined || visible.has(id)));

  return STAFF_COMPOSITION_MAPPINGS.flatMap((mapping) => {
    const values = Object.keys(mapping.values);
    const asked = release.dimensions.find((dimension) => dimension.key === mapping.question);
    const counted = date.dimensions.find((dimension) => dimension.key === mapping.dimension);
    const surveyValues = values.flatMap((value) => mapping.values[value] ?? []);
    if (
      !asked ||
      !counted ||
      !surveyValues.every((value) => asked.values.includes(value)) ||
      !values.every((value) => counted.values.includes(value))
    ) {
      return [];
    }
    return [
      {
        dimension: mapping.dimension,
        question: mapping.question,
        values,
        units: units.map((unitId) => {
          const respondents = published(
            values.map((value) =>
              (mapping.values[value] ?? []).map((surveyValue) =>
                sizeOf.get(`${unitId}|${mapping.question}|${surveyValue}`),
              ),
            ),
          );
          const staff = published(
            values.map((value) => [date.figure(unitId, "all", mapping.dimension, value)]),
          );
          const rows =
            respondents !== "hidden" &&
            staff !== "hidden" &&
            respondents.total > 0 &&
            staff.total > 0
              ? values.map((value, i) => {
                  const respondentShare = (respondents.counts[i] ?? 0) / respondents.total;
                  const staffShare = (staff.counts[i] ?? 0) / staff.total;
                  return {
                    value,
                    respondentShare,
                    staffShare,
                    difference: respondentShare - staffShare,
                    underRepresented: respondentShare < UNDER_REPRESENTED_RATIO * staffShare,
                  };
                })
              : [];
          return { unitId, respondents, staff, rows };
        }),
      },
    ];
  });
}

/** Per value the sum of its figures, or "hidden" when any is hidden or not published at all. */
function published(
  figures: ({ value: number } | { hidden: string } | undefined)[][],
): { counts: number[]; total: number } | "hidden" {
  const counts: number[] = [];
  for (const parts of figures) {
    let sum = 0;
    for (const figure of parts) {
      if (!figure || !("value" in figure)) return "hidden";
      sum += figure.value;
    }
    counts.push(sum);
  }
  return { counts, total: counts.reduce((a, b) => a + b, 0) };
}
