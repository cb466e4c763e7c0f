import { type FormEvent, useId, useState } from "react";
import type {
  ManagedUnit,
  UnitFileError,
  UnitImportAnswer,
  UnitImportPlan,
} from "../../../server/contract/organisation-schemas";
import { ApiProblem, api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ADMIN_MESSAGES } from "../admin-messages";
import { Field } from "../form-field";
import { FileFaultTable, SpreadsheetInput, spreadsheetBody } from "../spreadsheet-file";
import { ORGANISATION_MESSAGES } from "./organisation-messages";
import { unitProblemOf } from "./unit-problem";

/** Items of one kind of change shown at most; the rest is counted. */
const SHOWN_PER_PART = 100;

type Step =
  | { kind: "idle" }
  | { kind: "planned"; plan: UnitImportPlan }
  | { kind: "faulty"; faults: UnitFileError[] }
  | { kind: "failed"; message: string };

/**
 * Import of a whole unit tree from a CSV or XLSX file: first what would change, or every
 * faulty row and field; then, on request, the same file applied in one transaction.
 */
export function UnitImport({
  slug,
  units,
  onApplied,
}: {
  slug: string;
  units: readonly ManagedUnit[];
  onApplied: (changes: number) => void;
}) {
  const t = useMessages(ORGANISATION_MESSAGES);
  const common = useMessages(ADMIN_MESSAGES);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [busy, setBusy] = useState<"preview" | "apply" | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const base = `/organisations/${encodeURIComponent(slug)}/units`;

  const send = async (apply: boolean) => {
    if (!file) {
      setFileError(t.chooseFile);
      return;
    }
    setFileError(undefined);
    setBusy(apply ? "apply" : "preview");
    try {
      const answer = await api<UnitImportAnswer>(
        "POST",
        `${base}/${apply ? "import" : "preview"}`,
        spreadsheetBody(file),
      );
      if (apply) {
        setStep({ kind: "idle" });
        setFile(null);
        onApplied(changeCount(answer.plan));
      } else {
        setStep({ kind: "planned", plan: answer.plan });
      }
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.problemName === "invalid-unit-file") {
        setStep({ kind: "faulty", faults: problem.errors as UnitFileError[] });
      } else {
        setStep({ kind: "failed", message: unitProblemOf(problem, t, common).general ?? "" });
      }
    } finally {
      setBusy(null);
    }
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <section className="card" aria-labelledby="unit-import">
      <h2 id="unit-import">{t.importTitle}</h2>
      <p>{t.importIntro}</p>
      <p className="hint import-columns">{t.importColumns}</p>
      <form className="stacked-form" onSubmit={preview} noValidate>
        <Field label={t.file} hint={t.fileHint} error={fileError}>
          {(props) => (
            <SpreadsheetInput
              control={props}
              onFile={(chosen) => {
                setFile(chosen);
                setStep({ kind: "idle" });
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy !== null}>
            {busy === "preview" ? t.previewing : t.preview}
          </button>
        </div>
      </form>
      <div role="status">
        {step.kind === "planned" ? (
          <PlanView plan={step.plan} units={units}>
            {changeCount(step.plan) > 0 ? (
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy !== null}
                  onClick={() => void send(true)}
                >
                  {busy === "apply" ? t.applying : t.apply}
                </button>
              </div>
            ) : null}
          </PlanView>
        ) : null}
      </div>
      {step.kind === "faulty" ? <FaultTable faults={step.faults} /> : null}
      {step.kind === "failed" ? (
        <p className="form-error" role="alert">
          {step.message}
        </p>
      ) : null}
    </section>
  );
}

/** How many units a plan changes. */
export function changeCount(plan: UnitImportPlan): number {
  return (
    plan.added.length +
    plan.renamed.length +
    plan.moved.length +
    plan.kindChanged.length +
    plan.headcountChanged.length +
    plan.retired.length +
    plan.reinstated.length
  );
}

function PlanView({
  plan,
  units,
  children,
}: {
  plan: UnitImportPlan;
  units: readonly ManagedUnit[];
  children: React.ReactNode;
}) {
  const t = useMessages(ORGANISATION_MESSAGES);
  const locale = useAdminLocale();
  const named = new Map(units.map((unit) => [unit.code, unit.name[locale]]));
  for (const unit of plan.added) named.set(unit.code, unit.name[locale]);
  const label = (code: string | null) =>
    code === null ? t.topLevelShort : `${named.get(code) ?? code} (${code})`;
  const kindName = (kind: string) => t.kinds[kind as keyof typeof t.kinds] ?? kind;
  const headcount = (value: number | null) => (value === null ? "—" : String(value));
  const parts: [keyof typeof t.planParts, string[]][] = [
    [
      "added",
      plan.added.map((unit) => `${unit.name[locale]} (${unit.code}) — ${label(unit.parentCode)}`),
    ],
    [
      "renamed",
      plan.renamed.map(
        (unit) => `${unit.code}: ${t.renamedTo(unit.from[locale], unit.to[locale])}`,
      ),
    ],
    [
      "moved",
      plan.moved.map(
        (unit) => `${label(unit.code)}: ${t.movedTo(label(unit.from), label(unit.to))}`,
      ),
    ],
    [
      "kindChanged",
      plan.kindChanged.map(
        (unit) => `${label(unit.code)}: ${t.changedTo(kindName(unit.from), kindName(unit.to))}`,
      ),
    ],
    [
      "headcountChanged",
      plan.headcountChanged.map(
        (unit) => `${label(unit.code)}: ${t.changedTo(headcount(unit.from), headcount(unit.to))}`,
      ),
    ],
    ["retired", plan.retired.map((unit) => `${unit.name[locale]} (${unit.code})`)],
    ["reinstated", plan.reinstated.map((unit) => label(unit.code))],
  ];
  const changes = changeCount(plan);
  return (
    <div className="import-plan">
      <h3>{t.planTitle}</h3>
      <p>{changes === 0 ? t.planNothing : t.planSummary(changes, plan.unchanged)}</p>
      {parts
        .filter(([, items]) => items.length > 0)
        .map(([part, items]) => (
          <PlanPart key={part} title={`${t.planParts[part]} (${items.length})`} items={items} />
        ))}
      {children}
    </div>
  );
}

function PlanPart({ title, items }: { title: string; items: string[] }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="plan-part">
      <h4 id={id}>{title}</h4>
      <ul>
        {items.slice(0, SHOWN_PER_PART).map((item) => (
          <li key={item}>{item}</li>
        ))}
        {items.length > SHOWN_PER_PART ? <li>… +{items.length - SHOWN_PER_PART}</li> : null}
      </ul>
    </section>
  );
}

/** Every faulty row and field, said in the reader's language, in the order of the file. */
function FaultTable({ faults }: { faults: UnitFileError[] }) {
  const t = useMessages(ORGANISATION_MESSAGES);
  return (
    <FileFaultTable
      faults={faults}
      labels={t}
      describe={(fault) => t.faults[fault.fault] ?? fault.message}
    />
  );
}
