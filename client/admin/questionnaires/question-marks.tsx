import { type FormEvent, useMemo, useState } from "react";
import { localizedText } from "../../../surveys/model/question-texts";
import { walkQuestions } from "../../../surveys/model/walk-questions";
import { api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { QuestionnaireVersion } from "./questionnaire-types";
import { UploadProblems } from "./upload-problems";

type Marks = Record<string, { breakdown: boolean; sensitive: boolean }>;

/** Question types that take an answer the results count (not the unit question, not text blocks). */
const MARKABLE = new Set(["radiogroup", "dropdown", "checkbox", "rating", "matrix", "boolean"]);

/**
 * Breakdown and sensitive marks of a draft's questions, set on screen; saving sends only the
 * changed ones, and the server checks the draft again (a breakdown needs "prefer not to say").
 */
export function QuestionMarks({
  version,
  onSaved,
}: {
  version: QuestionnaireVersion;
  onSaved: (next: QuestionnaireVersion) => void;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const questions = useMemo(
    () => walkQuestions(version.definition).filter((q) => MARKABLE.has(q.type) && !q.unitPicker),
    [version.definition],
  );
  const stored = useMemo(
    () =>
      Object.fromEntries(
        questions.map((q) => [
          q.name,
          { breakdown: q.breakdown, sensitive: q.element.sensitive === true },
        ]),
      ) as Marks,
    [questions],
  );
  const [marks, setMarks] = useState<Marks>(stored);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const toggle = (name: string, mark: "breakdown" | "sensitive", on: boolean) => {
    setMarks((now) => ({
      ...now,
      [name]: { ...(now[name] ?? stored[name]), [mark]: on } as Marks[string],
    }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const changed = Object.fromEntries(
      Object.entries(marks).filter(
        ([name, mark]) =>
          mark.breakdown !== stored[name]?.breakdown || mark.sensitive !== stored[name]?.sensitive,
      ),
    );
    setBusy(true);
    setProblem(null);
    try {
      const next = await api<QuestionnaireVersion>(
        "PATCH",
        `/questionnaires/${encodeURIComponent(version.slug)}/versions/${version.number}`,
        { marks: changed },
      );
      onSaved(next);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="marks-title">
      <h2 id="marks-title">{t.marksTitle}</h2>
      <p>{t.marksIntro}</p>
      <form onSubmit={submit}>
        <div className="marks-table-wrap">
          <table className="data marks-table">
            <thead>
              <tr>
                <th scope="col">{t.colQuestion}</th>
                <th scope="col">{t.breakdown}</th>
                <th scope="col">{t.sensitive}</th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => {
                const title = localizedText(q.element.title, locale) ?? q.name;
                const mark = marks[q.name] ?? stored[q.name];
                return (
                  <tr key={q.name}>
                    <td>
                      {title} <code className="muted">{q.name}</code>
                    </td>
                    {(["breakdown", "sensitive"] as const).map((kind) => (
                      <td key={kind}>
                        <input
                          type="checkbox"
                          aria-label={`${t[kind]}: ${title}`}
                          checked={mark?.[kind] ?? false}
                          onChange={(e) => toggle(q.name, kind, e.currentTarget.checked)}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t.saveMarks}
          </button>
        </div>
      </form>
      {problem ? <UploadProblems problem={problem} /> : null}
    </section>
  );
}
