import { type ReactNode, useMemo } from "react";
import { byName, unitsInTreeOrder } from "../../../server/contract/unit-tree";
import { LANGUAGE_TAGS } from "../../i18n/locales";
import { toggled } from "../../shared/toggled";
import { useAdminLocale, useMessages } from "../admin-locale";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import type { OrgUnit } from "./campaign-types";

/** Checkboxes for an organisation's units, indented by hierarchy, with select all and none. */
export function UnitChecklist({
  units,
  selected,
  onChange,
  describedBy,
  error,
  children,
}: {
  units: OrgUnit[];
  selected: string[];
  onChange: (unitIds: string[]) => void;
  describedBy: string;
  error: boolean;
  /** The hint and any error, shown under the legend. */
  children: ReactNode;
}) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const locale = useAdminLocale();
  const chosen = new Set(selected);
  // A retired unit is offered to no campaign; one a draft still holds is shown, to be unticked.
  const offered = useMemo(
    () => units.filter((unit) => !unit.retired || selected.includes(unit.id)),
    [units, selected],
  );
  const active = units.filter((unit) => !unit.retired);
  const rows = useMemo(
    () => unitsInTreeOrder(offered, byName(locale, LANGUAGE_TAGS[locale])),
    [offered, locale],
  );
  const toggle = (id: string, on: boolean) => onChange(toggled(selected, id, on));

  return (
    <fieldset aria-describedby={describedBy}>
      <legend>{t.units}</legend>
      {children}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => onChange(active.map((unit) => unit.id))}
        >
          {t.selectAll}
        </button>
        <button type="button" className="secondary" onClick={() => onChange([])}>
          {t.selectNone}
        </button>
        <span className="hint">{t.unitsSelected(chosen.size, active.length)}</span>
      </div>
      <ul className="unit-checklist">
        {rows.map(({ unit, depth }) => (
          <li key={unit.id} style={{ paddingInlineStart: `${depth * 1.5}rem` }}>
            <label className="choice">
              <input
                type="checkbox"
                checked={chosen.has(unit.id)}
                aria-invalid={error || undefined}
                onChange={(event) => toggle(unit.id, event.currentTarget.checked)}
              />
              <span>
                {unit.name[locale]} <span className="unit-code">({unit.code})</span>
                {unit.retired ? <strong className="field-error"> — {t.unitRetired}</strong> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
