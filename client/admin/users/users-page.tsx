import { useEffect, useRef, useState } from "react";
import type { CampaignListAnswer, CampaignView } from "../../../server/contract/campaign-schemas";
import type { StaffUser as SessionUser } from "../../../server/contract/staff-schemas";
import { api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { useSessionUser } from "../admin-session";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import {
  AccountForm,
  type AccountValues,
  type Organisation,
  type SaveProblem,
  saveProblemOf,
} from "./account-form";
import { USERS_MESSAGES } from "./users-messages";
import "../account/account.css";
import "./users.css";

/** What the last action did, said once (the initial password only right after creating). */
type Notice =
  | { kind: "created"; email: string; password: string }
  | { kind: "saved"; email: string }
  | { kind: "removed"; email: string };

/** Accounts for admins: list, create with an initial password, change role or scope, delete. */
export function UsersPage() {
  const t = useMessages(USERS_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  usePageTitle(t.title);
  const [users, reloadUsers] = useApiData<{ users: SessionUser[] }>("/users");
  const [organisations, reloadOrganisations] = useApiData<{ organisations: Organisation[] }>(
    "/organisations",
  );
  const [campaigns] = useApiData<CampaignListAnswer>("/campaigns");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<SessionUser | null>(null);
  const [createKey, setCreateKey] = useState(0);

  const create = async (values: AccountValues): Promise<SaveProblem | null> => {
    try {
      const { user } = await api<{ user: SessionUser }>("POST", "/users", {
        email: values.email.trim(),
        role: values.role,
        organisationId: values.organisationId,
        unitId: values.unitId,
        campaigns: values.role === "evaluator" ? values.campaigns : [],
        password: values.password,
        locale: values.locale,
      });
      setNotice({ kind: "created", email: user.email, password: values.password });
      setCreateKey((key) => key + 1);
      await reloadUsers();
      return null;
    } catch (problem) {
      return saveProblemOf(problem, t, common.networkError);
    }
  };

  const save = async (user: SessionUser, values: AccountValues): Promise<SaveProblem | null> => {
    try {
      await api("PATCH", `/users/${encodeURIComponent(user.id)}`, {
        role: values.role,
        organisationId: values.organisationId,
        unitId: values.unitId,
        campaigns: values.role === "evaluator" ? values.campaigns : [],
        ...(values.password !== "" ? { password: values.password } : {}),
      });
      setNotice({ kind: "saved", email: user.email });
      setEditing(null);
      await reloadUsers();
      return null;
    } catch (problem) {
      return saveProblemOf(problem, t, common.networkError);
    }
  };

  if (users.state === "error" || organisations.state === "error") {
    return (
      <>
        <h1>{t.title}</h1>
        <ProblemAlert
          problem={
            users.state === "error"
              ? users.problem
              : organisations.state === "error"
                ? organisations.problem
                : null
          }
          onRetry={() => {
            void reloadUsers();
            void reloadOrganisations();
          }}
        />
      </>
    );
  }
  if (users.state === "loading" || organisations.state === "loading") {
    return (
      <>
        <h1>{t.title}</h1>
        <Loading />
      </>
    );
  }
  const allOrganisations = organisations.data.organisations;
  // The campaign limit is offered once campaigns are loaded; without them, no limit is shown.
  const allCampaigns = campaigns.state === "ready" ? campaigns.data.campaigns : [];
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div role="status">
        {notice ? (
          <div className="success-message card">
            {notice.kind === "created" ? (
              <>
                <p>{t.created(notice.email)}</p>
                <p>{t.passOn}</p>
                <p>
                  <code className="initial-password">{notice.password}</code>
                </p>
              </>
            ) : (
              <p>{notice.kind === "saved" ? t.saved(notice.email) : t.removed(notice.email)}</p>
            )}
          </div>
        ) : null}
      </div>
      <UserList
        users={users.data.users}
        organisations={allOrganisations}
        onEdit={(user) => {
          setNotice(null);
          setEditing(user);
        }}
        onRemoved={(user) => {
          if (editing?.id === user.id) setEditing(null);
          setNotice({ kind: "removed", email: user.email });
          void reloadUsers();
        }}
      />
      {editing ? (
        <EditSection
          key={editing.id}
          user={editing}
          organisations={allOrganisations}
          campaigns={allCampaigns}
          onSave={(values) => save(editing, values)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <section className="card" aria-labelledby="users-create">
        <h2 id="users-create">{t.createTitle}</h2>
        <AccountForm
          key={createKey}
          mode="create"
          initial={{
            email: "",
            role: "evaluator",
            organisationId: allOrganisations[0]?.id ?? null,
            unitId: null,
            campaigns: [],
            password: "",
            locale: "nl",
          }}
          organisations={allOrganisations}
          campaigns={allCampaigns}
          submitLabel={t.create}
          busyLabel={t.creating}
          onSubmit={(values) => {
            setNotice(null);
            return create(values);
          }}
        />
      </section>
    </>
  );
}

function EditSection({
  user,
  organisations,
  campaigns,
  onSave,
  onCancel,
}: {
  user: SessionUser;
  organisations: readonly Organisation[];
  campaigns: readonly CampaignView[];
  onSave: (values: AccountValues) => Promise<SaveProblem | null>;
  onCancel: () => void;
}) {
  const t = useMessages(USERS_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="card" aria-labelledby="users-edit">
      <h2 id="users-edit" className="user-email" ref={heading} tabIndex={-1}>
        {t.editTitle(user.email)}
      </h2>
      <AccountForm
        mode="edit"
        initial={{
          email: user.email,
          role: user.role,
          organisationId: user.organisationId,
          unitId: user.unitId,
          campaigns: user.campaigns,
          password: "",
          locale: user.locale,
        }}
        organisations={organisations}
        campaigns={campaigns}
        submitLabel={t.save}
        busyLabel={common.saving}
        onSubmit={onSave}
      >
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </AccountForm>
    </section>
  );
}

/** Every account with its role and scope; delete asks once more, in the row itself. */
function UserList({
  users,
  organisations,
  onEdit,
  onRemoved,
}: {
  users: readonly SessionUser[];
  organisations: readonly Organisation[];
  onEdit: (user: SessionUser) => void;
  onRemoved: (user: SessionUser) => void;
}) {
  const t = useMessages(USERS_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const me = useSessionUser();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const organisationName = (id: string | null) =>
    id === null
      ? t.noOrganisation
      : (organisations.find((entry) => entry.id === id)?.name[locale] ?? id);
  const unitName = (user: SessionUser) => {
    if (user.role !== "evaluator") return "—";
    const limit = user.campaigns.length > 0 ? ` · ${t.limitedTo(user.campaigns.length)}` : "";
    if (user.unitId === null) return `${t.wholeOrganisation}${limit}`;
    const organisation = organisations.find((entry) => entry.id === user.organisationId);
    const unit = organisation?.units.find((entry) => entry.id === user.unitId);
    return `${unit?.name[locale] ?? user.unitId}${limit}`;
  };

  const remove = async (user: SessionUser) => {
    setBusy(true);
    setError(null);
    try {
      await api("DELETE", `/users/${encodeURIComponent(user.id)}`);
      setConfirming(null);
      onRemoved(user);
    } catch (problem) {
      const said = saveProblemOf(problem, t, common.networkError);
      setError(said.general ?? Object.values(said.fields)[0] ?? common.networkError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error ? (
        <p className="card alert" role="alert">
          {error}
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
      <section className="table-wrap" aria-labelledby="users-caption" tabIndex={0}>
        <table className="data">
          <caption id="users-caption">{t.listCaption(users.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.email}</th>
              <th scope="col" className="user-extra">
                {t.role}
              </th>
              <th scope="col" className="user-extra">
                {t.organisation}
              </th>
              <th scope="col" className="user-extra">
                {t.unit}
              </th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" className="user-email">
                  {user.email} {user.id === me.id ? <span className="hint">{t.you}</span> : null}
                  {/* On a phone the role and scope columns give way to this line. */}
                  <span className="user-scope-inline">
                    {[common.roles[user.role], organisationName(user.organisationId)]
                      .concat(user.role === "evaluator" ? [unitName(user)] : [])
                      .join(" · ")}
                  </span>
                </th>
                <td className="user-extra">{common.roles[user.role]}</td>
                <td className="user-extra">{organisationName(user.organisationId)}</td>
                <td className="user-extra">{unitName(user)}</td>
                <td>
                  {confirming === user.id ? (
                    <div className="confirm-remove">
                      <p>{t.confirmRemove(user.email)}</p>
                      <div className="actions">
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => void remove(user)}
                        >
                          {t.confirmRemoveYes}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          ref={cancelButton}
                          onClick={() => setConfirming(null)}
                        >
                          {t.cancel}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div className="actions row-actions">
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t.edit(user.email)}
                        onClick={() => onEdit(user)}
                      >
                        {t.editShort}
                      </button>
                      {user.id !== me.id ? (
                        <button
                          type="button"
                          className="danger"
                          aria-label={t.remove(user.email)}
                          onClick={() => {
                            setError(null);
                            setConfirming(user.id);
                          }}
                        >
                          {t.removeShort}
                        </button>
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
