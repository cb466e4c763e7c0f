import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { LANGUAGE_TAGS, LOCALES, type Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { type AnswerDraft, readDraft } from "./answer-draft";
import { codeFromFragment } from "./invitation-code";
import { InvitationCodeStep } from "./invitation-code-step";
import { PageFrame } from "./page-frame";
import { PrivacyNotice } from "./privacy-notice";
import { type CampaignForm, fetchForm, type Problem } from "./respondent-api";
import { ThankYou } from "./thank-you";
import { useLocale } from "./use-locale";

// SurveyJS is most of the page's weight: the privacy notice shows without it, and the notice
// starts loading it (loadSurveyForm) while the person reads.
const loadSurveyForm = () => import("./survey-form");
const SurveyForm = lazy(loadSurveyForm);

type Stage =
  | { kind: "loading" }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" }
  | { kind: "notice"; form: CampaignForm }
  | { kind: "code"; form: CampaignForm; draft?: AnswerDraft }
  // The code lives here, in memory only: never in storage, the address or a cookie.
  | { kind: "survey"; form: CampaignForm; code?: string; draft?: AnswerDraft }
  | { kind: "done"; form: CampaignForm };

/**
 * One campaign's survey: privacy notice, the invitation code (in invitation-codes mode),
 * questionnaire, thank-you, and every error state. Answers kept in this tab before a reload
 * bring the person back to where they were (past the notice, which they read already; with an
 * invitation, to the code, which is never kept).
 */
export function SurveyPage({ slug, unitFromLink }: { slug: string; unitFromLink: string | null }) {
  const [stage, setStage] = useState<Stage>({ kind: "loading" });
  // A personal link's code is read once and taken out of the address bar at once, so it stays
  // in memory only (not in the history entry, a bookmark or a screenshot of the address).
  const [codeFromLink] = useState(() => {
    const code = codeFromFragment(window.location.hash);
    if (code !== "") {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    return code;
  });
  const offered = "form" in stage ? stage.form.campaign.locales : LOCALES;
  const [locale, setLocale] = useLocale(offered);
  const t = RESPONDENT_MESSAGES[locale];

  const load = useCallback(async () => {
    setStage({ kind: "loading" });
    const result = await fetchForm(slug, unitFromLink);
    if (result.kind === "problem") return setStage({ kind: "problem", problem: result.problem });
    if (result.kind === "network") return setStage({ kind: "network" });
    const { form } = result;
    const draft = readDraft(slug, form.questionnaire.sha256);
    if (!draft) return setStage({ kind: "notice", form });
    if (form.campaign.locales.includes(draft.locale)) setLocale(draft.locale);
    setStage({
      kind: form.campaign.accessMode === "invitation-codes" ? "code" : "survey",
      form,
      draft,
    });
  }, [slug, unitFromLink, setLocale]);

  useEffect(() => {
    void load();
  }, [load]);

  const title = "form" in stage ? stage.form.campaign.title[locale] : "Peilpunt";
  useEffect(() => {
    document.title = `${title} — Peilpunt`;
  }, [title]);

  let heading = title;
  let body: React.ReactNode;
  switch (stage.kind) {
    case "loading":
      body = (
        <p role="status" className="card">
          {t.loading}
        </p>
      );
      break;
    case "network":
      heading = t.networkTitle;
      body = (
        <div className="card" role="alert">
          <p>{t.networkText}</p>
          <button type="button" className="primary" onClick={() => void load()}>
            {t.retry}
          </button>
        </div>
      );
      break;
    case "problem": {
      const date = (iso?: string) => (iso ? formatDate(iso, locale) : "");
      const { problem } = stage;
      [heading, body] =
        problem.status === 403
          ? [t.notOpenTitle, <p key="p">{t.notOpenText(date(problem.opensAt))}</p>]
          : problem.status === 410
            ? [t.closedTitle, <p key="p">{t.closedText(date(lastMoment(problem.closesAt)))}</p>]
            : [t.notFoundTitle, <p key="p">{t.notFoundText}</p>];
      body = <div className="card">{body}</div>;
      break;
    }
    case "notice":
      body = (
        <PrivacyNotice
          locale={locale}
          slug={slug}
          form={stage.form}
          onShown={() => void loadSurveyForm()}
          onStart={() =>
            setStage({
              kind: stage.form.campaign.accessMode === "invitation-codes" ? "code" : "survey",
              form: stage.form,
            })
          }
        />
      );
      break;
    case "code":
      body = (
        <InvitationCodeStep
          locale={locale}
          slug={slug}
          resumed={stage.draft !== undefined}
          initialCode={codeFromLink}
          onShown={() => void loadSurveyForm()}
          onAccepted={(code) =>
            setStage({ kind: "survey", form: stage.form, code, draft: stage.draft })
          }
          onCampaignProblem={(problem) => setStage({ kind: "problem", problem })}
        />
      );
      break;
    case "survey":
      body = (
        <Suspense
          fallback={
            <p role="status" className="card">
              {t.loading}
            </p>
          }
        >
          <SurveyForm
            form={stage.form}
            slug={slug}
            locale={locale}
            code={stage.code}
            draft={stage.draft}
            onCode={(code) => setStage({ ...stage, code })}
            onStored={() => setStage({ kind: "done", form: stage.form })}
            onProblem={(problem) => setStage({ kind: "problem", problem })}
          />
        </Suspense>
      );
      break;
    case "done": {
      const { campaign } = stage.form;
      const closingDay = formatDate(lastMoment(campaign.closesAt) ?? campaign.closesAt, locale);
      heading = t.thanksTitle;
      body = <ThankYou campaign={campaign} locale={locale} closingDay={closingDay} />;
      break;
    }
  }
  return (
    <PageFrame locale={locale} offered={offered} onLocale={setLocale} heading={heading}>
      {body}
    </PageFrame>
  );
}

/** The last moment a campaign was open: it closes at midnight, so the day before counts. */
function lastMoment(closesAt?: string): string | undefined {
  return closesAt ? new Date(new Date(closesAt).getTime() - 1).toISOString() : undefined;
}

function formatDate(iso: string, locale: Locale): string {
  const tag = LANGUAGE_TAGS[locale];
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "Europe/Brussels" }).format(
    new Date(iso),
  );
}
