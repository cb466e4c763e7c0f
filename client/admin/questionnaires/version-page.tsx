import { useEffect, useState } from "react";
import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink, navigate } from "../use-route";
import { QuestionMarks } from "./question-marks";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import { VersionStatusBadge } from "./questionnaire-status";
import {
  canEditQuestionnaires,
  type Questionnaire,
  type QuestionnaireVersion,
  versionPath,
} from "./questionnaire-types";
import { DeleteDraft, NewVersionUpload, PublishSection } from "./version-actions";
import { VersionDiff } from "./version-diff";
import { VersionPreview } from "./version-preview";
import "./questionnaires.css";

/**
 * /admin/questionnaires/<slug>/versions/<n>: one version with its facts, warnings, preview
 * in each language and the diff against the version before; for a draft the reader manages,
 * marks, publishing and deletion; for a managed questionnaire, the next upload.
 */
export function VersionPage({ slug, number }: { slug: string; number: number }) {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  const path = `/questionnaires/${encodeURIComponent(slug)}/versions/${number}`;
  const [data, reload] = useApiData<QuestionnaireVersion>(path);
  const [list, reloadList] = useApiData<{ questionnaires: Questionnaire[] }>("/questionnaires");
  const [version, setVersion] = useState<QuestionnaireVersion | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    setVersion(data.state === "ready" ? data.data : null);
  }, [data]);
  usePageTitle(version ? t.versionTitle(version.title[locale], number) : t.listTitle);

  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ProblemAlert problem={data.problem} onRetry={reload} />;
  if (!version) return <Loading />;
  const questionnaire =
    list.state === "ready" ? list.data.questionnaires.find((q) => q.slug === slug) : undefined;
  const manager = canEditQuestionnaires(user.role) && questionnaire !== undefined;
  const managesThis =
    manager &&
    !questionnaire.bundled &&
    (user.role === "admin" || questionnaire.organisationId === user.organisationId);
  const latest = questionnaire?.versions.at(-1)?.number === number;
  const changed = (next: QuestionnaireVersion, message?: string) => {
    setVersion(next);
    setNotice(message ?? null);
    void reloadList();
  };

  return (
    <>
      <p className="breadcrumb">
        <a href="/admin/questionnaires" onClick={followLink}>
          {t.backToList}
        </a>
      </p>
      <h1>{t.versionTitle(version.title[locale], number)}</h1>
      {notice ? (
        <p role="status" className="notice-status">
          {notice}
        </p>
      ) : null}
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t.factsTitle}</h2>
        <dl className="facts">
          <dt>{t.factStatus}</dt>
          <dd>
            <VersionStatusBadge published={version.published} />
          </dd>
          <dt>{t.factAddress}</dt>
          <dd>
            <code>{version.slug}</code> ({t.kinds[version.kind] ?? version.kind})
          </dd>
          {version.createdAt ? (
            <>
              <dt>{t.factUploaded}</dt>
              <dd>{formatDateTime(version.createdAt, locale)}</dd>
            </>
          ) : null}
          {version.publishedAt ? (
            <>
              <dt>{t.factPublished}</dt>
              <dd>{formatDateTime(version.publishedAt, locale)}</dd>
            </>
          ) : null}
          <dt>{t.factHash}</dt>
          <dd>
            <code className="hash">{version.sha256}</code>
          </dd>
        </dl>
        {version.published ? <p>{t.frozenNote}</p> : null}
        {questionnaire && questionnaire.versions.length > 1 ? (
          <ul className="questionnaire-meta">
            {questionnaire.versions.map((v) => (
              <li key={v.number}>
                <a
                  href={versionPath(slug, v.number)}
                  onClick={followLink}
                  aria-current={v.number === number ? "page" : undefined}
                >
                  {t.versionLabel(v.number)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {manager ? (
          <p>
            <a
              href={`/admin/questionnaires/new?copy=${encodeURIComponent(slug)}`}
              onClick={followLink}
            >
              {t.copyThis}
            </a>
          </p>
        ) : null}
        {version.editable ? <DeleteDraft version={version} /> : null}
      </section>
      {version.warnings.length > 0 ? (
        <section className="card warning-card" aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t.warningsTitle}</h2>
          <p>{t.warningsIntro}</p>
          <ul className="problem-list">
            {version.warnings.map((warning) => (
              <li key={warning.question}>
                <code>{warning.question}</code>: {warning.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {version.editable ? (
        <PublishSection
          version={version}
          onPublished={(next) => changed(next, t.publishedNotice)}
        />
      ) : null}
      <VersionPreview
        key={version.sha256}
        definition={version.definition}
        organisationId={version.organisationId}
      />
      <VersionDiff key={`diff-${version.sha256}`} slug={slug} number={number} />
      {version.editable ? (
        <QuestionMarks
          key={`marks-${version.sha256}`}
          version={version}
          onSaved={(next) => changed(next, t.marksSaved)}
        />
      ) : null}
      {managesThis && latest ? (
        <NewVersionUpload
          version={version}
          onUploaded={(made) =>
            made.number === number ? void reload() : navigate(versionPath(made.slug, made.number))
          }
        />
      ) : null}
    </>
  );
}
