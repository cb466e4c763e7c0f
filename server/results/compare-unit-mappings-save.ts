import { and, eq } from "drizzle-orm";
import { recordAudit } from "../auth/audit";
import type { SessionUser } from "../auth/sessions";
import type { UnitMappingsAnswer, UnitMappingsRequest } from "../contract/unit-mapping-schemas";
import { lineage } from "../contract/unit-tree";
import { campaignUnitsWithAncestors } from "../db/campaign-unit-tree";
import type { Db } from "../db/open-database";
import { campaignUnitMappings } from "../db/schema";
import { withTransaction } from "../db/with-transaction";
import { type FieldError, InvalidInputError } from "../errors";
import { mappingCampaigns, unitMappingsAnswer } from "./compare-unit-mappings";

/**
 * Replaces the units an earlier campaign's units map to in a later campaign (renamed, merged,
 * split), all or nothing, with an audit entry. Every unit must be in its campaign's tree; the
 * earlier units merged into one later unit must not lie inside one another (their sum would
 * count the inner unit twice). Nothing is stored when any pair is refused (422 naming each).
 */
export function saveUnitMappings({
  db,
  user,
  slug,
  input,
  now,
}: {
  db: Db;
  user: SessionUser;
  slug: string;
  input: UnitMappingsRequest;
  now: Date;
}): UnitMappingsAnswer {
  return withTransaction(db, (tx) => {
    const { later, earlier } = mappingCampaigns(tx, user, slug, input.from);
    const earlierTree = new Map(campaignUnitsWithAncestors(tx, earlier.id).map((u) => [u.id, u]));
    const laterTree = new Set(campaignUnitsWithAncestors(tx, later.id).map((unit) => unit.id));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const mergedInto = new Map<string, string[]>();
    input.pairs.forEach((pair, index) => {
      if (!earlierTree.has(pair.earlier))
        errors.push({ question: `pairs.${index}.earlier`, message: "unknown-unit" });
      if (!laterTree.has(pair.later))
        errors.push({ question: `pairs.${index}.later`, message: "unknown-unit" });
      const key = `${pair.earlier}\u0000${pair.later}`;
      if (seen.has(key)) errors.push({ question: `pairs.${index}`, message: "duplicate" });
      seen.add(key);
      const parts = mergedInto.get(pair.later) ?? [];
      const nested = parts.some(
        (other) =>
          lineage(other, earlierTree).includes(pair.earlier) ||
          lineage(pair.earlier, earlierTree).includes(other),
      );
      if (nested) errors.push({ question: `pairs.${index}.earlier`, message: "nested" });
      parts.push(pair.earlier);
      mergedInto.set(pair.later, parts);
    });
    if (errors.length > 0) {
      throw new InvalidInputError("Some unit pairs cannot be stored.", errors);
    }
    tx.delete(campaignUnitMappings)
      .where(
        and(
          eq(campaignUnitMappings.campaignId, later.id),
          eq(campaignUnitMappings.earlierCampaignId, earlier.id),
        ),
      )
      .run();
    for (let i = 0; i < input.pairs.length; i += 500) {
      tx.insert(campaignUnitMappings)
        .values(
          input.pairs.slice(i, i + 500).map((pair) => ({
            campaignId: later.id,
            earlierCampaignId: earlier.id,
            earlierUnitId: pair.earlier,
            laterUnitId: pair.later,
          })),
        )
        .run();
    }
    recordAudit(tx, {
      actor: user,
      action: "campaign.unit-mappings",
      target: `${later.slug} from ${earlier.slug}`,
      organisationId: later.organisationId,
      detail: { pairs: input.pairs.length },
      at: now,
    });
    return unitMappingsAnswer(tx, later, earlier);
  });
}
