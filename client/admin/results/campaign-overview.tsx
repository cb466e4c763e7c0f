import type { Participation } from "../../../server/contract/participation-schema";
import type { ReleaseGroup } from "../../../server/contract/release-schema";
import {
  itemLabel,
  optionLabel,
  type QuestionnaireLabels,
} from "../../../surveys/model/questionnaire-labels";
import { formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { HiddenMark } from "../hidden-mark";
import type { ApiData } from "../use-api-data";
import { RESULTS_MESSAGES } from "./results-messages";

/** A statement of the group with its favourable share and its top answer's share. */
export interface Headline {
  key: string;
  favourable: number;
  /** The highest answer's share among those who answered (the "strongly" part). */
  top: number;
  topValue: string;
}

/**
 * The agreement statements of one published group, most agreed first: favourable share as the
 * release gives it, and the top answer's share among those who answered (what "47% strongly"
 * says). Hidden questions are left out (they have no figure to rank).
 */
export function headlines(group: ReleaseGroup | undefined): Headline[] {
  if (!group) return [];
  const found: Headline[] = [];
  for (const item of group.items) {
    if ("hidden" in item || item.kind !== "single") continue;
    if (item.favourable === null || item.favourable === undefined) continue;
    const answered = item.options.filter((option) => option.value !== null);
    const total = answered.reduce((sum, option) => sum + option.count, 0);
    const top = answered.at(-1);
    if (!top || total === 0) continue;
    found.push({
      key: item.key,
      favourable: item.favourable,
      top: top.count / total,
      topValue: top.value as string,
    });
  }
  return found.sort((a, b) => b.favourable - a.favourable || a.key.localeCompare(b.key));
}

/**
 * The first thing on the results screen: how many answered, the response rate where codes were
 * issued, and the statements most and least agreed with in the chosen group.
 */
export function CampaignOverview({
  group,
  unitId,
  participation,
  labels,
  k,
}: {
  group: ReleaseGroup | undefined;
  unitId: string;
  participation: ApiData<Participation>;
  labels: QuestionnaireLabels;
  k: number;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const locale = useAdminLocale();
  const percent = (share: number) => formatNumber(share, locale, "percent");
  // One decimal in the headlines: 47.8% must not read as 48%.
  const precise = (share: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
  const ranked = headlines(group);
  const rate =
    participation.state === "ready"
      ? participation.data.units.find((unit) => unit.unitId === unitId)?.rate
      : undefined;
  const line = (entry: Headline) => {
    const label = itemLabel(labels, entry.key);
    return (
      <li key={entry.key}>
        <strong>
          {t.agreeHeadline(
            precise(entry.favourable),
            Math.round(entry.favourable * 10),
            precise(entry.top),
            optionLabel(labels, entry.key, entry.topValue),
          )}
        </strong>
        <br />
        {label.row ? `${label.title} — ${label.row}` : label.title}
      </li>
    );
  };
  const highest = ranked.slice(0, 3);
  const lowest = ranked.length > 3 ? ranked.slice(-3).reverse() : [];
  return (
    <section className="card overview print-keep" aria-labelledby="results-overview">
      <h2 id="results-overview">{t.overviewTitle}</h2>
      <dl className="overview-figures">
        <div>
          <dt>{t.respondentsLabel}</dt>
          <dd className="big-figure">
            {group === undefined ? (
              "—"
            ) : "hidden" in group.n ? (
              <HiddenMark reason={group.n.hidden} k={k} />
            ) : (
              formatNumber(group.n.value, locale)
            )}
          </dd>
        </div>
        <div>
          <dt>{t.responseRateLabel}</dt>
          <dd className={rate && "value" in rate ? "big-figure" : undefined}>
            {rate && "value" in rate ? (
              percent(rate.value)
            ) : rate && "hidden" in rate ? (
              <HiddenMark reason={rate.hidden} k={k} />
            ) : (
              t.responseRateUnknown
            )}
          </dd>
        </div>
      </dl>
      {ranked.length === 0 ? (
        <p>{t.noScaleQuestions}</p>
      ) : (
        <div className="overview-lists">
          <div>
            <h3>{t.highestTitle}</h3>
            <ul className="headline-list">{highest.map(line)}</ul>
          </div>
          {lowest.length > 0 ? (
            <div>
              <h3>{t.lowestTitle}</h3>
              <ul className="headline-list">{lowest.map(line)}</ul>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
