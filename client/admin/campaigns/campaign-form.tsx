import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { ACCESS_MODES, INTERIM_RESULT_ROLES } from "../../../server/contract/vocabulary";
import { LOCALES } from "../../i18n/locales";
import { toggled } from "../../shared/toggled";
import { ApiProblem, api } from "../admin-api";
import { formatDateTime, useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { Loading } from "../page-states";
import { useApiData } from "../use-api-data";
import {
  type CampaignFormValues,
  campaignInput,
  campaignPatch,
  campaignValues,
  fieldOfQuestion,
  latestPublished,
  newCampaignValues,
} from "./campaign-form-values";
import { CAMPAIGN_MESSAGES, type CampaignField, type CampaignMessages } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import {
  type CampaignView,
  MAX_RETENTION_DAYS,
  MIN_K,
  type Organisation,
  type Questionnaire,
} from "./campaign-types";
import { proposeSlug } from "./propose-slug";
import { standardThanks, ThanksTextFields } from "./thanks-text-fields";
import { UnitChecklist } from "./unit-checklist";

type FieldErrors = Partial<Record<CampaignField, string>>;

const idOf = (field: CampaignField) => `campaign-${field.replace(".", "-")}`;
const errorIdOf = (field: CampaignField) => `${idOf(field)}-error`;
const hintIdOf = (field: CampaignField) => `${idOf(field)}-hint`;

/**
 * The settings of a campaign: creating one (with its address and organisation) or editing a
 * draft. Rules are the server's: its 422 answer is shown next to each field it names.
 */
export function CampaignForm(
  props:
    | { mode: "create"; onSaved: (campaign: CampaignView) => void }
    | {
        mode: "edit";
        campaign: CampaignView;
        onSaved: (campaign: CampaignView) => void;
        onCancel: () => void;
      },
) {
  const [organisations, reloadOrganisations] = useApiData<{ organisations: Organisation[] }>(
    "/organisations",
  );
  const [questionnaires, reloadQuestionnaires] = useApiData<{ questionnaires: Questionnaire[] }>(
    "/questionnaires",
  );
  if (organisations.state === "error")
    return <CampaignProblem problem={organisations.problem} onRetry={reloadOrganisations} />;
  if (questionnaires.state === "error")
    return <CampaignProblem problem={questionnaires.problem} onRetry={reloadQuestionnaires} />;
  if (organisations.state !== "ready" || questionnaires.state !== "ready") return <Loading />;
  const orgs = organisations.data.organisations;
  const qs = questionnaires.data.questionnaires;
  return (
    <LoadedCampaignForm
      {...props}
      organisations={orgs}
      questionnaires={qs}
      initial={props.mode === "edit" ? campaignValues(props.campaign) : newCampaignValues(orgs, qs)}
    />
  );
}

function LoadedCampaignForm({
  organisations,
  questionnaires,
  initial,
  ...props
}: {
  organisations: Organisation[];
  questionnaires: Questionnaire[];
  initial: CampaignFormValues;
} & (
  | { mode: "create"; onSaved: (campaign: CampaignView) => void }
  | {
      mode: "edit";
      campaign: CampaignView;
      onSaved: (campaign: CampaignView) => void;
      onCancel: () => void;
    }
)) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const admin = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [slugTouched, setSlugTouched] = useState(props.mode !== "create");
  const summary = useRef<HTMLDivElement>(null);

  // The summary is announced (role=alert) and takes focus, so keyboard users start there.
  useEffect(() => {
    if (Object.keys(errors).length > 0) summary.current?.focus();
  }, [errors]);

  const set = <K extends keyof CampaignFormValues>(key: K, value: CampaignFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const organisation = organisations.find((org) => org.id === values.organisationId);
  const questionnaire = questionnaires.find((q) => q.slug === values.questionnaireSlug);
  const published = questionnaire?.versions.filter((version) => version.published) ?? [];
  // A campaign runs only in languages its questionnaire version is written in (the server
  // refuses others with 422): the others cannot be ticked.
  const versionLanguages =
    published.find((version) => String(version.number) === String(values.version))?.languages ??
    LOCALES;

  const chooseOrganisation = (id: string) => {
    const next = organisations.find((org) => org.id === id);
    setValues((current) => ({
      ...current,
      organisationId: id,
      unitIds: next?.units.filter((unit) => !unit.retired).map((unit) => unit.id) ?? [],
    }));
  };
  const chooseQuestionnaire = (slug: string) => {
    const next = questionnaires.find((q) => q.slug === slug);
    const version = latestPublished(next);
    const languages = next?.versions.find((v) => String(v.number) === String(version))?.languages;
    setValues((current) => {
      const kept = languages
        ? current.locales.filter((locale) => languages.includes(locale))
        : current.locales;
      return {
        ...current,
        questionnaireSlug: slug,
        version,
        locales: kept.length > 0 ? kept : (languages ?? current.locales),
      };
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const answer =
        props.mode === "create"
          ? await api<{ campaign: CampaignView }>("POST", "/campaigns", campaignInput(values))
          : await api<{ campaign: CampaignView }>(
              "PATCH",
              `/campaigns/${encodeURIComponent(props.campaign.slug)}`,
              campaignPatch(values),
            );
      props.onSaved(answer.campaign);
    } catch (caught) {
      const found = fieldErrorsOf(caught, t);
      if (Object.keys(found).length > 0) {
        setErrors(found);
      } else {
        setProblem(caught);
      }
      setBusy(false);
    }
  };

  const describedBy = (field: CampaignField, hint = true) =>
    [hint ? hintIdOf(field) : "", errors[field] ? errorIdOf(field) : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const invalid = (field: CampaignField) => (errors[field] ? true : undefined);
  const error = (field: CampaignField) =>
    errors[field] ? (
      <span id={errorIdOf(field)} className="field-error">
        {errors[field]}
      </span>
    ) : null;
  const hint = (field: CampaignField, text: ReactNode) => (
    <span id={hintIdOf(field)} className="hint">
      {text}
    </span>
  );
  const wholeNumber = (
    field: "k" | "retentionDays",
    label: string,
    hintText: ReactNode,
    bounds: { min: number; max?: number },
  ) => (
    <label htmlFor={idOf(field)}>
      {label}
      <input
        id={idOf(field)}
        type="number"
        inputMode="numeric"
        {...bounds}
        step={1}
        value={values[field]}
        aria-invalid={invalid(field)}
        aria-describedby={describedBy(field)}
        onChange={(event) => set(field, event.currentTarget.value)}
      />
      {hint(field, hintText)}
      {error(field)}
    </label>
  );
  const errorList = (Object.entries(errors) as [CampaignField, string][]).filter(([, m]) => m);

  return (
    <form className="stacked-form campaign-form" onSubmit={submit} noValidate>
      {errorList.length > 0 ? (
        <div className="card alert error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{t.errorSummary}</p>
          <ul>
            {errorList.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${idOf(field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(field);
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {problem ? <CampaignProblem problem={problem} /> : null}

      {props.mode === "create" ? (
        <label htmlFor={idOf("slug")}>
          {t.slug}
          <input
            id={idOf("slug")}
            name="slug"
            value={values.slug}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            inputMode="url"
            aria-invalid={invalid("slug")}
            aria-describedby={describedBy("slug")}
            onChange={(event) => {
              setSlugTouched(event.currentTarget.value !== "");
              set("slug", event.currentTarget.value);
            }}
          />
          {hint("slug", t.slugHint)}
          {error("slug")}
        </label>
      ) : null}

      {props.mode === "create" && organisations.length > 1 ? (
        <label htmlFor={idOf("organisationId")}>
          {t.organisation}
          <select
            id={idOf("organisationId")}
            value={values.organisationId}
            aria-invalid={invalid("organisationId")}
            aria-describedby={describedBy("organisationId", false)}
            onChange={(event) => chooseOrganisation(event.currentTarget.value)}
          >
            {organisations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name[locale]}
              </option>
            ))}
          </select>
          {error("organisationId")}
        </label>
      ) : (
        <p className="field">
          {t.organisation}
          <span className="field-value">{organisation?.name[locale] ?? values.organisationId}</span>
          {error("organisationId")}
        </p>
      )}

      <fieldset>
        <legend>{t.titles}</legend>
        <div className="stacked-form">
          {LOCALES.map((titleLocale) => {
            const field = `title.${titleLocale}` as CampaignField;
            return (
              <label key={titleLocale} htmlFor={idOf(field)}>
                {t.titleIn[titleLocale]}
                <input
                  id={idOf(field)}
                  lang={titleLocale}
                  value={values.title[titleLocale]}
                  maxLength={200}
                  aria-invalid={invalid(field)}
                  aria-describedby={describedBy(field, false)}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setValues((current) => {
                      const title = { ...current.title, [titleLocale]: text };
                      // Until the address is typed by hand, it follows the title in the
                      // staff member's language (or the first title given).
                      const proposed = slugTouched
                        ? current.slug
                        : proposeSlug(title[locale] || title.nl || title.fr || title.en);
                      return { ...current, title, slug: proposed };
                    });
                  }}
                />
                {error(field)}
              </label>
            );
          })}
        </div>
      </fieldset>

      <label htmlFor="campaign-questionnaire-slug">
        {t.questionnaire}
        <select
          id="campaign-questionnaire-slug"
          value={values.questionnaireSlug}
          aria-invalid={invalid("questionnaire")}
          aria-describedby={describedBy("questionnaire", false)}
          onChange={(event) => chooseQuestionnaire(event.currentTarget.value)}
        >
          {questionnaires.map((q) => (
            <option key={q.slug} value={q.slug}>
              {q.title[locale]} ({t.questionnaireKinds[q.kind] ?? q.kind})
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={idOf("questionnaire")}>
        {t.version}
        <select
          id={idOf("questionnaire")}
          value={values.version}
          disabled={published.length === 0}
          aria-invalid={invalid("questionnaire")}
          aria-describedby={describedBy("questionnaire", published.length === 0)}
          onChange={(event) => set("version", event.currentTarget.value)}
        >
          {published.map((version) => (
            <option key={version.number} value={String(version.number)}>
              {t.versionOption(version.number)}
              {version.publishedAt
                ? ` — ${formatDateTime(version.publishedAt, locale, false)}`
                : ""}
            </option>
          ))}
        </select>
        {published.length === 0 ? hint("questionnaire", t.noPublishedVersion) : null}
        {error("questionnaire")}
      </label>

      <div className="field-group" id={idOf("unitIds")} tabIndex={-1}>
        <UnitChecklist
          units={organisation?.units ?? []}
          selected={values.unitIds}
          onChange={(unitIds) => set("unitIds", unitIds)}
          describedBy={describedBy("unitIds") ?? hintIdOf("unitIds")}
          error={Boolean(errors.unitIds)}
        >
          {hint("unitIds", t.unitsHint)}
          {error("unitIds")}
        </UnitChecklist>
      </div>

      <fieldset id={idOf("locales")} tabIndex={-1} aria-describedby={describedBy("locales")}>
        <legend>{t.locales}</legend>
        {LOCALES.map((option) => (
          <label key={option} className="choice">
            <input
              type="checkbox"
              checked={values.locales.includes(option)}
              disabled={!versionLanguages.includes(option) && !values.locales.includes(option)}
              aria-invalid={invalid("locales")}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setValues((current) => ({
                  ...current,
                  locales: toggled(current.locales, option, on),
                }));
              }}
            />
            {t.languageNames[option]}
            {versionLanguages.includes(option) ? null : (
              <span className="hint"> {t.notInQuestionnaire}</span>
            )}
          </label>
        ))}
        {hint("locales", t.localesHint)}
        {error("locales")}
      </fieldset>

      {wholeNumber("k", t.k, t.kHint, { min: MIN_K })}

      <fieldset aria-describedby={hintIdOf("closesAt")}>
        <legend>{t.period}</legend>
        {hint("closesAt", t.datesHint)}
        <div className="date-pair">
          <label htmlFor={idOf("opensAt")}>
            {t.firstDay}
            <input
              id={idOf("opensAt")}
              type="date"
              value={values.firstDay}
              aria-invalid={invalid("opensAt")}
              aria-describedby={describedBy("opensAt", false)}
              onChange={(event) => set("firstDay", event.currentTarget.value)}
            />
            {error("opensAt")}
          </label>
          <label htmlFor={idOf("closesAt")}>
            {t.lastDay}
            <input
              id={idOf("closesAt")}
              type="date"
              value={values.lastDay}
              min={values.firstDay || undefined}
              aria-invalid={invalid("closesAt")}
              aria-describedby={describedBy("closesAt", false)}
              onChange={(event) => set("lastDay", event.currentTarget.value)}
            />
            {error("closesAt")}
          </label>
        </div>
      </fieldset>

      <fieldset
        id={idOf("accessMode")}
        tabIndex={-1}
        aria-describedby={describedBy("accessMode", false)}
      >
        <legend>{t.accessMode}</legend>
        {ACCESS_MODES.map((mode) => (
          <div key={mode} className="choice-with-hint">
            <label className="choice">
              <input
                type="radio"
                name="accessMode"
                value={mode}
                checked={values.accessMode === mode}
                aria-describedby={`campaign-access-${mode}-hint`}
                onChange={() => set("accessMode", mode)}
              />
              {t.accessModes[mode]}
            </label>
            <span id={`campaign-access-${mode}-hint`} className="hint">
              {t.accessHints[mode]}
            </span>
          </div>
        ))}
        {error("accessMode")}
      </fieldset>

      <fieldset
        id={idOf("interimResultRoles")}
        tabIndex={-1}
        aria-describedby={describedBy("interimResultRoles")}
      >
        <legend>{t.interimResults}</legend>
        {INTERIM_RESULT_ROLES.map((role) => (
          <label key={role} className="choice">
            <input
              type="checkbox"
              checked={values.interimResultRoles.includes(role)}
              aria-invalid={invalid("interimResultRoles")}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                setValues((current) => ({
                  ...current,
                  interimResultRoles: toggled(current.interimResultRoles, role, on),
                }));
              }}
            />
            {t.interimRoles[role]}
          </label>
        ))}
        {hint("interimResultRoles", t.interimResultsHint)}
        {error("interimResultRoles")}
      </fieldset>

      {wholeNumber("retentionDays", t.retentionDays, t.retentionHint, {
        min: 1,
        max: MAX_RETENTION_DAYS,
      })}

      <ThanksTextFields
        locales={LOCALES.filter((option) => values.locales.includes(option))}
        value={values.thanksText}
        onChange={(textLocale, text) =>
          setValues((current) => ({
            ...current,
            thanksText: { ...current.thanksText, [textLocale]: text },
          }))
        }
        standardText={(textLocale) => standardThanks(textLocale, values.lastDay, values.k)}
        idFor={(textLocale) => idOf(`thanksText.${textLocale}`)}
        errorFor={(textLocale) => errors[`thanksText.${textLocale}`]}
      />

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {props.mode === "create" ? (busy ? t.creating : t.create) : busy ? admin.saving : t.save}
        </button>
        {props.mode === "edit" ? (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t.cancelEdit}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Moves focus to a field named in the error summary (or the group holding it). */
function focusField(field: CampaignField): void {
  const element = document.getElementById(idOf(field));
  element?.focus();
  element?.scrollIntoView({ block: "center" });
}

/**
 * Field errors of a failed save, in the staff member's language: the server's 422 names the
 * fields, a taken address comes as a 409. Anything else is no field's fault.
 */
function fieldErrorsOf(problem: unknown, t: CampaignMessages): FieldErrors {
  if (!(problem instanceof ApiProblem)) return {};
  if (problem.status === 409 && problem.problemName === "slug-taken") {
    return { slug: t.problems["slug-taken"] };
  }
  if (problem.status !== 422) return {};
  const found: FieldErrors = {};
  for (const error of problem.errors) {
    const field = fieldOfQuestion(error.question);
    if (field && !found[field]) found[field] = t.fieldProblems[field];
  }
  return found;
}
