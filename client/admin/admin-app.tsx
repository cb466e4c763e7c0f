import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { Locale } from "../i18n/locales";
import { AccountPage } from "./account/account-page";
import { api, SESSION_ENDED, setCsrfToken } from "./admin-api";
import { AdminFrame } from "./admin-frame";
import {
  AdminLocaleContext,
  chosenAdminLocale,
  initialAdminLocale,
  rememberAdminLocale,
  useMessages,
} from "./admin-locale";
import { ADMIN_MESSAGES } from "./admin-messages";
import { SessionContext, type SessionUser } from "./admin-session";
import { AuditPage } from "./audit/audit-page";
import { CampaignPage } from "./campaigns/campaign-page";
import { CampaignsPage } from "./campaigns/campaigns-page";
import { NewCampaignPage } from "./campaigns/new-campaign-page";
import { HeadcountOrganisationsPage } from "./headcounts/headcount-organisations-page";
import { OrganisationPage } from "./organisation/organisation-page";
import { OrganisationsPage } from "./organisation/organisations-page";
import { Loading, usePageTitle } from "./page-states";
import { NewQuestionnairePage } from "./questionnaires/new-questionnaire-page";
import { QuestionnairesPage } from "./questionnaires/questionnaires-page";
import { VersionPage } from "./questionnaires/version-page";
import { ResultsPage } from "./results/results-page";
import { type SignedIn, SignInPage } from "./sign-in-page";
import { followLink, usePath } from "./use-route";
import { UsersPage } from "./users/users-page";

// Loaded apart: the comparison screen brings the chart library with it.
const ComparisonPage = lazy(() =>
  import("./comparison/comparison-page").then((module) => ({ default: module.ComparisonPage })),
);

// Loaded apart too: the headcount screens draw indicator charts.
const HeadcountsPage = lazy(() =>
  import("./headcounts/headcounts-page").then((module) => ({ default: module.HeadcountsPage })),
);

// Loaded apart as well: the diagnosis page per unit draws the same indicator charts.
const DiagnosisPage = lazy(() =>
  import("./diagnosis/diagnosis-page").then((module) => ({ default: module.DiagnosisPage })),
);

type SessionState =
  | { kind: "checking" }
  | { kind: "signed-out"; ended: boolean }
  | { kind: "signed-in"; user: SessionUser };

/** The admin single-page app under /admin: session first, then the screen the path names. */
export function AdminApp() {
  const [locale, setLocale] = useState<Locale>(initialAdminLocale);
  const [session, setSession] = useState<SessionState>({ kind: "checking" });
  const path = usePath();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const signedIn = useCallback(({ user, csrfToken }: SignedIn) => {
    setCsrfToken(csrfToken);
    setSession({ kind: "signed-in", user });
    // The account's language applies unless one was chosen in this browser (or the link).
    setLocale(chosenAdminLocale() ?? user.locale);
  }, []);

  useEffect(() => {
    api<SignedIn>("GET", "/session").then(signedIn, () =>
      setSession({ kind: "signed-out", ended: false }),
    );
    const ended = () => {
      setCsrfToken(null);
      setSession({ kind: "signed-out", ended: true });
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [signedIn]);

  const chooseLocale = (next: Locale) => {
    rememberAdminLocale(next);
    setLocale(next);
  };

  const signOut = async () => {
    try {
      await api("DELETE", "/session");
    } finally {
      setCsrfToken(null);
      setSession({ kind: "signed-out", ended: false });
    }
  };

  const user = session.kind === "signed-in" ? session.user : null;
  return (
    <AdminLocaleContext.Provider value={locale}>
      <SessionContext.Provider value={user}>
        <AdminFrame user={user} path={path} onLocale={chooseLocale} onSignOut={signOut}>
          {session.kind === "checking" ? <Loading /> : null}
          {session.kind === "signed-out" ? (
            <SignInPage sessionEnded={session.ended} onSignedIn={signedIn} />
          ) : null}
          {user ? <Screen path={path} user={user} /> : null}
        </AdminFrame>
      </SessionContext.Provider>
    </AdminLocaleContext.Provider>
  );
}

/** The screen for a path; roles only decide what is offered, the server decides what is allowed. */
function Screen({ path, user }: { path: string; user: SessionUser }) {
  const parts = path
    .replace(/^\/admin\/?/, "")
    .split("/")
    .filter(Boolean)
    .map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  if (parts.length === 0) return <CampaignsPage />;
  if (first === "campaigns" && second === "new" && parts.length === 2 && user.role !== "evaluator")
    return <NewCampaignPage />;
  if (first === "campaigns" && second && parts.length === 2) return <CampaignPage slug={second} />;
  if (first === "campaigns" && second && third === "results" && parts.length === 3)
    return <ResultsPage slug={second} />;
  if (first === "questionnaires" && parts.length === 1) return <QuestionnairesPage />;
  if (
    first === "questionnaires" &&
    second === "new" &&
    parts.length === 2 &&
    user.role !== "evaluator"
  )
    return <NewQuestionnairePage />;
  if (first === "questionnaires" && second && third === "versions" && /^\d+$/.test(fourth ?? ""))
    return <VersionPage key={path} slug={second} number={Number(fourth)} />;
  if (first === "campaigns" && second && third === "comparison" && parts.length === 3)
    return (
      <Suspense fallback={<Loading />}>
        <ComparisonPage slug={second} />
      </Suspense>
    );
  if (first === "headcounts" && parts.length === 1) return <HeadcountOrganisationsPage />;
  if (first === "organisations" && second && third === "headcounts" && parts.length === 3)
    return (
      <Suspense fallback={<Loading />}>
        <HeadcountsPage key={second} slug={second} />
      </Suspense>
    );
  if (first === "organisations" && second && third === "diagnosis" && fourth && parts.length === 4)
    return (
      <Suspense fallback={<Loading />}>
        <DiagnosisPage key={path} slug={second} unitId={fourth} />
      </Suspense>
    );
  if (first === "organisations" && parts.length === 1 && user.role !== "evaluator")
    return <OrganisationsPage />;
  if (first === "organisations" && second && parts.length === 2 && user.role !== "evaluator")
    return <OrganisationPage slug={second} />;
  if (first === "users" && parts.length === 1 && user.role === "admin") return <UsersPage />;
  if (first === "audit" && parts.length === 1 && user.role !== "evaluator") return <AuditPage />;
  if (first === "account" && parts.length === 1) return <AccountPage />;
  return <NotFound />;
}

function NotFound() {
  const t = useMessages(ADMIN_MESSAGES);
  usePageTitle(t.notFoundTitle);
  return (
    <>
      <h1>{t.notFoundTitle}</h1>
      <div className="card">
        <p>{t.notFoundText}</p>
        <a href="/admin" onClick={followLink}>
          {t.backToCampaigns}
        </a>
      </div>
    </>
  );
}
