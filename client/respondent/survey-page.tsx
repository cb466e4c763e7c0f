import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.css";
import { LOCALES, type Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { PageFrame } from "./page-frame";
import { PrivacyNotice } from "./privacy-notice";
import { type CampaignForm, fetchForm, type Problem, submitAnswers } from "./respondent-api";
import { createSurveyModel } from "./survey-model";
import { useLocale } from "./use-locale";

type Stage =
  | { kind: "loading" }
  | { kind: "problem"; problem: Problem }
  | { kind: "network" }
  | { kind: "notice"; form: CampaignForm }
  | { kind: "survey"; form: CampaignForm }
  | { kind: "done"; form: CampaignForm };

/** One campaign's survey: privacy notice, questionnaire, thank-you, and every error state. */
export function SurveyPage({ slug, unitFromLink }: { slug: string; unitFromLink: string | null }) {
  const [stage, setStage] = useState<Stage>({ kind: "loading" });
  const offered = "form" in stage ? stage.form.campaign.locales : LOCALES;
  const [locale, setLocale] = useLocale(offered);
  const t = RESPONDENT_MESSAGES[locale];

  const load = useCallback(async () => {
    setStage({ kind: "loading" });
    const result = await fetchForm(slug, unitFromLink);
    if (result.kind === "form") setStage({ kind: "notice", form: result.form });
    else if (result.kind === "problem") setStage({ kind: "problem", problem: result.problem });
    else setStage({ kind: "network" });
  }, [slug, unitFromLink]);

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
          minCellSize={stage.form.campaign.minCellSize}
          onStart={() => setStage({ kind: "survey", form: stage.form })}
        />
      );
      break;
    case "survey":
      body = (
        <SurveyForm
          form={stage.form}
          slug={slug}
          locale={locale}
          onStored={() => setStage({ kind: "done", form: stage.form })}
          onProblem={(problem) => setStage({ kind: "problem", problem })}
        />
      );
      break;
    case "done":
      heading = t.thanksTitle;
      body = (
        <div className="card" role="status">
          <p>{t.thanksText}</p>
        </div>
      );
      break;
  }
  return (
    <PageFrame locale={locale} offered={offered} onLocale={setLocale} heading={heading}>
      {body}
    </PageFrame>
  );
}

function SurveyForm({
  form,
  slug,
  locale,
  onStored,
  onProblem,
}: {
  form: CampaignForm;
  slug: string;
  locale: Locale;
  onStored: () => void;
  onProblem: (problem: Problem) => void;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  const [failure, setFailure] = useState<
    { kind: "invalid"; questions: string[] } | { kind: "failed" } | null
  >(null);
  // The model is built once per form; the effect below applies language changes to it without
  // losing answers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: locale is applied by that effect
  const model = useMemo<Model>(
    () => createSurveyModel(form.questionnaire.definition, locale),
    [form],
  );
  const callbacks = useRef({ onStored, onProblem });
  callbacks.current = { onStored, onProblem };

  useEffect(() => {
    model.locale = locale;
  }, [model, locale]);

  useEffect(() => {
    const completing = async (sender: Model, options: { allow: boolean }) => {
      setFailure(null);
      const result = await submitAnswers(slug, sender.data);
      if (result.kind === "stored") return;
      options.allow = false;
      if (result.kind === "network") {
        setFailure({ kind: "failed" });
        return;
      }
      const { problem } = result;
      if (problem.status === 422 && problem.errors) {
        const faulty = problem.errors
          .map((error) => sender.getQuestionByName(error.question))
          .filter((question) => question !== null);
        for (const question of faulty) question.addError(t.invalidTitle);
        setFailure({ kind: "invalid", questions: faulty.map((q) => q.processedTitle) });
        faulty[0]?.focus(true);
      } else if (problem.status === 403 || problem.status === 410 || problem.status === 404) {
        callbacks.current.onProblem(problem);
      } else {
        setFailure({ kind: "failed" });
      }
    };
    const complete = () => callbacks.current.onStored();
    model.onCompleting.add(completing);
    model.onComplete.add(complete);
    return () => {
      model.onCompleting.remove(completing);
      model.onComplete.remove(complete);
    };
  }, [model, slug, t]);

  return (
    <>
      {failure?.kind === "invalid" ? (
        <div className="card alert" role="alert">
          <h2>{t.invalidTitle}</h2>
          <p>{t.invalidText}</p>
          <ul>
            {failure.questions.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure?.kind === "failed" ? (
        <div className="card alert" role="alert">
          <h2>{t.submitFailedTitle}</h2>
          <p>{t.submitFailedText}</p>
        </div>
      ) : null}
      <Survey model={model} />
    </>
  );
}

/** The last moment a campaign was open: it closes at midnight, so the day before counts. */
function lastMoment(closesAt?: string): string | undefined {
  return closesAt ? new Date(new Date(closesAt).getTime() - 1).toISOString() : undefined;
}

function formatDate(iso: string, locale: Locale): string {
  const tag = { nl: "nl-BE", fr: "fr-BE", en: "en-GB" }[locale];
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "Europe/Brussels" }).format(
    new Date(iso),
  );
}
