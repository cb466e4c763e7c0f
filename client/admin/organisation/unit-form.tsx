import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { type ManagedUnit, UNIT_KIND_NAMES } from "../../../server/contract/organisation-schemas";
import { byName, subtreeOf, unitsInTreeOrder } from "../../../server/contract/unit-tree";
import { LANGUAGE_TAGS, LOCALES, type Locale } from "../../i18n/locales";
import { useAdminLocale, useMessages } from "../admin-locale";
import { Field } from "../form-field";
import { ORGANISATION_MESSAGES } from "./organisation-messages";
import type { UnitProblem } from "./unit-problem";

export interface UnitValues {
  code: string;
  parentCode: string | null;
  kind: (typeof UNIT_KIND_NAMES)[number];
  name: Record<Locale, string>;
  /** As typed: empty for no headcount. */
  headcount: string;
}

/**
 * The headcount as the API takes it: null when empty, a number when typed as one; anything
 * else is sent as typed, so the server names the field.
 */
export function headcountOf(values: UnitValues): number | string | null {
  const text = values.headcount.trim();
  if (text === "") return null;
  return /^\d{1,7}$/.test(text) ? Number(text) : text;
}

/**
 * A unit's code (only when adding), names in nl/fr/en, parent, kind and headcount. A changed
 * unit cannot be put under itself or a unit below it, nor under a retired unit: the list does
 * not offer them (the server refuses them too).
 */
export function UnitForm({
  units,
  initial,
  unitId,
  submitLabel,
  busyLabel,
  onSubmit,
  children,
}: {
  units: readonly ManagedUnit[];
  initial: UnitValues;
  /** The unit being changed; absent when adding one. */
  unitId?: string;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: UnitValues) => Promise<UnitProblem | null>;
  children?: ReactNode;
}) {
  const t = useMessages(ORGANISATION_MESSAGES);
  const locale = useAdminLocale();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<UnitProblem | null>(null);
  const parents = useMemo(() => {
    const below = unitId === undefined ? new Set<string>() : subtreeOf(unitId, units);
    return unitsInTreeOrder(
      units.filter((unit) => !unit.retired),
      byName(locale, LANGUAGE_TAGS[locale]),
    ).filter((row) => !below.has(row.unit.id));
  }, [units, unitId, locale]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setProblem(await onSubmit(values));
    } finally {
      setBusy(false);
    }
  };
  const set = (change: Partial<UnitValues>) => setValues((before) => ({ ...before, ...change }));
  const fields = problem?.fields ?? {};

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} noValidate>
      {unitId === undefined ? (
        <Field label={t.code} hint={t.codeHint} error={fields.code}>
          {(props) => (
            <input
              {...props}
              required
              maxLength={64}
              autoComplete="off"
              value={values.code}
              onChange={(event) => set({ code: event.target.value })}
            />
          )}
        </Field>
      ) : null}
      {LOCALES.map((language) => (
        <Field
          key={language}
          label={t.nameIn[language]}
          error={values.name[language].trim() === "" ? fields.name : undefined}
        >
          {(props) => (
            <input
              {...props}
              required
              maxLength={200}
              value={values.name[language]}
              onChange={(event) =>
                set({ name: { ...values.name, [language]: event.target.value } })
              }
            />
          )}
        </Field>
      ))}
      <Field label={t.parent} error={fields.parentCode}>
        {(props) => (
          <select
            {...props}
            value={values.parentCode ?? ""}
            onChange={(event) => set({ parentCode: event.target.value || null })}
          >
            <option value="">{t.topLevel}</option>
            {parents.map(({ unit, depth }) => (
              <option key={unit.id} value={unit.code}>
                {`${"\u2003".repeat(depth)}${unit.name[locale]} (${unit.code})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.kind} error={fields.kind}>
        {(props) => (
          <select
            {...props}
            value={values.kind}
            onChange={(event) => set({ kind: event.target.value as UnitValues["kind"] })}
          >
            {UNIT_KIND_NAMES.map((kind) => (
              <option key={kind} value={kind}>
                {t.kinds[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.headcount} hint={t.headcountHint} error={fields.headcount}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            pattern="[0-9]*"
            value={values.headcount}
            onChange={(event) => set({ headcount: event.target.value })}
          />
        )}
      </Field>
      {problem?.general || fields.retired ? (
        <p className="form-error" role="alert">
          {[problem?.general, fields.retired].filter(Boolean).join(" ")}
        </p>
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
