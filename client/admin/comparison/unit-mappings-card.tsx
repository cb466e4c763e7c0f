import { useEffect, useId, useState } from "react";
import type { CampaignView } from "../../../server/contract/campaign-schemas";
import type {
  MappedUnit,
  UnitMappingPair,
  UnitMappingsAnswer,
} from "../../../server/contract/unit-mapping-schemas";
import { ApiProblem, api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { Loading, ProblemAlert } from "../page-states";
import { useApiData } from "../use-api-data";
import { COMPARISON_MESSAGES } from "./comparison-messages";

/** A pair being edited: unit ids, "" while not chosen yet. */
interface DraftPair {
  key: number;
  earlier: string;
  later: string;
}

let nextKey = 1;
const draft = (pair: UnitMappingPair): DraftPair => ({ key: nextKey++, ...pair });

/**
 * Maps units of an earlier campaign to this campaign's (renamed, merged, split), for the
 * campaign's coordinators and admins; saved as a whole, then the comparison is asked again.
 */
export function UnitMappingsCard({
  self,
  earlierWaves,
  onSaved,
}: {
  self: CampaignView;
  /** Campaigns of the series that opened before this one, oldest first. */
  earlierWaves: CampaignView[];
  onSaved: () => void;
}) {
  const t = useMessages(COMPARISON_MESSAGES);
  const m = t.mappings;
  const locale = useAdminLocale();
  const id = useId();
  const [from, setFrom] = useState(earlierWaves.at(-1)?.slug ?? "");
  const path = `/campaigns/${encodeURIComponent(self.slug)}/unit-mappings?from=${encodeURIComponent(from)}`;
  const [answer, reload] = useApiData<UnitMappingsAnswer>(path);
  const [pairs, setPairs] = useState<DraftPair[]>([]);
  const [status, setStatus] = useState<
    { state: "idle" } | { state: "saved" } | { state: "error"; problem: unknown }
  >({ state: "idle" });
  const loaded = answer.state === "ready" ? answer.data : null;
  useEffect(() => {
    if (loaded) setPairs(loaded.pairs.map(draft));
  }, [loaded]);

  const label = (unit: MappedUnit) => `${unit.code} — ${unit.name[locale]}`;
  const sorted = (list: MappedUnit[]) => [...list].sort((a, b) => a.code.localeCompare(b.code));
  const rowErrors = new Map<number, string[]>();
  if (status.state === "error" && status.problem instanceof ApiProblem) {
    for (const error of status.problem.errors) {
      const match = /^pairs\.(\d+)/.exec(error.question);
      if (!match) continue;
      const index = Number(match[1]);
      rowErrors.set(index, [
        ...(rowErrors.get(index) ?? []),
        m.errors[error.message] ?? error.message,
      ]);
    }
  }

  const save = async () => {
    setStatus({ state: "idle" });
    try {
      await api<UnitMappingsAnswer>(
        "PUT",
        `/campaigns/${encodeURIComponent(self.slug)}/unit-mappings`,
        {
          from,
          pairs: pairs
            .filter((pair) => pair.earlier !== "" && pair.later !== "")
            .map(({ earlier, later }) => ({ earlier, later })),
        },
      );
      await reload();
      setStatus({ state: "saved" });
      onSaved();
    } catch (problem) {
      setStatus({ state: "error", problem });
    }
  };
  const update = (key: number, patch: Partial<DraftPair>) =>
    setPairs((current) => current.map((pair) => (pair.key === key ? { ...pair, ...patch } : pair)));

  return (
    <details className="card no-print unit-mappings">
      <summary>
        <h2 className="summary-heading">{m.title}</h2>
      </summary>
      <p className="hint">{m.hint}</p>
      {earlierWaves.length > 1 ? (
        <label className="field">
          {m.from}
          <select value={from} onChange={(event) => setFrom(event.target.value)}>
            {earlierWaves.map((wave) => (
              <option key={wave.slug} value={wave.slug}>
                {wave.title[locale]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {answer.state === "loading" ? <Loading /> : null}
      {answer.state === "error" ? <ProblemAlert problem={answer.problem} /> : null}
      {loaded ? (
        <>
          {pairs.length === 0 ? <p>{m.none}</p> : null}
          <ol className="mapping-pairs">
            {pairs.map((pair, index) => (
              <li key={pair.key} className="mapping-pair">
                <label className="field">
                  {m.earlierUnit}
                  <select
                    value={pair.earlier}
                    onChange={(event) => update(pair.key, { earlier: event.target.value })}
                  >
                    <option value="">{m.choose}</option>
                    {sorted(loaded.earlierUnits).map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {label(unit)}
                      </option>
                    ))}
                  </select>
                </label>
                <span aria-hidden="true" className="mapping-arrow">
                  →
                </span>
                <label className="field">
                  {m.laterUnit}
                  <select
                    value={pair.later}
                    onChange={(event) => update(pair.key, { later: event.target.value })}
                  >
                    <option value="">{m.choose}</option>
                    {sorted(loaded.laterUnits).map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {label(unit)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setPairs((current) => current.filter((p) => p.key !== pair.key))}
                >
                  {m.remove(index + 1)}
                </button>
                {rowErrors.has(index) ? (
                  <p className="field-error" id={`${id}-error-${index}`}>
                    {rowErrors.get(index)?.join("; ")}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <p className="button-row">
            <button
              type="button"
              className="secondary"
              onClick={() => setPairs((current) => [...current, draft({ earlier: "", later: "" })])}
            >
              {m.add}
            </button>{" "}
            <button type="button" className="primary" onClick={() => void save()}>
              {m.save}
            </button>
          </p>
          <div role="status">{status.state === "saved" ? <p>{m.saved}</p> : null}</div>
          {status.state === "error" && rowErrors.size === 0 ? (
            <ProblemAlert problem={status.problem} />
          ) : null}
          <MappingOutcome answer={loaded} />
        </>
      ) : null}
    </details>
  );
}

/** What each unit of this campaign is compared with, for the units that changed. */
function MappingOutcome({ answer }: { answer: UnitMappingsAnswer }) {
  const t = useMessages(COMPARISON_MESSAGES);
  const locale = useAdminLocale();
  const earlier = new Map(answer.earlierUnits.map((unit) => [unit.id, unit]));
  const later = new Map(answer.laterUnits.map((unit) => [unit.id, unit]));
  const changed = answer.outcome.filter(
    (entry) => entry.change !== "unchanged" && entry.change !== "new",
  );
  const unchanged = answer.outcome.filter((entry) => entry.change === "unchanged").length;
  return (
    <>
      <h3>{t.mappings.outcomeTitle}</h3>
      <p>{t.mappings.byCode(unchanged)}</p>
      {changed.length > 0 ? (
        <ul>
          {changed.map((entry) => (
            <li key={entry.later}>
              <strong>{later.get(entry.later)?.name[locale] ?? entry.later}</strong>:{" "}
              {t.population(
                { from: 0, to: 1, same: entry.same, change: entry.change, earlier: [] },
                entry.earlier.map((unitId) => earlier.get(unitId)?.name[locale] ?? unitId),
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
