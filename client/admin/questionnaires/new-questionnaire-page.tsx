import { type FormEvent, useState } from "react";
import { api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Field } from "../form-field";
import { usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink, navigate } from "../use-route";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import type { Organisation, Questionnaire } from "./questionnaire-types";
import { versionPath } from "./questionnaire-types";
import { readQuestionnaireFile } from "./read-questionnaire-file";
import { UploadProblems } from "./upload-problems";
import "./questionnaires.css";

/** /admin/questionnaires/new: upload a SurveyJS file, or copy a template. */
export function NewQuestionnairePage() {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  usePageTitle(t.newTitle);
  return (
    <>
      <p className="breadcrumb">
        <a href="/admin/questionnaires" onClick={followLink}>
          {t.backToList}
        </a>
      </p>
      <h1>{t.newTitle}</h1>
      <UploadForm />
      <CopyForm />
    </>
  );
}

const SHARED = "";

/** Admins choose whom a questionnaire is for; a coordinator's is always their organisation's. */
function OwnerField({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  const [organisations] = useApiData<{ organisations: Organisation[] }>(
    user.role === "admin" ? "/organisations" : null,
  );
  if (user.role !== "admin") return null;
  const list = organisations.state === "ready" ? organisations.data.organisations : [];
  return (
    <Field label={t.ownerLabel}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value={SHARED}>{t.ownerShared}</option>
          {list.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name[locale]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const ownerInput = (role: string, owner: string) =>
  role === "admin" ? { organisationId: owner === SHARED ? null : owner } : {};

function UploadForm() {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  const [text, setText] = useState<string | null>(null);
  const [slug, setSlug] = useState("");
  const [kind, setKind] = useState("diagnosis");
  const [owner, setOwner] = useState(SHARED);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);

  const chooseFile = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return setText(null);
    const read = await readQuestionnaireFile(file, locale);
    setText(read.text);
    setMissingFile(false);
    if (read.proposedSlug) setSlug(read.proposedSlug);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text === null) return setMissingFile(true);
    setBusy(true);
    setProblem(null);
    try {
      const made = await api<{ slug: string; number: number }>("POST", "/questionnaires", {
        slug,
        kind,
        definition: text,
        ...ownerInput(user.role, owner),
      });
      navigate(versionPath(made.slug, made.number));
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t.uploadTitle}</h2>
      <p>{t.uploadIntro}</p>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <Field label={t.fileLabel} hint={t.fileHint} error={missingFile ? t.noFile : undefined}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept="application/json,.json"
              onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
            />
          )}
        </Field>
        <Field label={t.slugLabel} hint={t.slugHint}>
          {(props) => (
            <input
              {...props}
              name="slug"
              value={slug}
              required
              maxLength={80}
              autoComplete="off"
              onChange={(e) => setSlug(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t.kindLabel}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="diagnosis">{t.kinds.diagnosis}</option>
              <option value="campaign">{t.kinds.campaign}</option>
            </select>
          )}
        </Field>
        <OwnerField value={owner} onChange={setOwner} />
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

function CopyForm() {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  const [data] = useApiData<{ questionnaires: Questionnaire[] }>("/questionnaires");
  const asked = new URLSearchParams(location.search).get("copy") ?? "";
  const templates =
    data.state === "ready"
      ? data.data.questionnaires.filter((q) => q.versions.some((v) => v.published))
      : [];
  const [chosen, setChosen] = useState(asked);
  const [slug, setSlug] = useState("");
  const [owner, setOwner] = useState(SHARED);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const source = chosen || templates[0]?.slug || "";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const made = await api<{ slug: string; number: number }>(
        "POST",
        `/questionnaires/${encodeURIComponent(source)}/copy`,
        { slug, ...ownerInput(user.role, owner) },
      );
      navigate(versionPath(made.slug, made.number));
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="copy-title">
      <h2 id="copy-title">{t.copyTitle}</h2>
      <p>{t.copyIntro}</p>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <Field label={t.templateLabel}>
          {(props) => (
            <select {...props} value={source} onChange={(e) => setChosen(e.currentTarget.value)}>
              {templates.map((q) => (
                <option key={q.slug} value={q.slug}>
                  {q.title[locale]} ({t.kinds[q.kind] ?? q.kind})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.slugLabel}>
          {(props) => (
            <input
              {...props}
              value={slug}
              required
              maxLength={80}
              autoComplete="off"
              onChange={(e) => setSlug(e.currentTarget.value)}
            />
          )}
        </Field>
        <OwnerField value={owner} onChange={setOwner} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || source === ""}>
            {t.copy}
          </button>
        </div>
      </form>
      {problem ? <UploadProblems problem={problem} /> : null}
    </section>
  );
}
