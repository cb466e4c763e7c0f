import { eq, inArray } from "drizzle-orm";
import { type ComparedWave, compareWaves } from "../../analysis/compare-waves";
import type { ReleaseGroup } from "../../analysis/release-types";
import { declaredPreviousNames } from "../../surveys/previous-names";
import { describeQuestionnaire } from "../../surveys/question-specs";
import type { SessionUser } from "../auth/sessions";
import { type ComparisonAnswer, comparisonAnswerSchema } from "../contract/comparison-schema";
import { campaignUnitsWithAncestors } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import { campaigns, questionnaireVersions } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors";
import { pairsByCode, storedUnitPairs } from "./compare-unit-mappings";
import { releaseTables, tableGroups } from "./read-release";
import { type ComparisonFormat, type ViewedRelease, viewResults } from "./view-results";

/** A comparison shows at most this many waves at once (a trend 2020 → … → 2026 fits). */
export const MAX_COMPARED_WAVES = 6;

/** What to compare: campaigns (any order) and which groups of one table. */
export interface ComparisonRequest {
  slugs: readonly string[];
  table: string;
  /** Only this unit: for the unit table the unit and its sub-units, else its groups. */
  unit?: string;
  part?: "all" | "direct";
}

/** A comparison as one reader may see it, with the stored releases it was made from. */
export interface OpenedComparison {
  answer: ComparisonAnswer;
  /** Oldest first, as in the answer. */
  releases: ViewedRelease[];
  organisationId: string;
}

/**
 * Compares campaigns of one questionnaire series from their stored, audited releases only.
 * Each campaign is opened exactly as the results screen opens it (scope, phased access,
 * separation of duties, the served release joins its sequence, audit entry), all in one
 * transaction: if any wave is refused, nothing is logged or marked. The groups are those the
 * reader may see in the latest wave; the earlier releases are cut to the same scope before
 * the comparison reads them. The answer passes the output schema.
 */
