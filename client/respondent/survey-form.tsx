import { useEffect, useMemo, useRef, useState } from "react";
import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.css";
import type { Locale } from "../i18n/locales";
import { type CodeProblem, RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { createSurveyModel } from "../shared/survey-model";
import { codeProblemOf } from "./invitation-code";
import { CodeForm } from "./invitation-code-step";
import { type CampaignForm, type Problem, submitAnswers } from "./respondent-api";

type Failure =
  | { kind: "invalid"; questions: string[] }
  | { kind: "failed" }
  | { kind: "code"; problem: CodeProblem }
  | { kind: "code-replaced" };

/**
 * The questionnaire and its submission. With an invitation the code goes along with the
 * answers; when it is refused at that point (used in another tab meanwhile), the answers stay
 * on screen and another code can be entered.
 */
export function SurveyForm({
  form,
  slug,
  locale,
  code,
  onCode,
  onStored,
  onProblem,
}: {
  form: CampaignForm;
  slug: string;
  locale: Locale;
  /** The accepted invitation code, held in memory only; undefined with an open link. */
  code: string | undefined;
  onCode: (code: string) => void;
  onStored: () => void;
  onProblem: (problem: Problem) => void;
}) {
  const t = RESPONDENT_MESSAGES[locale];
  const [failure, setFailure] = useState<Failure | null>(null);
  // The model is built once per form; the effect below applies language changes to it without
  // losing answers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: locale is applied by that effect
  const model = useMemo<Model>(
    () => createSurveyModel(form.questionnaire.definition, locale),
    [form],
  );
  const latest = useRef({ onStored, onProblem, code });
  latest.current = { onStored, onProblem, code };

  useEffect(() => {
    model.locale = locale;
  }, [model, locale]);

  useEffect(() => {
    const completing = async (sender: Model, options: { allow: boolean }) => {
      setFailure(null);
      const result = await submitAnswers(slug, sender.data, latest.current.code);
      if (result.kind === "stored") return;
      options.allow = false;
      if (result.kind === "network") {
        setFailure({ kind: "failed" });
        return;
      }
      const { problem } = result;
      const codeProblem = codeProblemOf(problem);
      if (codeProblem) {
        setFailure({ kind: "code", problem: codeProblem });
      } else if (problem.status === 422 && problem.errors) {
        const faulty = problem.errors
          .map((error) => sender.getQuestionByName(error.question))
          .filter((question) => question !== null);
        for (const question of faulty) question.addError(t.invalidTitle);
        setFailure({ kind: "invalid", questions: faulty.map((q) => q.processedTitle) });
        faulty[0]?.focus(true);
      } else if (problem.status === 403 || problem.status === 410 || problem.status === 404) {
        latest.current.onProblem(problem);
      } else {
        setFailure({ kind: "failed" });
      }
    };
    const complete = () => latest.current.onStored();
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
      {failure?.kind === "code" ? (
        <section className="card alert" aria-labelledby="code-refused-title">
          <h2 id="code-refused-title">{t.submitFailedTitle}</h2>
          <div role="alert">
            <p>{t.codeProblems[failure.problem]}</p>
            <p>{t.codeRejectedText}</p>
          </div>
          <CodeForm
            locale={locale}
            slug={slug}
            submitLabel={t.codeUseOther}
            onAccepted={(accepted) => {
              onCode(accepted);
              setFailure({ kind: "code-replaced" });
            }}
            onCampaignProblem={onProblem}
          />
        </section>
      ) : null}
      {failure?.kind === "code-replaced" ? (
        <p className="card" role="status">
          {t.codeReplaced}
        </p>
      ) : null}
      <Survey model={model} />
    </>
  );
}
