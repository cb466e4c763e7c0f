import { type FormEvent, type ReactNode, useState } from "react";
import type { CampaignView } from "../../../server/contract/campaign-schemas";
import type { Organisation } from "../../../server/contract/reference-schemas";
import type { SessionUser } from "../../../server/contract/staff-schemas";
import { ROLES } from "../../../server/contract/vocabulary";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../i18n/locales";
import { toggled } from "../../shared/toggled";
import { generatePassword, MIN_PASSWORD_LENGTH } from "../account/password-rules";
import { ApiProblem } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { Field } from "../form-field";
import { unitTree } from "../results/release-view";
import { USERS_MESSAGES, type UsersMessages } from "./users-messages";

export type { Organisation };

type Role = SessionUser["role"];
export type AccountField =
  | "email"
  | "role"
  | "organisationId"
  | "unitId"
  | "campaigns"
  | "password";

export interface AccountValues {
  email: string;
  role: Role;
  organisationId: string | null;
  unitId: string | null;
  /** Slugs of the campaigns an evaluator is limited to; empty for all of the organisation's. */
  campaigns: string[];
  password: string;
  locale: Locale;
}

/** A failed save, told per field where the server named one, else for the whole form. */
export interface SaveProblem {
  fields: Partial<Record<AccountField, string>>;
  general: string | null;
}

/** Maps a problem answer of the users API onto the form's fields, in the admin's language. */
export function saveProblemOf(
  problem: unknown,
  t: UsersMessages,
  networkError: string,
): SaveProblem {
  if (!(problem instanceof ApiProblem) || problem.status === 0)
    return { fields: {}, general: networkError };
  if (problem.problemName === "email-taken")
    return { fields: { email: t.emailTaken }, general: null };
  if (problem.problemName === "last-admin") return { fields: { role: t.lastAdmin }, general: null };
  if (problem.problemName === "own-account") return { fields: {}, general: t.ownAccount };
  const fields: Partial<Record<AccountField, string>> = {};
  const unknown: string[] = [];
  for (const error of problem.errors) {
    const field = error.question.split(".")[0] as AccountField;
    if (field in t.fieldErrors)
      fields[field] = field === "password" ? t.tooShort(MIN_PASSWORD_LENGTH) : t.fieldErrors[field];
    else unknown.push(`${error.question}: ${error.message}`);
  }
  const general =
    unknown.length > 0 ? unknown.join("; ") : problem.errors.length > 0 ? null : problem.detail;
  return { fields, general };
}

/**
 * Role, scope and password of an account; for a new account also its e-mail and language.
 * The scope follows the role: an admin has none, a coordinator an organisation, an evaluator
 * an organisation and optionally one of its units.
 */
