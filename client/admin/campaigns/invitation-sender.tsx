import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import type {
  InvitationsAnswer,
  SendingStarted,
  SendingView,
} from "../../../server/contract/invitation-schemas";
import { ApiProblem, api } from "../admin-api";
import { useMessages } from "../admin-locale";
import { CampaignProblem } from "./campaign-problem";
import type { CampaignView } from "./campaign-types";
import { CODE_LIMIT_MESSAGES, codeLimitText } from "./code-limit-messages";
import { INVITATION_MESSAGES } from "./invitation-messages";

type Kind = SendingView["kind"];

/** How often the page asks how a sending is going. */
const POLL_MS = 1000;

/** An Excel workbook (sent as bytes) rather than a CSV file (sent as text). */
function isWorkbook(file: File): boolean {
  return (
    file.name.toLowerCase().endsWith(".xlsx") ||
    file.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  );
}

/** Bytes as base64, in slices so a large file does not overflow the argument list. */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Uploading an address list for Peilpunt to send invitations or reminders, with the mail's
 * preview per language and the counts of the last sending. The file is read in the browser and
 * sent once; it is not kept in this page's state after sending.
 */
export function InvitationSender({ campaign }: { campaign: CampaignView }) {
  const t = useMessages(INVITATION_MESSAGES);
  const limits = useMessages(CODE_LIMIT_MESSAGES);
  const id = useId();
  const path = `/campaigns/${encodeURIComponent(campaign.slug)}/invitations`;
  const [answer, setAnswer] = useState<InvitationsAnswer | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<Kind>("invitation");
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string[] | null>(null);

  const load = useCallback(async () => {
    try {
      setAnswer(await api<InvitationsAnswer>("GET", path));
    } catch (caught) {
      setProblem(caught);
    }
  }, [path]);
  useEffect(() => {
    void load();
  }, [load]);
  const underWay = answer?.sending ? !answer.sending.done : false;
  useEffect(() => {
    if (!underWay) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [underWay, load]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError([t.fileMissing]);
      return;
    }
    setFileError(null);
    setProblem(null);
    setBusy(true);
    try {
      const body = isWorkbook(file)
        ? { kind, xlsx: base64(new Uint8Array(await file.arrayBuffer())) }
        : { kind, list: await file.text() };
      const started = await api<SendingStarted>("POST", path, body);
      setAnswer((previous) => (previous ? { ...previous, sending: started.sending } : previous));
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 422) {
        setFileError(caught.errors.map((error) => `${t.line(error.question)}: ${error.message}`));
      } else if (caught instanceof ApiProblem && caught.problemName === "mail-not-configured") {
        setFileError([t.notConfiguredProblem]);
      } else if (caught instanceof ApiProblem && caught.problemName === "sending") {
        setFileError([t.sendingProblem]);
      } else if (codeLimitText(caught, limits)) {
        setFileError([codeLimitText(caught, limits) as string]);
      } else setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  const sending = answer?.sending ?? null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      {problem ? <CampaignProblem problem={problem} /> : null}
      {answer && !answer.mailConfigured ? <p className="notice-status">{t.notConfigured}</p> : null}
      {answer?.mailConfigured ? (
        <>
          <p>{t.intro}</p>
          <p className="codes-once">{t.separation}</p>
          <form className="stacked-form" onSubmit={submit} noValidate>
            <label htmlFor={`${id}-file`}>
              {t.file}
              <input
                id={`${id}-file`}
                type="file"
                accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`}
                onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
              />
              <span id={`${id}-file-hint`} className="hint">
                {t.fileHint}
              </span>
              {fileError ? (
                <span id={`${id}-file-error`} className="field-error">
                  {fileError.length > 1 ? `${t.listProblem} ` : ""}
                  {fileError.join("; ")}
                </span>
              ) : null}
            </label>
            <fieldset>
              <legend>{t.kind}</legend>
              {(["invitation", "reminder"] as const).map((option) => (
                <label key={option} className="choice">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={option}
                    checked={kind === option}
                    aria-describedby={`${id}-${option}-hint`}
                    onChange={() => setKind(option)}
                  />
                  {t.kinds[option]}
                  <span id={`${id}-${option}-hint`} className="hint">
                    {t.kindHints[option]}
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy || underWay}>
                {busy || underWay ? t.sending : t.send}
              </button>
            </div>
          </form>
        </>
      ) : null}
      <p role="status">
        {sending
          ? `${
              sending.kind === "invitation"
                ? t.progressInvitation(sending)
                : t.progressReminder(sending.listed)
            } ${sending.done ? t.done : t.underWay}`
          : ""}
      </p>
      {answer ? (
        <details className="mail-preview">
          <summary>{t.previewTitle}</summary>
          {answer.preview.map((section) => (
            <div key={section.locale} lang={section.locale}>
              <h3>{t.languages[section.locale]}</h3>
              {(["invitation", "reminder"] as const).map((which) => (
                <figure key={which}>
                  <figcaption>
                    {which === "invitation" ? t.previewInvitation : t.previewReminder}:{" "}
                    <strong>{section[which].subject}</strong>
                  </figcaption>
                  <pre>{section[which].text}</pre>
                </figure>
              ))}
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}
