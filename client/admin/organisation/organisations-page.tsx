import { type FormEvent, useState } from "react";
import type { OrganisationAnswer } from "../../../server/contract/organisation-schemas";
import type { OrganisationsAnswer } from "../../../server/contract/reference-schemas";
import { LOCALES, type Locale } from "../../i18n/locales";
import { ApiProblem, api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { useSessionUser } from "../admin-session";
import { proposeSlug } from "../campaigns/propose-slug";
import { Field } from "../form-field";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink, navigate } from "../use-route";
import { ORGANISATION_MESSAGES } from "./organisation-messages";
import "./organisation.css";

/** The organisations a staff member manages, each linking to its unit tree; admins create one. */
export function OrganisationsPage() {
  const t = useMessages(ORGANISATION_MESSAGES);
  const locale = useAdminLocale();
  const user = useSessionUser();
  usePageTitle(t.listTitle);
  const [organisations, reload] = useApiData<OrganisationsAnswer>("/organisations");
  return (
    <>
      <h1>{t.listTitle}</h1>
      <p>{t.listIntro}</p>
      {organisations.state === "loading" ? <Loading /> : null}
      {organisations.state === "error" ? (
        <ProblemAlert problem={organisations.problem} onRetry={() => void reload()} />
      ) : null}
      {organisations.state === "ready" ? (
        organisations.data.organisations.length === 0 ? (
          <p className="card">{t.noOrganisations}</p>
        ) : (
          <ul
            className="campaign-list"
            aria-label={t.listCaption(organisations.data.organisations.length)}
          >
            {organisations.data.organisations.map((organisation) => (
              <li key={organisation.id} className="card">
                <h2>
                  <a href={`/admin/organisations/${organisation.slug}`} onClick={followLink}>
                    {organisation.name[locale]}
                  </a>
                </h2>
                <p className="hint">
                  {organisation.slug} · {t.unitCount(organisation.units.length)}
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {user.role === "admin" ? <CreateOrganisation /> : null}
    </>
  );
}

/** Slug and names in nl/fr/en; the slug is proposed from the name in the admin's language. */
function CreateOrganisation() {
  const t = useMessages(ORGANISATION_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const locale = useAdminLocale();
  const [name, setName] = useState<Record<Locale, string>>({ nl: "", fr: "", en: "" });
  const [slug, setSlug] = useState("");
  const [slugTyped, setSlugTyped] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<"slug" | Locale, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const { organisation } = await api<OrganisationAnswer>("POST", "/organisations", {
        slug,
        name,
      });
      navigate(`/admin/organisations/${organisation.slug}`);
    } catch (problem) {
      if (!(problem instanceof ApiProblem) || problem.status === 0) setGeneral(common.networkError);
      else if (problem.problemName === "slug-taken") setErrors({ slug: t.slugTaken });
      else if (problem.errors.length > 0) {
        const found: Partial<Record<"slug" | Locale, string>> = {};
        for (const error of problem.errors) {
          const [field, language] = error.question.split(".");
          if (field === "slug") found.slug = t.slugHint;
          else if (field === "name" && LOCALES.some((known) => known === language))
            found[language as Locale] = t.fieldErrors.name;
        }
        setErrors(found);
        setGeneral(common.fieldErrors);
      } else setGeneral(problem.detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="organisation-create">
      <h2 id="organisation-create">{t.createTitle}</h2>
      <form className="stacked-form" onSubmit={(event) => void submit(event)} noValidate>
        {LOCALES.map((language) => (
          <Field key={language} label={t.nameIn[language]} error={errors[language]}>
            {(props) => (
              <input
                {...props}
                required
                maxLength={200}
                value={name[language]}
                onChange={(event) => {
                  const value = event.target.value;
                  setName((before) => ({ ...before, [language]: value }));
                  if (language === locale && !slugTyped) setSlug(proposeSlug(value));
                }}
              />
            )}
          </Field>
        ))}
        <Field label={t.slug} hint={t.slugHint} error={errors.slug}>
          {(props) => (
            <input
              {...props}
              required
              maxLength={80}
              value={slug}
              onChange={(event) => {
                setSlug(event.target.value);
                setSlugTyped(true);
              }}
            />
          )}
        </Field>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.creating : t.create}
          </button>
        </div>
      </form>
    </section>
  );
}
