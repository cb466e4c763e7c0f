import { useEffect, useRef, useState } from "react";
import type {
  ManagedUnit,
  UnitImportAnswer,
  UnitTreeAnswer,
} from "../../../server/contract/organisation-schemas";
import { api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { HEADCOUNT_MESSAGES } from "../headcounts/headcount-messages";
import { Loading, ProblemAlert, usePageTitle } from "../page-states";
import { useApiData } from "../use-api-data";
import { followLink } from "../use-route";
import { ORGANISATION_MESSAGES } from "./organisation-messages";
import { headcountOf, UnitForm, type UnitValues } from "./unit-form";
import { changeCount, UnitImport } from "./unit-import";
import { type UnitProblem, unitProblemOf } from "./unit-problem";
import { UnitTreeTable } from "./unit-tree-table";
import "../account/account.css";
import "./organisation.css";

const EMPTY_UNIT: UnitValues = {
  code: "",
  parentCode: null,
  kind: "service",
  name: { nl: "", fr: "", en: "" },
  headcount: "",
};

/**
 * One organisation's unit tree for admins and its coordinators: the tree in the reader's
 * language, a unit added or changed (renamed, moved, retired, reinstated) on screen, or the
 * whole tree imported from a file after a preview.
 */
export function OrganisationPage({ slug }: { slug: string }) {
  const t = useMessages(ORGANISATION_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const h = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const base = `/organisations/${encodeURIComponent(slug)}/units`;
  const [tree, reload] = useApiData<UnitTreeAnswer>(base);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<ManagedUnit | null>(null);
  const [addKey, setAddKey] = useState(0);
  const title =
    tree.state === "ready" ? t.treeTitle(tree.data.organisation.name[locale]) : t.listTitle;
  usePageTitle(title);

  const change = async (
    method: "POST" | "PATCH",
    path: string,
    body: unknown,
    said: (answer: UnitImportAnswer) => string,
  ): Promise<UnitProblem | null> => {
    try {
      const answer = await api<UnitImportAnswer>(method, path, body);
      setNotice(changeCount(answer.plan) === 0 ? t.noChange : said(answer));
      await reload();
      return null;
    } catch (problem) {
      return unitProblemOf(problem, t, common);
    }
  };

  const add = async (values: UnitValues) => {
    const problem = await change(
      "POST",
      base,
      {
        code: values.code.trim(),
        parentCode: values.parentCode,
        kind: values.kind,
        name: values.name,
        headcount: headcountOf(values),
      },
      () => t.unitAdded(`${values.name[locale]} (${values.code.trim()})`),
    );
    if (!problem) setAddKey((key) => key + 1);
    return problem;
  };

  const edit = (unit: ManagedUnit) => async (body: Record<string, unknown>, said: string) => {
    const problem = await change(
      "PATCH",
      `${base}/${encodeURIComponent(unit.code)}`,
      body,
      () => said,
    );
    if (!problem) setEditing(null);
    return problem;
  };

  if (tree.state !== "ready") {
    return (
      <>
        <h1>{title}</h1>
        {tree.state === "loading" ? <Loading /> : <ProblemAlert problem={tree.problem} />}
      </>
    );
  }
  const { organisation, units } = tree.data;
  return (
    <>
      <p className="breadcrumb">
        <a href="/admin/organisations" onClick={followLink}>
          {t.backToList}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{t.treeIntro}</p>
      <p>
        <a href={`/admin/organisations/${organisation.slug}/headcounts`} onClick={followLink}>
          {h.organisationLink}
        </a>
      </p>
      <div role="status">{notice ? <p className="success-message card">{notice}</p> : null}</div>
      {editing ? (
        <EditUnit
          key={editing.id}
          unit={editing}
          units={units}
          onSave={edit(editing)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {units.length === 0 ? (
        <p className="card">{t.emptyTree}</p>
      ) : (
        <UnitTreeTable
          units={units}
          onChange={(unit) => {
            setNotice(null);
            setEditing(unit);
          }}
        />
      )}
      <UnitImport
        slug={organisation.slug}
        units={units}
        onApplied={(changes) => {
          setEditing(null);
          setNotice(t.applied(changes));
          void reload();
        }}
      />
      <section className="card" aria-labelledby="unit-add">
        <h2 id="unit-add">{t.addTitle}</h2>
        <UnitForm
          key={addKey}
          units={units}
          initial={EMPTY_UNIT}
          submitLabel={t.add}
          busyLabel={t.adding}
          onSubmit={(values) => {
            setNotice(null);
            return add(values);
          }}
        />
      </section>
    </>
  );
}

/** Changes one unit: its names, parent, kind and headcount; retires or reinstates it. */
function EditUnit({
  unit,
  units,
  onSave,
  onCancel,
}: {
  unit: ManagedUnit;
  units: readonly ManagedUnit[];
  onSave: (body: Record<string, unknown>, said: string) => Promise<UnitProblem | null>;
  onCancel: () => void;
}) {
  const t = useMessages(ORGANISATION_MESSAGES);
  const locale = useAdminLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const parentCode =
    unit.parentId === null
      ? null
      : (units.find((other) => other.id === unit.parentId)?.code ?? null);
  const label = `${unit.name[locale]} (${unit.code})`;

  const retireOrReinstate = async () => {
    setBusy(true);
    setProblem(null);
    const said = await onSave(
      { retired: !unit.retired },
      unit.retired ? t.unitReinstated(label) : t.unitRetired(label),
    );
    setBusy(false);
    if (said) setProblem([said.general, said.fields.retired].filter(Boolean).join(" "));
  };

  return (
    <section className="card unit-editor" aria-labelledby="unit-edit">
      <h2 id="unit-edit" ref={heading} tabIndex={-1}>
        {t.editTitle(label)}
      </h2>
      {unit.retired ? (
        <>
          <p>{t.retiredHint}</p>
          {problem ? (
            <p className="form-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void retireOrReinstate()}
            >
              {t.reinstate}
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              {t.cancel}
            </button>
          </div>
        </>
      ) : (
        <>
          <UnitForm
            units={units}
            unitId={unit.id}
            initial={{
              code: unit.code,
              parentCode,
              kind: unit.kind as UnitValues["kind"],
              name: unit.name,
              headcount: unit.headcount === null ? "" : String(unit.headcount),
            }}
            submitLabel={t.save}
            busyLabel={t.save}
            onSubmit={(values) =>
              onSave(
                {
                  name: values.name,
                  parentCode: values.parentCode,
                  kind: values.kind,
                  headcount: headcountOf(values),
                },
                t.saved(`${values.name[locale]} (${unit.code})`),
              )
            }
          >
            <button type="button" className="secondary" onClick={onCancel}>
              {t.cancel}
            </button>
          </UnitForm>
          <div className="retire">
            <p className="hint">{t.retireHint}</p>
            {problem ? (
              <p className="form-error" role="alert">
                {problem}
              </p>
            ) : null}
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void retireOrReinstate()}
            >
              {t.retire}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
