import { useMemo } from "react";
import type { ManagedUnit } from "../../../server/contract/organisation-schemas";
import { byName, unitsInTreeOrder } from "../../../server/contract/unit-tree";
import { LANGUAGE_TAGS } from "../../i18n/locales";
import { formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { ORGANISATION_MESSAGES } from "./organisation-messages";

/**
 * The unit tree in reading order, siblings by name in the reader's language, each unit
 * indented under its parent, with code, kind, headcount, state and a change button.
 */
export function UnitTreeTable({
  units,
  onChange,
}: {
  units: readonly ManagedUnit[];
  onChange: (unit: ManagedUnit) => void;
}) {
  const t = useMessages(ORGANISATION_MESSAGES);
  const locale = useAdminLocale();
  const rows = useMemo(
    () => unitsInTreeOrder(units, byName(locale, LANGUAGE_TAGS[locale])),
    [units, locale],
  );
  const retired = units.filter((unit) => unit.retired).length;
  const kindName = (kind: string) => t.kinds[kind as keyof typeof t.kinds] ?? kind;
  const state = (unit: ManagedUnit) =>
    [unit.retired ? t.retired : t.active, unit.inUse ? t.inUse : null].filter(Boolean).join(", ");
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, so the keyboard must reach it (WCAG 2.1.1)
    <section className="table-wrap" aria-labelledby="unit-tree-caption" tabIndex={0}>
      <table className="data unit-tree">
        <caption id="unit-tree-caption">{t.treeCaption(units.length - retired, retired)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.unitName}</th>
            <th scope="col" className="unit-extra">
              {t.kind}
            </th>
            <th scope="col" className="unit-extra number">
              {t.headcount}
            </th>
            <th scope="col" className="unit-extra">
              {t.state}
            </th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ unit, depth }) => (
            <tr key={unit.id} className={unit.retired ? "unit-retired" : undefined}>
              <th scope="row" style={{ paddingInlineStart: `${0.6 + depth * 1.25}rem` }}>
                <span className="unit-name">{unit.name[locale]}</span>{" "}
                <span className="unit-code">{unit.code}</span>
                {/* On a phone the kind, headcount and state columns give way to this line. */}
                <span className="unit-inline">
                  {[
                    kindName(unit.kind),
                    unit.headcount === null ? null : `${t.headcount} ${unit.headcount}`,
                    state(unit),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </th>
              <td className="unit-extra">{kindName(unit.kind)}</td>
              <td className="unit-extra number">
                {unit.headcount === null ? "" : formatNumber(unit.headcount, locale)}
              </td>
              <td className="unit-extra">
                {unit.retired ? <span className="status">{t.retired}</span> : t.active}
                {unit.inUse ? (
                  <>
                    {" "}
                    <span className="status status-open" title={t.inUseHint}>
                      {t.inUse}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t.change(`${unit.name[locale]} (${unit.code})`)}
                  onClick={() => onChange(unit)}
                >
                  {t.changeShort}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
