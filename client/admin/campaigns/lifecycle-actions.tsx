import { useEffect, useId, useRef, useState } from "react";
import { api } from "../admin-api";
import { useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { CAMPAIGN_MESSAGES, type Transition } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignStatus, CampaignView } from "./campaign-types";

/** The one step a campaign can take from each status. */
const NEXT: Partial<Record<CampaignStatus, Transition>> = {
  draft: "open",
  open: "close",
  closed: "archive",
};

/**
 * The campaign's next status change, asked twice: the first button shows what will happen and
 * a confirm button (focus moves to the explanation), so nothing changes by a single slip.
 */
export function LifecycleActions({
  campaign,
  onChanged,
  onEdit,
}: {
  campaign: CampaignView;
  onChanged: (message: string) => void;
  onEdit: () => void;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const admin = useMessages(ADMIN_MESSAGES);
  const id = useId();
  const transition = NEXT[campaign.status];
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const explanation = useRef<HTMLParagraphElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) explanation.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!transition) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.lifecycleTitle}</h2>
        <p>{t.archivedText}</p>
      </section>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api("POST", `/campaigns/${encodeURIComponent(campaign.slug)}/${transition}`);
      setConfirming(false);
      onChanged(t.transitionDone[transition]);
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.lifecycleTitle}</h2>
      <p>{t.nextStep[transition]}</p>
      {problem ? <CampaignProblem problem={problem} /> : null}
      {confirming ? (
        <div className="confirm-box">
          <p id={`${id}-confirm`} ref={explanation} tabIndex={-1}>
            {t.confirmText[transition]}
          </p>
          <div className="actions">
            <button
              type="button"
              className={transition === "open" ? "primary" : "danger"}
              aria-describedby={`${id}-confirm`}
              disabled={busy}
              onClick={confirm}
            >
              {busy ? admin.saving : t.confirmButton[transition]}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            ref={start}
            type="button"
            className={transition === "open" ? "primary" : "secondary"}
            onClick={() => {
              setProblem(null);
              setConfirming(true);
            }}
          >
            {t.transitionButton[transition]}
          </button>
          {campaign.status === "draft" ? (
            <button type="button" className="secondary" onClick={onEdit}>
              {t.editSettings}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
