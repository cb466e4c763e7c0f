import { type FormEvent, useId, useState } from "react";
import { ApiProblem, api } from "../admin-api";
import { useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignView } from "./campaign-types";

/**
 * Raising k after the draft (the only setting that may still change). The server refuses a
 * lower k once results were viewed, any change once the answer count was shown (then this card
 * only says so), and anything else outside draft; its refusal is shown.
 */
export function RaiseKForm({
  campaign,
  onChanged,
}: {
  campaign: CampaignView;
  onChanged: (message: string) => void;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const admin = useMessages(ADMIN_MESSAGES);
  const id = useId();
  const [k, setK] = useState(String(campaign.k + 1));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const wanted = Number(k);
    // Only upwards here: a lower k could show groups that viewers already saw hidden.
    if (k.trim() === "" || !Number.isInteger(wanted) || wanted <= campaign.k) {
      setFieldError(true);
      return;
    }
    setBusy(true);
    setFieldError(false);
    try {
      const answer = await api<{ campaign: CampaignView }>(
        "PATCH",
        `/campaigns/${encodeURIComponent(campaign.slug)}`,
        { k: wanted },
      );
      onChanged(t.kRaised(answer.campaign.k));
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 422) setFieldError(true);
      else setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  if (campaign.answerCountShown) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.raiseKTitle}</h2>
        <p>{t.kFixedByCount(campaign.k)}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.raiseKTitle}</h2>
      <p>{t.raiseKIntro}</p>
      {problem ? <CampaignProblem problem={problem} /> : null}
      <form className="stacked-form inline-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-k`}>
          {t.newK}
          <input
            id={`${id}-k`}
            type="number"
            inputMode="numeric"
            min={campaign.k + 1}
            step={1}
            value={k}
            aria-invalid={fieldError || undefined}
            aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ""}`}
            onChange={(event) => setK(event.currentTarget.value)}
          />
          <span id={`${id}-hint`} className="hint">
            {t.raiseKHint(campaign.k)}
          </span>
          {fieldError ? (
            <span id={`${id}-error`} className="field-error" role="alert">
              {t.kMustRise(campaign.k)}
            </span>
          ) : null}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? admin.saving : t.raiseK}
          </button>
        </div>
      </form>
    </section>
  );
}
