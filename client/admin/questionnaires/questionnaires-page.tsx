import { useAdminLocale, useMessages } from "../admin-locale";
import { useSessionUser } from "../admin-session";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire-messages";
import { VersionDate, VersionStatusBadge } from "./questionnaire-status";
import { canEditQuestionnaires, type Questionnaire, versionPath } from "./questionnaire-types";
import "./questionnaires.css";

/** /admin/questionnaires: shared ones and the organisation's, by title in the reader's language. */
export function QuestionnairesPage() {
  const t = useMessages(QUESTIONNAIRE_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  usePageTitle(t.listTitle);
  const [data, reload] = useApiData<{ questionnaires: Questionnaire[] }>("/questionnaires");
  const collator = new Intl.Collator(locale, { numeric: true });
  const sorted =
    data.state === "ready"
      ? [...data.data.questionnaires].sort((a, b) =>
          collator.compare(a.title[locale], b.title[locale]),
        )
      : [];

  return (
    <>
      <div className="page-title-row">
        <h1>{t.listTitle}</h1>
        {canEditQuestionnaires(user.role) ? (
          <a className="button primary-link" href="/admin/questionnaires/new" onClick={followLink}>
            {t.newQuestionnaire}
          </a>
        ) : null}
      </div>
      <p>{t.listIntro}</p>
      {data.state === "loading" ? <Loading /> : null}
      {data.state === "error" ? <ProblemAlert problem={data.problem} onRetry={reload} /> : null}
      {data.state === "ready" && sorted.length === 0 ? <p className="card">{t.empty}</p> : null}
      {sorted.length > 0 ? (
        <ul className="questionnaire-list">
          {sorted.map((questionnaire) => {
            const latest = questionnaire.versions.at(-1);
            if (!latest) return null;
            return (
              <li key={questionnaire.slug} className="card">
                <h2>
                  <a href={versionPath(questionnaire.slug, latest.number)} onClick={followLink}>
                    {questionnaire.title[locale]}
                  </a>
                </h2>
                <p className="questionnaire-meta">
                  <span>{t.versionLabel(latest.number)}</span>
                  <VersionStatusBadge published={latest.published} />
                  <VersionDate version={latest} />
                </p>
                <p className="questionnaire-meta muted">
                  <span>{t.kinds[questionnaire.kind] ?? questionnaire.kind}</span>
                  <span>{ownerLabel(questionnaire, t)}</span>
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}

function ownerLabel(
  questionnaire: Questionnaire,
  t: { bundled: string; shared: string; own: string },
): string {
  if (questionnaire.bundled) return t.bundled;
  return questionnaire.organisationId === null ? t.shared : t.own;
}
