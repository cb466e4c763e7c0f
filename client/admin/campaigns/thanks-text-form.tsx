import { type FormEvent, useId, useState } from "react";
import { LOCALES, type Locale } from "../../i18n/locales";
import { ApiProblem, api } from "../admin-api";
import { useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { lastDayOf } from "./campaign-dates";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignView } from "./campaign-types";
import { standardThanks, ThanksTextFields } from "./thanks-text-fields";

/**
 * The thank-you text of an open campaign, which may still change (the draft's form holds it
 * before): what the next respondents read about when and how results are shared.
 */
export function ThanksTextForm({
  campaign,
  onChanged,
}: {
  campaign: CampaignView;
  onChanged: (message: string) => void;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const admin = useMessages(ADMIN_MESSAGES);
  const id = useId();
  const [value, setValue] = useState(campaign.thanksText);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<Locale[]>([]);
  const lastDay = lastDayOf(campaign.closesAt);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setInvalid([]);
    setBusy(true);
    try {
      await api<{ campaign: CampaignView }>(
        "PATCH",
        `/campaigns/${encodeURIComponent(campaign.slug)}`,
        { thanksText: value },
      );
      onChanged(t.thanksSaved);
    } catch (caught) {
      const fields =
        caught instanceof ApiProblem && caught.status === 422
          ? LOCALES.filter((locale) =>
              caught.errors.some((error) => error.question === `thanksText.${locale}`),
            )
          : [];
      if (fields.length > 0) setInvalid(fields);
      else setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.thanksTitle}</h2>
      <p>{t.thanksWhileOpen}</p>
      {problem ? <CampaignProblem problem={problem} /> : null}
      <form className="stacked-form" onSubmit={submit} noValidate>
        <ThanksTextFields
          locales={campaign.locales}
          value={value}
          onChange={(locale, text) => setValue((current) => ({ ...current, [locale]: text }))}
          standardText={(locale) => standardThanks(locale, lastDay, campaign.k)}
          idFor={(locale) => `${id}-thanks-${locale}`}
          inCard
          errorFor={(locale) =>
            invalid.includes(locale) ? t.fieldProblems[`thanksText.${locale}`] : undefined
          }
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? admin.saving : t.thanksSave}
          </button>
        </div>
      </form>
    </section>
  );
}
