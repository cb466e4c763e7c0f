import { type FormEvent, useState } from "react";
import type { OrganisationsAnswer } from "../../../server/contract/reference-schemas";
import type { SessionAnswer } from "../../../server/contract/staff-schemas";
import { ApiProblem, api, setCsrfToken } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { useSessionUser } from "../admin-session";
import { Field } from "../form-field";
import { usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { ACCOUNT_MESSAGES } from "./account-messages";
import { MIN_PASSWORD_LENGTH } from "./password-rules";
import "./account.css";

type PasswordField = "currentPassword" | "newPassword" | "repeat";

/** Who is signed in (e-mail, role, scope) and a form to change one's own password. */
export function AccountPage() {
  const t = useMessages(ACCOUNT_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  usePageTitle(t.title);
  const [organisations] = useApiData<OrganisationsAnswer>("/organisations");
  const organisation =
    organisations.state === "ready"
      ? organisations.data.organisations.find((entry) => entry.id === user.organisationId)
      : undefined;
  const unit = organisation?.units.find((entry) => entry.id === user.unitId);

  return (
    <>
      <h1>{t.title}</h1>
      <section className="card" aria-labelledby="account-who">
        <h2 id="account-who">{t.whoTitle}</h2>
        <dl className="facts">
          <dt>{t.email}</dt>
          <dd>{user.email}</dd>
          <dt>{t.role}</dt>
          <dd>{common.roles[user.role]}</dd>
          <dt>{t.organisation}</dt>
          <dd>
            {user.organisationId === null
              ? t.allOrganisations
              : (organisation?.name[locale] ?? common.loading)}
          </dd>
          {user.role === "evaluator" ? (
            <>
              <dt>{t.unit}</dt>
              <dd>
                {user.unitId === null
                  ? t.wholeOrganisation
                  : (unit?.name[locale] ?? common.loading)}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <PasswordForm />
    </>
  );
}

function PasswordForm() {
  const t = useMessages(ACCOUNT_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const repeat = String(data.get("repeat") ?? "");
    setDone(false);
    setFormError(null);
    const found: Partial<Record<PasswordField, string>> = {};
    if (newPassword.length < MIN_PASSWORD_LENGTH)
      found.newPassword = t.tooShort(MIN_PASSWORD_LENGTH);
    else if (newPassword === currentPassword) found.newPassword = t.sameAsCurrent;
    if (repeat !== newPassword) found.repeat = t.mismatch;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      form.querySelector<HTMLInputElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      // The change ends every session, this one too; the answer carries its successor's token.
      const answer = await api<SessionAnswer>("POST", "/password", {
        currentPassword,
        newPassword,
      });
      setCsrfToken(answer.csrfToken);
      form.reset();
      setDone(true);
    } catch (problem) {
      // A 401 ends the session; the app then shows the sign-in form by itself.
      const known = problem instanceof ApiProblem ? problem : undefined;
      if (known?.status === 403 && known.problemName === "wrong-password") {
        setErrors({ currentPassword: t.wrongCurrent });
        form.querySelector<HTMLInputElement>('[name="currentPassword"]')?.focus();
      } else if (known?.status === 429) {
        // The current-password check shares the sign-in lock: the same words apply.
        setFormError(
          common.signInLocked(Math.max(1, Math.ceil((known.retryAfterSeconds ?? 900) / 60))),
        );
      } else if (known?.status === 422) {
        const fields: Partial<Record<PasswordField, string>> = {};
        for (const error of known.errors) {
          if (error.question === "newPassword")
            fields.newPassword = t.tooShort(MIN_PASSWORD_LENGTH);
          if (error.question === "currentPassword") fields.currentPassword = t.wrongCurrent;
        }
        setErrors(fields);
        setFormError(t.rejected);
      } else {
        setFormError(known && known.status !== 0 ? known.detail : common.networkError);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t.passwordTitle}</h2>
      <p>{t.passwordIntro}</p>
      <div role="status">{done ? <p className="success-message">{t.changed}</p> : null}</div>
      {formError ? (
        <p role="alert" className="form-error">
          {formError}
        </p>
      ) : null}
      <form className="stacked-form" onSubmit={submit} noValidate>
        <PasswordInput
          name="currentPassword"
          label={t.currentPassword}
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <PasswordInput
          name="newPassword"
          label={t.newPassword}
          autoComplete="new-password"
          hint={t.newPasswordHint(MIN_PASSWORD_LENGTH)}
          error={errors.newPassword}
        />
        <PasswordInput
          name="repeat"
          label={t.repeatPassword}
          autoComplete="new-password"
          error={errors.repeat}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.changing : t.change}
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordInput({
  name,
  label,
  autoComplete,
  hint,
  error,
}: {
  name: PasswordField;
  label: string;
  autoComplete: string;
  hint?: string;
  error?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input {...control} name={name} type="password" autoComplete={autoComplete} required />
      )}
    </Field>
  );
}
