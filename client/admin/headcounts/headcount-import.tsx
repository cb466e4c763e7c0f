import { type FormEvent, type RefObject, useState } from "react";
import type { HeadcountFaultEntry } from "../../../server/contract/headcount-faults";
import type { HeadcountImportAnswer } from "../../../server/contract/headcount-schemas";
import { LOCALES } from "../../i18n/locales";
import { ApiProblem, api, apiUrl } from "../admin-api";
import { useMessages } from "../admin-locale";
import { Field } from "../form-field";
import { ProblemAlert } from "../page-states";
import { FileFaultTable, SpreadsheetInput, spreadsheetBody } from "../spreadsheet-file";
import { headcountFaultText } from "./headcount-fault-text";
import { HEADCOUNT_MESSAGES } from "./headcount-messages";

type Step =
  | { kind: "idle" }
  | { kind: "confirm" }
  | { kind: "faulty"; faults: HeadcountFaultEntry[] }
  | { kind: "failed"; problem: unknown };

/**
 * Import of one reference date's counts (CSV or XLSX). A date that was imported before is
 * replaced only after a confirmation; a refused file lists every faulty row and field.
 */
export function HeadcountImport({
  slug,
  dates,
  date,
  onDate,
  dateInput,
  onImported,
}: {
  slug: string;
  dates: readonly string[];
  date: string;
  onDate: (date: string) => void;
  dateInput: RefObject<HTMLInputElement | null>;
  onImported: (answer: HeadcountImportAnswer) => void;
}) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ date?: string; file?: string }>({});
  const base = `/organisations/${encodeURIComponent(slug)}/headcounts`;

  const send = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const answer = await api<HeadcountImportAnswer>(
        "POST",
        `${base}/${date}`,
        spreadsheetBody(file),
      );
      setStep({ kind: "idle" });
      setFile(null);
      setFileKey((key) => key + 1);
      onImported(answer);
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.problemName === "invalid-headcount-file") {
        setStep({ kind: "faulty", faults: problem.errors as HeadcountFaultEntry[] });
      } else {
        setStep({ kind: "failed", problem });
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { date: t.chooseDate }),
      ...(file ? {} : { file: t.chooseFile }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    if (dates.includes(date)) {
      setStep({ kind: "confirm" });
      return;
    }
    void send();
  };

  return (
    <section className="card" aria-labelledby="headcount-import">
      <h2 id="headcount-import">{t.importTitle}</h2>
      <p>{t.importIntro}</p>
      <p className="hint">
        {t.templateLinks}{" "}
        {LOCALES.map((locale, index) => (
          <span key={locale}>
            {index > 0 ? " · " : null}
            <a href={apiUrl(`${base}/template.csv?lang=${locale}`)} download>
              {t.templateIn[locale]}
            </a>
          </span>
        ))}
      </p>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <Field label={t.referenceDate} hint={t.referenceDateHint} error={errors.date}>
          {(props) => (
            <input
              {...props}
              ref={dateInput}
              type="date"
              value={date}
              onChange={(event) => {
                onDate(event.target.value);
                setStep({ kind: "idle" });
              }}
            />
          )}
        </Field>
        <Field label={t.file} hint={t.fileHint} error={errors.file}>
          {(props) => (
            <SpreadsheetInput
              key={fileKey}
              control={props}
              onFile={(chosen) => {
                setFile(chosen);
                setStep({ kind: "idle" });
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.importing : t.importButton}
          </button>
        </div>
      </form>
      <div role="status">
        {step.kind === "confirm" ? (
          <div className="card confirm-replace">
            <p>{t.confirmReplace(date)}</p>
            <div className="actions">
              <button type="button" className="danger" disabled={busy} onClick={() => void send()}>
                {busy ? t.importing : t.replaceButton}
              </button>
              <button type="button" className="secondary" onClick={() => setStep({ kind: "idle" })}>
                {t.cancel}
              </button>
            </div>
          </div>
        ) : null}
      </div>
      {step.kind === "faulty" ? <FaultTable faults={step.faults} /> : null}
      {step.kind === "failed" ? <ProblemAlert problem={step.problem} /> : null}
    </section>
  );
}

/** Every fault of a refused file, in the reader's language, in the order of the file. */
function FaultTable({ faults }: { faults: HeadcountFaultEntry[] }) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  return (
    <FileFaultTable
      faults={faults}
      labels={t}
      describe={(fault) => headcountFaultText(fault, t)}
      className="headcount-faults"
    />
  );
}
