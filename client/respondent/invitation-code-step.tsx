import { type FormEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { Locale } from "../i18n/locales";
import { type CodeProblem, RESPONDENT_MESSAGES } from "../i18n/respondent-messages";
import { caretAfterFormatting, codeProblemOf, formatTypedCode } from "./invitation-code";
import { checkCode, type Problem } from "./respondent-api";
import "./invitation-code-step.css";

interface CodeFormProps {
  locale: Locale;
  slug: string;
  submitLabel: string;
  /** A code to start with (from the personal link's fragment); the person still confirms it. */
  initialCode?: string;
  /** A code the server accepted; the caller keeps it in memory only, to send with the answers. */
  onAccepted: (code: string) => void;
  /** The campaign itself is gone, closed or not open (404, 403, 410). */
  onCampaignProblem: (problem: Problem) => void;
}

/**
 * The code field with its check: formats as the person types, asks the server on submit and
 * says why a code was refused, next to the field (aria-invalid, aria-describedby, role=alert).
 */
export function CodeForm({
  locale,
  slug,
  submitLabel,
  initialCode = "",
  onAccepted,
  onCampaignProblem,
}: CodeFormProps) {
  const t = RESPONDENT_MESSAGES[locale];
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [code, setCode] = useState(initialCode);
  const [problem, setProblem] = useState<CodeProblem | null>(null);
  const [checking, setChecking] = useState(false);

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (caret !== null && input.current === document.activeElement) {
      input.current?.setSelectionRange(caret, caret);
    }
    pendingCaret.current = null;
  });

  const refuse = (reason: CodeProblem) => {
    setProblem(reason);
    input.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking) return;
    if (code === "") return refuse("empty");
    setChecking(true);
    setProblem(null);
    const result = await checkCode(slug, code);
    setChecking(false);
    if (result.kind === "accepted") return onAccepted(code);
    if (result.kind === "network") return refuse("network");
    const reason = codeProblemOf(result.problem);
    if (reason) return refuse(reason);
    if (result.problem.status === 429) return refuse("tooMany");
    if ([403, 404, 410].includes(result.problem.status)) return onCampaignProblem(result.problem);
    refuse("failed");
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className="code-form" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-code`}>{t.codeLabel}</label>
      <p id={hintId} className="code-hint">
        {t.codeHint}
      </p>
      <input
        ref={input}
        id={`${id}-code`}
        name="invitation-code"
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        value={code}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => {
          const typed = event.target.value;
          pendingCaret.current = caretAfterFormatting(
            typed,
            event.target.selectionStart ?? typed.length,
          );
          setCode(formatTypedCode(typed));
        }}
      />
      {problem ? (
        <p id={errorId} className="code-error" role="alert">
          {t.codeProblems[problem]}
        </p>
      ) : null}
      {checking ? (
        <p className="code-checking" role="status">
          {t.codeChecking}
        </p>
      ) : null}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}

/** The step between the privacy notice and the questions in invitation-codes mode. */
export function InvitationCodeStep({
  resumed,
  onShown,
  ...props
}: Omit<CodeFormProps, "submitLabel"> & {
  /** Answers from before a reload wait in this tab; the code itself was never kept. */
  resumed: boolean;
  /** Called once the step is on screen (the page then loads the questionnaire's code). */
  onShown: () => void;
}) {
  const t = RESPONDENT_MESSAGES[props.locale];
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the step first shows
  useEffect(() => onShown(), []);
  return (
    <section className="card" aria-labelledby="code-title">
      <h2 id="code-title">{t.codeTitle}</h2>
      <p>{resumed ? t.codeAgainAfterReload : t.codeIntro}</p>
      <CodeForm {...props} submitLabel={t.codeContinue} />
    </section>
  );
}