export function compareCampaigns({
  db,
  user,
  request,
  format,
  now,
}: {
  db: Db;
  user: SessionUser;
  request: ComparisonRequest;
  /** Set for a download: logged as `results.export`; a view is `results.view`. */
  format?: ComparisonFormat;
  now: Date;
}): OpenedComparison {
  const slugs = [...new Set(request.slugs)];
  if (slugs.length < 2 || slugs.length > MAX_COMPARED_WAVES) {
    throw new InvalidInputError(
      `A comparison needs 2 to ${MAX_COMPARED_WAVES} different campaigns.`,
      [{ question: "with", message: "count" }],
    );
  }
  return withTransaction(db, (tx) => {
    const rows = tx
      .select({
        slug: campaigns.slug,
        opensAt: campaigns.opensAt,
        titleNl: campaigns.titleNl,
        titleFr: campaigns.titleFr,
        titleEn: campaigns.titleEn,
        organisationId: campaigns.organisationId,
        questionnaireId: questionnaireVersions.questionnaireId,
        version: questionnaireVersions.number,
        definition: questionnaireVersions.definition,
      })
      .from(campaigns)
      .innerJoin(
        questionnaireVersions,
        eq(questionnaireVersions.id, campaigns.questionnaireVersionId),
      )
      .where(inArray(campaigns.slug, slugs))
      .all();
    // Open every wave first: an unknown or out-of-scope campaign is a 404 before anything else.
    const opened = slugs.map((slug) =>
      viewResults({
        db: tx,
        user,
        slug,
        action: format ? "results.export" : "results.view",
        part: { table: request.table, format: format ?? "comparison", ifPresent: true },
        now,
      }),
    );
    const waves = slugs
      .map((slug, index) => ({
        row: rows.find((row) => row.slug === slug),
        viewed: opened[index] as ViewedRelease,
      }))
      .sort((a, b) => String(a.row?.opensAt).localeCompare(String(b.row?.opensAt)));
    const first = waves[0]?.row;
    if (
      !first ||
      waves.some(
        ({ row }) =>
          row?.organisationId !== first.organisationId ||
          row.questionnaireId !== first.questionnaireId,
      )
    ) {
      throw new ConflictError(
        "Only campaigns of the same organisation with the same questionnaire can be compared.",
      );
    }
    const latest = waves.at(-1)?.viewed as ViewedRelease;
    // The table must be the latest wave's; an earlier wave without it is shown as absent.
    if (!releaseTables(latest.release).some((entry) => entry.id === request.table)) {
      throw new NotFoundError("There is no such table in this release.");
    }
    const visible = latest.visible;
    const { table } = tableGroups(latest.release, request.table, visible);
    const inTable = (group: ReleaseGroup) =>
      group.filters.length === table.dimensions.length &&
      group.filters.every((filter, index) => filter.dimension === table.dimensions[index]);
    const parents = new Map(latest.release.units.map((unit) => [unit.id, unit.parentId]));
    const chosen = (group: ReleaseGroup) => {
      if (!inTable(group) || (visible && !visible.has(group.unitId))) return false;
      if (request.unit === undefined) return true;
      if (table.dimensions.length === 0) {
        return (
          group.unitId === request.unit ||
          (group.part === "all" && parents.get(group.unitId) === request.unit)
        );
      }
      return group.unitId === request.unit && group.part === (request.part ?? "all");
    };
    const trees = waves.map(({ viewed }) => campaignUnitsWithAncestors(tx, viewed.campaign.id));
    const compared: ComparedWave[] = waves.map(({ row, viewed }, index) => {
      const definition = JSON.parse(String(row?.definition));
      const release = visible
        ? {
            ...viewed.release,
            groups: viewed.release.groups.filter((group) => visible.has(group.unitId)),
          }
        : viewed.release;
      return {
        id: viewed.campaign.slug,
        release,
        items: describeQuestionnaire(definition),
        previousNames: declaredPreviousNames(definition),
        // Units match by their code in each campaign's own tree, or by the stored mapping.
        unitCodes: Object.fromEntries(
          (trees[index] ?? []).map((unit) => [unit.id, unit.code] as const),
        ),
        ...(index > 0
          ? {
              unitMap: pairsByCode(
                storedUnitPairs(
                  tx,
                  viewed.campaign.id,
                  (waves[index - 1] as (typeof waves)[number]).viewed.campaign.id,
                ),
                trees[index - 1] ?? [],
                trees[index] ?? [],
              ),
            }
          : {}),
      };
    });
    const comparison = compareWaves(compared, { only: chosen });
    // Back from codes to the latest wave's unit ids, and to each earlier wave's unit names.
    const idOfCode = new Map((trees.at(-1) ?? []).map((unit) => [unit.code, unit.id]));
    const unitOfCode = (wave: number, code: string) => {
      const unit = trees[wave]?.find((candidate) => candidate.code === code);
      return unit
        ? { id: unit.id, code: unit.code, name: unit.name }
        : { id: code, code, name: { nl: "", fr: "", en: "" } };
    };
    const answer = comparisonAnswerSchema.parse({
      campaigns: waves.map(({ row, viewed }) => ({
        slug: viewed.campaign.slug,
        title: { nl: row?.titleNl, fr: row?.titleFr, en: row?.titleEn },
        k: viewed.campaign.k,
        builtAt: viewed.builtAt,
        interim: viewed.interim,
        ...(viewed.finalRelease ? { finalRelease: viewed.finalRelease } : {}),
        questionnaireVersion: row?.version,
      })),
      table,
      correction: comparison.correction,
      level: comparison.level,
      groups: comparison.groups.map(({ unitCode, population, ...group }) => ({
        unitId: idOfCode.get(unitCode) ?? unitCode,
        ...group,
        population: population.map((step) => ({
          ...step,
          earlier: step.earlier.map((code) => unitOfCode(step.from, code)),
        })),
      })),
    });
    return {
      answer,
      releases: waves.map(({ viewed }) => viewed),
      organisationId: first.organisationId,
    };
  });
}
