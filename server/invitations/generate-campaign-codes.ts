import { inArray } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions";
import type { Locale } from "../contract/locales";
import { MAX_CODES_PER_CALL } from "../contract/staff-limits";
import type { Db } from "../db/open-database";
import { units } from "../db/schema";
import { InvalidInputError } from "../errors";
import type { BulkWriter } from "../jobs/bulk-writer";
import type { HeavyJobs } from "../jobs/heavy-jobs";
import { type CodeFileRow, codesCsvFile, codesXlsxFile } from "./campaign-codes-file";
import { campaignForCodes, codeLimitError } from "./generate-codes";
import { issuedCodesByUnit } from "./headcount-ceiling";
import { personalLink } from "./send-invitations";

/** How many codes each unit gets: the same number everywhere, or each unit's headcount. */
export type CampaignCodesSize = { perUnit: number } | { fromHeadcounts: true };

/** A campaign's codes as one file, ready to send: its name, type and bytes. */
export interface CampaignCodesFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
  codes: number;
}

/**
 * Generates codes for every unit of a campaign in one step, all or nothing (one transaction in
 * the bulk writer, holding the campaign's ceiling and each unit's headcount), and returns them
 * once as a CSV or XLSX file: unit code, unit name in the reader's language and the personal
 * link with the code in its fragment. "From headcounts" tops each unit with a known headcount up
 * to it (units without one get none). The generator can no longer read the campaign's results.
 */
export function generateCampaignCodes({
  db,
  actor,
  slug,
  size,
  format,
  locale,
  origin,
  now,
  maxCodesPerCampaign,
  heavyJobs,
  bulkWriter,
}: {
  db: Db;
  actor: SessionUser;
  slug: string;
  size: CampaignCodesSize;
  format: "csv" | "xlsx";
  locale: Locale;
  origin: string;
  now: Date;
  maxCodesPerCampaign: number;
  heavyJobs: HeavyJobs;
  bulkWriter: BulkWriter;
}): Promise<CampaignCodesFile> {
  return heavyJobs.run(async () => {
    const { campaign, scope } = campaignForCodes(db, actor, slug, now);
    const issued = issuedCodesByUnit(db, campaign.id);
    const asks = [...scope]
      .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }))
      .map((unit) => ({
        unitId: unit.id,
        headcount: unit.headcount,
        count:
          "perUnit" in size
            ? size.perUnit
            : Math.max(0, (unit.headcount ?? 0) - (issued.get(unit.id) ?? 0)),
      }))
      .filter((ask) => ask.count > 0);
    if (asks.length === 0) {
      throw new InvalidInputError(
        "No unit of this campaign needs codes: none has a headcount above the codes it already holds.",
        [{ question: "size", message: "nothing to generate" }],
      );
    }
    const tooMany = asks.find((ask) => ask.count > MAX_CODES_PER_CALL);
    if (tooMany) {
      throw new InvalidInputError(`At most ${MAX_CODES_PER_CALL} codes per unit at once.`, [
        { question: "size", message: "too many codes for one unit" },
      ]);
    }
    const stored = await bulkWriter.generateCodes({
      campaignId: campaign.id,
      slug: campaign.slug,
      organisationId: campaign.organisationId,
      units: asks,
      maxCodesPerCampaign,
      actor,
      at: now,
    });
    if (!stored.ok) throw codeLimitError(stored, scope, maxCodesPerCampaign);

    const names = new Map(
      db
        .select({
          id: units.id,
          code: units.code,
          nl: units.nameNl,
          fr: units.nameFr,
          en: units.nameEn,
        })
        .from(units)
        .where(
          inArray(
            units.id,
            asks.map((ask) => ask.unitId),
          ),
        )
        .all()
        .map((unit) => [unit.id, { code: unit.code, name: unit[locale] }]),
    );
    const rows: CodeFileRow[] = asks.flatMap((ask, index) => {
      const unit = names.get(ask.unitId) ?? { code: ask.unitId, name: ask.unitId };
      return (stored.codes[index] ?? []).map((code) => ({
        unitCode: unit.code,
        unitName: unit.name,
        link: personalLink(origin, campaign.slug, code),
      }));
    });
    const base = `${campaign.slug}-codes`;
    return format === "xlsx"
      ? {
          filename: `${base}.xlsx`,
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          body: codesXlsxFile(rows, locale),
          codes: rows.length,
        }
      : {
          filename: `${base}.csv`,
          contentType: "text/csv; charset=utf-8",
          body: codesCsvFile(rows, locale),
          codes: rows.length,
        };
  });
}
