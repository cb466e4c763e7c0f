import type { OrganisationsAnswer } from "../../../server/contract/reference-schemas";
import { useAdminLocale, useMessages } from "../admin-locale";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { HEADCOUNT_MESSAGES } from "./headcount-messages";

/** The navigation's way in: the organisations in the reader's scope, each to its headcounts. */
export function HeadcountOrganisationsPage() {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  usePageTitle(t.chooseTitle);
  const [organisations, reload] = useApiData<OrganisationsAnswer>("/organisations");
  return (
    <>
      <h1>{t.chooseTitle}</h1>
      <p>{t.chooseIntro}</p>
      {organisations.state === "loading" ? <Loading /> : null}
      {organisations.state === "error" ? (
        <ProblemAlert problem={organisations.problem} onRetry={() => void reload()} />
      ) : null}
      {organisations.state === "ready" ? (
        <ul className="campaign-list">
          {organisations.data.organisations.map((organisation) => (
            <li key={organisation.id} className="card">
              <a href={`/admin/organisations/${organisation.slug}/headcounts`} onClick={followLink}>
                {organisation.name[locale]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
