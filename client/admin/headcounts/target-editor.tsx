import { type FormEvent, useEffect, useId, useState } from "react";
import {
  HEADCOUNT_TARGET_PRESETS,
  type HeadcountTargetPreset,
  type HeadcountTargetsAnswer,
  type IndicatorSpecView,
} from "../../../server/contract/headcount-view-schemas";
import { api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { ProblemAlert } from "../page-states";
import { HEADCOUNT_MESSAGES, type HeadcountMessages } from "./headcount-messages";
import { headcountLabels } from "./headcount-tables";
import type { HeadcountReleaseView } from "./headcount-view";

/** An indicator's title in the reader's language (its known name, else category and level). */
export function indicatorTitle(spec: IndicatorSpecView, t: HeadcountMessages): string {
  const labels = headcountLabels(t);
  return t.indicatorTitle(
    spec.key,
    t.indicatorFallback(
      labels.value(spec.dimension, spec.value),
      labels.dimension(spec.dimension),
      spec.level === null ? null : labels.level(spec.level),
    ),
  );
}

interface Row {
  spec: IndicatorSpecView;
  /** The target as typed, in percent. */
  percent: string;
}

const rowsOf = (indicators: readonly IndicatorSpecView[], locale: string): Row[] =>
  indicators.map((spec) => ({
    spec,
    percent:
      spec.target === undefined
        ? ""
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(
            spec.target * 100,
          ),
  }));

/**
 * The organisation's targets (admins, coordinators): a default set taken as it is, or a target
 * per indicator, indicators added or removed. Saving replaces the stored set.
 */
export function TargetEditor({
  slug,
  release,
  targets,
  onSaved,
}: {
  slug: string;
  release: HeadcountReleaseView;
  targets: HeadcountTargetsAnswer;
  onSaved: (answer: HeadcountTargetsAnswer) => void;
}) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const labels = headcountLabels(t);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(targets.indicators, locale));
  const [preset, setPreset] = useState<HeadcountTargetPreset>(HEADCOUNT_TARGET_PRESETS[0]);
  const [category, setCategory] = useState("");
  const [level, setLevel] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setRows(rowsOf(targets.indicators, locale)), [targets, locale]);
  const path = `/organisations/${encodeURIComponent(slug)}/headcounts/targets`;
  const presetId = useId();
  const categoryId = useId();
  const levelId = useId();
  const categories = release.dimensions.flatMap((dimension) =>
    dimension.values.map((value) => ({ dimension: dimension.key, value })),
  );

  const save = async (body: unknown) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const answer = await api<HeadcountTargetsAnswer>("PUT", path, body);
      setNotice(t.saved);
      onSaved(answer);
    } catch (caught) {
      setProblem(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = rows.map((row) => {
      const text = row.percent.trim().replace(",", ".");
      const value = text === "" ? null : Number(text);
      return { row, value };
    });
    const wrong = parsed.some(
      ({ value }) => value !== null && (!Number.isFinite(value) || value < 0 || value > 100),
    );
    setInvalid(wrong);
    if (wrong) return;
    void save({
      indicators: parsed.map(({ row, value }) => ({
        key: row.spec.key,
        dimension: row.spec.dimension,
        value: row.spec.value,
        level: row.spec.level,
        target: value === null ? null : Math.round(value * 100) / 10000,
      })),
    });
  };

  const add = () => {
    const [dimension, value] = category.split(".");
    if (!dimension || !value) return;
    const key = `${dimension}-${value}${level ? `-${level}` : ""}`.replaceAll("_", "-");
    if (rows.some((row) => row.spec.key === key)) return;
    setRows([
      ...rows,
      { spec: { key, dimension, value, level: level === "" ? null : level }, percent: "" },
    ]);
  };

  return (
    <section className="card" aria-labelledby="headcount-targets">
      <h2 id="headcount-targets">{t.editorTitle}</h2>
      <p>{t.editorIntro}</p>
      {targets.stored ? null : <p className="hint">{t.editorDefault}</p>}
      <div className="headcount-choices">
        <div className="field">
          <label htmlFor={presetId}>{t.presetChoice}</label>
          <select
            id={presetId}
            value={preset}
            onChange={(e) => setPreset(e.target.value as HeadcountTargetPreset)}
          >
            {HEADCOUNT_TARGET_PRESETS.map((set) => (
              <option key={set} value={set}>
                {t.targetSets[set]}
              </option>
            ))}
          </select>
        </div>
        <div className="headcount-choice-action">
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void save({ preset })}
          >
            {t.usePreset}
          </button>
        </div>
      </div>
      <form onSubmit={submit} noValidate>
        <ul className="target-list">
          {rows.map((row, index) => {
            const title = indicatorTitle(row.spec, t);
            return (
              <li key={row.spec.key} className="target-row">
                <TargetField
                  label={t.targetPercent(title)}
                  hint={t.targetHint}
                  value={row.percent}
                  onChange={(percent) =>
                    setRows(rows.map((other, at) => (at === index ? { ...other, percent } : other)))
                  }
                />
                <button
                  type="button"
                  className="secondary"
                  aria-label={t.removeIndicator(title)}
                  onClick={() => setRows(rows.filter((_, at) => at !== index))}
                >
                  {t.remove}
                </button>
              </li>
            );
          })}
        </ul>
        <fieldset className="target-add">
          <legend>{t.addTitle}</legend>
          <div className="headcount-choices">
            <div className="field">
              <label htmlFor={categoryId}>{t.addCategory}</label>
              <select
                id={categoryId}
                value={category}
                onChange={(e) => setCategory(e.target.value)}
              >
                <option value="">—</option>
                {categories.map(({ dimension, value }) => (
                  <option key={`${dimension}.${value}`} value={`${dimension}.${value}`}>
                    {`${labels.dimension(dimension)}: ${labels.value(dimension, value)}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={levelId}>{t.addLevel}</label>
              <select id={levelId} value={level} onChange={(e) => setLevel(e.target.value)}>
                <option value="">{t.allLevels}</option>
                {release.levels.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {labels.level(candidate)}
                  </option>
                ))}
              </select>
            </div>
            <div className="headcount-choice-action">
              <button type="button" className="secondary" onClick={add} disabled={category === ""}>
                {t.addButton}
              </button>
            </div>
          </div>
        </fieldset>
        {invalid ? (
          <p className="form-error" role="alert">
            {t.targetInvalid}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || rows.length === 0}>
            {busy ? t.saving : t.save}
          </button>
        </div>
      </form>
      <div role="status">{notice ? <p className="success-message">{notice}</p> : null}</div>
      {problem ? <ProblemAlert problem={problem} /> : null}
    </section>
  );
}

function TargetField({
  label,
  hint,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        aria-describedby={`${id}-hint`}
        className="target-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
