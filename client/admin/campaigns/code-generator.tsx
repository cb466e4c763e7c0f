import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import type { CodesAnswer } from "../../../server/contract/campaign-schemas";
import { byName, unitsInTreeOrder } from "../../../server/contract/unit-tree";
import { LANGUAGE_TAGS } from "../../i18n/locales";
import { ApiProblem, api } from "../admin-api";
import { useAdminLocale, useMessages } from "../admin-locale";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import { CampaignProblem } from "./campaign-problem";
import { type CampaignView, MAX_CODES_PER_CALL, type Organisation } from "./campaign-types";
import { CODE_LIMIT_MESSAGES, codeLimitText } from "./code-limit-messages";
import { codesCsv } from "./codes-csv";
import { saveFromMemory } from "./save-from-memory";

interface Generated {
  unit: { code: string; name: string };
  codes: string[];
}

/**
 * Generating invitation codes for one unit. The server returns them once and keeps only their
 * hashes, so they live in this component's memory only (never in storage) until downloaded.
 */
export function CodeGenerator({
  campaign,
  organisation,
  onGenerated,
}: {
  campaign: CampaignView;
  organisation: Organisation | undefined;
  onGenerated: () => void;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const limits = useMessages(CODE_LIMIT_MESSAGES);
  const locale = useAdminLocale();
  const id = useId();
  const units = useMemo(() => {
    const inScope = new Set(campaign.unitIds);
    return unitsInTreeOrder(
      organisation?.units ?? [],
      byName(locale, LANGUAGE_TAGS[locale]),
    ).filter((row) => inScope.has(row.unit.id));
  }, [campaign.unitIds, organisation, locale]);
  const [unitId, setUnitId] = useState(units[0]?.unit.id ?? "");
  const [count, setCount] = useState("50");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [errors, setErrors] = useState<{ unitId?: boolean; count?: boolean }>({});
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const limitText = codeLimitText(problem, limits);

  // Leaving the page with codes not yet downloaded loses them for good: the browser asks first.
  useEffect(() => {
    if (!generated || downloaded) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [generated, downloaded]);

  useEffect(() => {
    if (generated) resultHeading.current?.focus();
  }, [generated]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = Number(count);
    const countOk = Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_CODES_PER_CALL;
    if (!unitId || !countOk) {
      setErrors({ unitId: !unitId, count: !countOk });
      return;
    }
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      const answer = await api<CodesAnswer>(
        "POST",
        `/campaigns/${encodeURIComponent(campaign.slug)}/codes`,
        { unitId, count: wanted },
      );
      const unit = units.find((row) => row.unit.id === answer.unitId)?.unit;
      setGenerated({
        unit: { code: unit?.code ?? answer.unitId, name: unit?.name[locale] ?? answer.unitId },
        codes: answer.codes,
      });
      setDownloaded(false);
      onGenerated();
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 422) {
        const fields = new Set(caught.errors.map((error) => error.question));
        setErrors({
          unitId: fields.has("unitId"),
          count: fields.has("count") || fields.size === 0,
        });
      } else {
        setProblem(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const saveCsv = () => {
    if (!generated) return;
    saveFromMemory(
      new Blob([codesCsv(generated.unit, generated.codes)], { type: "text/csv;charset=utf-8" }),
      `${campaign.slug}-${generated.unit.code}-codes.csv`,
    );
    setDownloaded(true);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.codesTitle}</h2>
      <p>{t.codesIntro}</p>
      {problem && limitText ? (
        <div className="card alert" role="alert">
          <p>{limitText}</p>
        </div>
      ) : problem ? (
        <CampaignProblem problem={problem} />
      ) : null}
      <form className="stacked-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-unit`}>
          {t.codesUnit}
          <select
            id={`${id}-unit`}
            value={unitId}
            aria-invalid={errors.unitId || undefined}
            aria-describedby={errors.unitId ? `${id}-unit-error` : undefined}
            onChange={(event) => setUnitId(event.currentTarget.value)}
          >
            {units.map(({ unit, depth }) => (
              <option key={unit.id} value={unit.id}>
                {`${"\u00a0\u00a0\u00a0".repeat(depth)}${unit.name[locale]} (${unit.code})`}
              </option>
            ))}
          </select>
          {errors.unitId ? (
            <span id={`${id}-unit-error`} className="field-error">
              {t.fieldProblems.unitIds}
            </span>
          ) : null}
        </label>
        <label htmlFor={`${id}-count`}>
          {t.codesCount}
          <input
            id={`${id}-count`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_CODES_PER_CALL}
            step={1}
            value={count}
            aria-invalid={errors.count || undefined}
            aria-describedby={`${id}-count-hint${errors.count ? ` ${id}-count-error` : ""}`}
            onChange={(event) => setCount(event.currentTarget.value)}
          />
          <span id={`${id}-count-hint`} className="hint">
            {t.codesCountHint(MAX_CODES_PER_CALL)}
          </span>
          {errors.count ? (
            <span id={`${id}-count-error`} className="field-error">
              {t.codesCountHint(MAX_CODES_PER_CALL)}
            </span>
          ) : null}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || units.length === 0}>
            {busy ? t.generating : t.generate}
          </button>
        </div>
      </form>

      {generated ? (
        <div className="generated-codes">
          <h3 ref={resultHeading} tabIndex={-1}>
            {t.codesGenerated(generated.codes.length, generated.unit.name)}
          </h3>
          <p className="codes-once" role="alert">
            {t.codesOnce}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={saveCsv}>
              {t.downloadCsv}
            </button>
            <button type="button" className="secondary" onClick={() => setGenerated(null)}>
              {t.forgetCodes}
            </button>
          </div>
          <label htmlFor={`${id}-codes`}>
            {t.codesCaption(generated.codes.length, generated.unit.name)}
          </label>
          <textarea
            id={`${id}-codes`}
            className="codes-text"
            readOnly
            rows={Math.min(10, generated.codes.length)}
            value={generated.codes.join("\n")}
            spellCheck={false}
          />
        </div>
      ) : null}
    </section>
  );
}
