import { useEffect, useMemo, useRef, useState } from "react";
import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/survey-core.fontless.css";
import "./survey-form.css";
import type { Locale } from "../i18n/locales";
import { type CodeProblem, RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { createSurveyModel, setSurveyLocale } from "../shared/survey-model";
import { type AnswerDraft, clearDraft, saveDraft } from "./answer-draft";
import { ClearAnswers } from "./clear-answers";
import { codeProblemOf } from "./invitation-code";
import { CodeForm } from "./invitation-code-step";
import { type CampaignForm, type Problem, submitAnswers } from "./respondent-api";
import { SurveyProgress } from "./survey-progress";

type Failure =
  | { kind: "invalid"; questions: string[] }
  | { kind: "failed" }
  | { kind: "code"; problem: CodeProblem }
  | { kind: "code-replaced" };

interface SurveyFormProps {
  form: CampaignForm;
  slug: string;
  locale: Locale;
  /** The accepted invitation code, held in memory only; undefined with an open link. */
  code: string | undefined;
  /** Answers kept in this tab before a reload (answer-draft.ts). */
  draft: AnswerDraft | undefined;
  onCode: (code: string) => void;
  onStored: () => void;
  onProblem: (problem: Problem) => void;
}

/**
 * The questionnaire and its submission. Unsent answers are kept in this tab's sessionStorage
 * after every change, and leaving the page with some asks first. Sending says that it is
 * under way; a failure is shown and focused right below the send button, with "send again",
 * and the answers stay. With an invitation the code goes along with the answers; when it is
 * refused at that point (used in another tab meanwhile), another code can be entered.
 * Loaded apart from the privacy notice (React.lazy): SurveyJS is most of the page's weight.
 */
export default function SurveyForm({
  form,
  slug,
  locale,
  code,
  draft,
  onCode,
  onStored,
  onProblem,
}: SurveyFormProps) {
  const t = RESPONDENT_MESSAGES[locale];
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<"restored" | "cleared" | null>(draft ? "restored" : null);
  const failureBox = useRef<HTMLDivElement>(null);
  // The model is built once per form; effects below apply language changes without losing answers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: locale and draft apply once, at creation
  const model = useMemo<Model>(() => {
    const built = createSurveyModel(form.questionnaire.definition, locale);
    if (draft) {
      built.data = draft.answers;
      built.currentPageNo = Math.min(draft.page, built.visiblePageCount - 1);
    }
    return built;
  }, [form]);
  const [pageNo, setPageNo] = useState(model.currentPageNo);
  const latest = useRef({ onStored, onProblem, code, locale, sending: false, stored: false });
  latest.current = { ...latest.current, onStored, onProblem, code, locale };

  const keepDraft = () => {
    if (latest.current.stored) return;
    saveDraft(slug, {
      sha256: form.questionnaire.sha256,
      answers: model.data,
      page: model.currentPageNo,
      locale: latest.current.locale,
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: keepDraft reads the latest values
  useEffect(() => {
    setSurveyLocale(model, locale);
    if (Object.keys(model.data).length > 0) keepDraft();
  }, [model, locale]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: keepDraft reads the latest values
  useEffect(() => {
    const changed = () => {
      keepDraft();
      setPageNo(model.currentPageNo);
    };
    model.onValueChanged.add(changed);
    model.onCurrentPageChanged.add(changed);
    const leaving = (event: BeforeUnloadEvent) => {
      if (latest.current.stored || Object.keys(model.data).length === 0) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", leaving);
    return () => {
      model.onValueChanged.remove(changed);
      model.onCurrentPageChanged.remove(changed);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [model, slug]);

  useEffect(() => {
    const completing = async (sender: Model, options: { allow: boolean }) => {
      if (latest.current.sending) {
        options.allow = false;
        return;
      }
      latest.current.sending = true;
      setSending(true);
      setFailure(null);
      const result = await submitAnswers(slug, sender.data, latest.current.code);
      latest.current.sending = false;
      setSending(false);
      if (result.kind === "stored") {
        latest.current.stored = true;
        clearDraft(slug);
        return;
      }
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

  // A failure is announced (role=alert) and also focused and scrolled to, where the person looks.
  useEffect(() => {
    if (failure?.kind === "failed" || failure?.kind === "code") {
      failureBox.current?.focus();
      failureBox.current?.scrollIntoView({ block: "center" });
    }
  }, [failure]);

  const clearAnswers = () => {
    clearDraft(slug);
    model.clear(true, true);
    setFailure(null);
    setNote("cleared");
    setPageNo(model.currentPageNo);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <SurveyProgress locale={locale} page={pageNo + 1} pages={model.visiblePageCount} />
      {note ? (
        <p className="card draft-note" role="status">
          {note === "restored" ? t.draftRestored : t.cleared}
        </p>
      ) : null}
      <Survey model={model} />
      <div className="send-status">
        {sending ? (
          <p className="card" role="status">
            {t.submitting}
          </p>
        ) : null}
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
          <div
            ref={failureBox}
            className="card alert"
            role="alert"
            tabIndex={-1}
            aria-labelledby="send-failed-title"
          >
            <h2 id="send-failed-title">{t.submitFailedTitle}</h2>
            <p>{t.submitFailedText}</p>
            <button type="button" className="primary" onClick={() => model.tryComplete()}>
              {t.submitAgain}
            </button>
          </div>
        ) : null}
        {failure?.kind === "code" ? (
          <section
            ref={failureBox}
            className="card alert"
            tabIndex={-1}
            aria-labelledby="code-refused-title"
          >
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
      </div>
      <ClearAnswers locale={locale} onClear={clearAnswers} />
    </>
  );
}
