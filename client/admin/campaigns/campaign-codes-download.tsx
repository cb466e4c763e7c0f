import { type FormEvent, useId, useState } from "react";
import type { CampaignCodesRequest } from "../../../server/contract/invitation-schemas";
import { ApiProblem, apiFile } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { CAMPAIGN_CODES_MESSAGES } from "./campaign-codes-messages";
import { CampaignProblem } from "./campaign-problem";
import { type CampaignView, MAX_CODES_PER_CALL } from "./campaign-types";
import { CODE_LIMIT_MESSAGES, codeLimitText } from "./code-limit-messages";
import { saveFromMemory } from "./save-from-memory";

/**
 * Codes for every unit of a campaign in one step: a count per unit or each unit's headcount,
 * downloaded at once as one XLSX or CSV file in the staff member's language. The codes pass
 * through this page's memory only, into the download.
 */
export function CampaignCodesDownload({
  campaign,
  onGenerated,
}: {
  campaign: CampaignView;
  onGenerated: () => void;
}) {
  const t = useMessages(CAMPAIGN_CODES_MESSAGES);
  const limits = useMessages(CODE_LIMIT_MESSAGES);
  const locale = useAdminLocale();
  const id = useId();
  const [size, setSize] = useState<"perUnit" | "fromHeadcounts">("fromHeadcounts");
  const [count, setCount] = useState("10");
  const [format, setFormat] = useState<CampaignCodesRequest["format"]>("xlsx");
  const [busy, setBusy] = useState(false);
  const [countError, setCountError] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = Number(count);
    if (
      size === "perUnit" &&
      !(Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_CODES_PER_CALL)
    ) {
      setCountError(true);
      return;
    }
    setCountError(false);
    setProblem(null);
    setMessage(null);
    setBusy(true);
    try {
      const request: CampaignCodesRequest = {
        size: size === "perUnit" ? { perUnit: wanted } : { fromHeadcounts: true },
        format,
        locale,
      };
      const { blob, filename } = await apiFile(
        `/campaigns/${encodeURIComponent(campaign.slug)}/codes/campaign`,
        request,
      );
      saveFromMemory(blob, filename);
      setMessage(t.done(filename));
      onGenerated();
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  const limitText = codeLimitText(problem, limits);
  const nothing =
    problem instanceof ApiProblem && problem.status === 422 && size === "fromHeadcounts";
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      <p>{t.intro}</p>
      <p className="hint">{t.separation}</p>
      {limitText || nothing ? (
        <div className="card alert" role="alert">
          <p>{limitText ?? t.nothingToDo}</p>
        </div>
      ) : problem ? (
        <CampaignProblem problem={problem} />
      ) : null}
      <form className="stacked-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t.size}</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-size`}
              checked={size === "fromHeadcounts"}
              onChange={() => setSize("fromHeadcounts")}
              aria-describedby={`${id}-headcounts-hint`}
            />
            {t.fromHeadcounts}
            <span id={`${id}-headcounts-hint`} className="hint">
              {t.fromHeadcountsHint}
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-size`}
              checked={size === "perUnit"}
              onChange={() => setSize("perUnit")}
            />
            {t.perUnit}
          </label>
        </fieldset>
        {size === "perUnit" ? (
          <label htmlFor={`${id}-count`}>
            {t.count}
            <input
              id={`${id}-count`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_CODES_PER_CALL}
              step={1}
              value={count}
              aria-invalid={countError || undefined}
              aria-describedby={`${id}-count-hint`}
              onChange={(event) => setCount(event.currentTarget.value)}
            />
            <span id={`${id}-count-hint`} className={countError ? "field-error" : "hint"}>
              {t.countHint(MAX_CODES_PER_CALL)}
            </span>
          </label>
        ) : null}
        <fieldset>
          <legend>{t.format}</legend>
          {(["xlsx", "csv"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              {t[value]}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.generating : t.generate}
          </button>
        </div>
        {message ? (
          <p role="status" className="hint">
            {message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
