import { type FormEvent, useState } from "react";
import { api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { Field } from "../form-field";
import { navigate } from "../use-route";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { QuestionnaireVersion } from "./questionnaire-types";
import { versionPath } from "./questionnaire-types";
import { readQuestionnaireFile } from "./read-questionnaire-file";
import { UploadProblems } from "./upload-problems";

const versionUrl = (version: QuestionnaireVersion) =>
  `/questionnaires/${encodeURIComponent(version.slug)}/versions/${version.number}`;

/** Publishing a draft; questions that could single someone out are acknowledged first. */
export function PublishSection({
  version,
  onPublished,
}: {
  version: QuestionnaireVersion;
  onPublished: (next: QuestionnaireVersion) => void;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const needsAcknowledgement = version.warnings.length > 0;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onPublished(
        await api<QuestionnaireVersion>("POST", `${versionUrl(version)}/publish`, {
          acknowledgeWarnings: acknowledged,
        }),
      );
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="publish-title">
      <h2 id="publish-title">{t.publishTitle}</h2>
      <p>{t.publishIntro}</p>
      <form onSubmit={submit}>
        {needsAcknowledgement ? (
          <label className="checkbox-line">
            <input
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.currentTarget.checked)}
            />
            <span>{t.acknowledge}</span>
          </label>
        ) : null}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={busy || (needsAcknowledgement && !acknowledged)}
          >
            {busy ? t.publishing : t.publish}
          </button>
        </div>
      </form>
      {problem ? <UploadProblems problem={problem} /> : null}
    </section>
  );
}

/** Deleting a draft, asked twice; then back to the list (or the version before). */
export function DeleteDraft({ version }: { version: QuestionnaireVersion }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const remove = async () => {
    try {
      const { questionnaireDeleted } = await api<{ questionnaireDeleted: boolean }>(
        "DELETE",
        versionUrl(version),
      );
      navigate(
        questionnaireDeleted
          ? "/admin/questionnaires"
          : versionPath(version.slug, version.number - 1),
      );
    } catch (failure) {
      setProblem(failure);
    }
  };
  return (
    <div className="actions">
      {asking ? (
        <>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t.confirmDelete}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            {t.cancel}
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          {t.deleteDraft}
        </button>
      )}
      {problem ? <UploadProblems problem={problem} /> : null}
    </div>
  );
}

/** Uploading the next version (after a published one) or a replacement of this draft. */
export function NewVersionUpload({
  version,
  onUploaded,
}: {
  version: QuestionnaireVersion;
  onUploaded: (made: { slug: string; number: number }) => void;
}) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text === null) return setMissingFile(true);
    setBusy(true);
    setProblem(null);
    try {
      const made = await api<{ slug: string; number: number }>(
        "POST",
        `/questionnaires/${encodeURIComponent(version.slug)}/versions`,
        { definition: text },
      );
      onUploaded(made);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="new-version-title">
      <h2 id="new-version-title">{t.newVersionTitle}</h2>
      <p>{version.published ? t.newVersionIntro(version.number + 1) : t.replaceDraftIntro}</p>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <Field label={t.fileLabel} hint={t.fileHint} error={missingFile ? t.noFile : undefined}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                setProblem(null);
                setMissingFile(false);
                setText(file ? (await readQuestionnaireFile(file, locale)).text : null);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.uploading : t.upload}
          </button>
        </div>
      </form>
      {problem ? <UploadProblems problem={problem} /> : null}
    </section>
  );
}