export function AccountForm({
  mode,
  initial,
  organisations,
  campaigns,
  submitLabel,
  busyLabel,
  onSubmit,
  children,
}: {
  mode: "create" | "edit";
  initial: AccountValues;
  organisations: readonly Organisation[];
  /** The campaigns an evaluator may be limited to (those of their organisation are offered). */
  campaigns: readonly CampaignView[];
  submitLabel: string;
  busyLabel: string;
  /** Saves; resolves with the problem to show, or null when saved. */
  onSubmit: (values: AccountValues) => Promise<SaveProblem | null>;
  children?: ReactNode;
}) {
  const t = useMessages(USERS_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<SaveProblem>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);
  const organisation = organisations.find((entry) => entry.id === values.organisationId);
  const units = organisation
    ? unitTree(
        organisation.units,
        (id) => organisation.units.find((unit) => unit.id === id)?.name[locale] ?? id,
        (id) => organisation.units.findIndex((unit) => unit.id === id),
      )
    : [];

  const offered = campaigns.filter((campaign) => campaign.organisationId === organisation?.id);
  const change = (patch: Partial<AccountValues>) =>
    setValues((current) => ({ ...current, ...patch }));
  const chooseRole = (role: Role) =>
    change({
      role,
      organisationId:
        role === "admin" ? null : (values.organisationId ?? organisations[0]?.id ?? null),
      unitId: role === "evaluator" ? values.unitId : null,
      campaigns: role === "evaluator" ? values.campaigns : [],
    });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields: Partial<Record<AccountField, string>> = {};
    if (mode === "create" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      fields.email = t.fieldErrors.email;
    if (values.role !== "admin" && !values.organisationId)
      fields.organisationId = t.fieldErrors.organisationId;
    if (
      (mode === "create" || values.password !== "") &&
      values.password.length < MIN_PASSWORD_LENGTH
    )
      fields.password = t.tooShort(MIN_PASSWORD_LENGTH);
    if (Object.keys(fields).length > 0) {
      setProblem({ fields, general: null });
      form.querySelector<HTMLElement>(`[name="${Object.keys(fields)[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    setProblem({ fields: {}, general: null });
    const answer = await onSubmit(values);
    setBusy(false);
    if (answer) {
      setProblem(answer);
      const first = Object.keys(answer.fields)[0];
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    }
  };

  return (
    <form className="stacked-form" onSubmit={submit} noValidate>
      {problem.general ? (
        <p className="form-error" role="alert">
          {problem.general}
        </p>
      ) : null}
      {mode === "create" ? (
        <Field label={t.email} error={problem.fields.email}>
          {(props) => (
            <input
              {...props}
              name="email"
              type="email"
              autoComplete="off"
              required
              value={values.email}
              onChange={(event) => change({ email: event.target.value })}
            />
          )}
        </Field>
      ) : null}
      <Field label={t.role} hint={t.roleHints[values.role]} error={problem.fields.role}>
        {(props) => (
          <select
            {...props}
            name="role"
            value={values.role}
            onChange={(event) => chooseRole(event.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {common.roles[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {values.role !== "admin" ? (
        <Field label={t.organisation} error={problem.fields.organisationId}>
          {(props) => (
            <select
              {...props}
              name="organisationId"
              value={values.organisationId ?? ""}
              onChange={(event) =>
                change({ organisationId: event.target.value || null, unitId: null, campaigns: [] })
              }
            >
              <option value="">{t.chooseOrganisation}</option>
              {organisations.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {values.role === "evaluator" && organisation ? (
        <Field label={t.unit} error={problem.fields.unitId}>
          {(props) => (
            <select
              {...props}
              name="unitId"
              value={values.unitId ?? ""}
              onChange={(event) => change({ unitId: event.target.value || null })}
            >
              <option value="">{t.wholeOrganisation}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {`${"\u00a0\u00a0\u00a0".repeat(unit.depth)}${unit.name}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {values.role === "evaluator" && organisation ? (
        <fieldset aria-describedby="account-campaigns-hint">
          <legend>{t.campaigns}</legend>
          <p className="hint" id="account-campaigns-hint">
            {t.campaignsHint}
          </p>
          {problem.fields.campaigns ? (
            <p className="field-error">{problem.fields.campaigns}</p>
          ) : null}
          {offered.length === 0 ? <p className="hint">{t.noCampaigns}</p> : null}
          {offered.map((campaign) => (
            <label key={campaign.slug} className="choice">
              <input
                type="checkbox"
                checked={values.campaigns.includes(campaign.slug)}
                onChange={(event) =>
                  change({
                    campaigns: toggled(
                      values.campaigns,
                      campaign.slug,
                      event.currentTarget.checked,
                    ),
                  })
                }
              />
              <span>
                {campaign.title[locale]} <span className="hint">({campaign.slug})</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <Field
        label={mode === "create" ? t.initialPassword : t.newPassword}
        hint={
          mode === "create"
            ? t.initialPasswordHint(MIN_PASSWORD_LENGTH)
            : t.newPasswordHint(MIN_PASSWORD_LENGTH)
        }
        error={problem.fields.password}
      >
        {(props) => (
          <div className="password-row">
            <input
              {...props}
              name="password"
              type="text"
              autoComplete="new-password"
              spellCheck={false}
              required={mode === "create"}
              value={values.password}
              onChange={(event) => change({ password: event.target.value })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => change({ password: generatePassword() })}
            >
              {t.generate}
            </button>
          </div>
        )}
      </Field>
      {mode === "create" ? (
        <Field label={t.language}>
          {(props) => (
            <select
              {...props}
              name="locale"
              value={values.locale}
              onChange={(event) => change({ locale: event.target.value as Locale })}
            >
              {LOCALES.map((entry) => (
                <option key={entry} value={entry}>
                  {LOCALE_NAMES[entry]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
