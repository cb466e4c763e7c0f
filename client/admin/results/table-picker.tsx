import type { ReleaseTable } from "../../../server/contract/release-schema";
import { useMessages } from "../admin-locale";
import type { QuestionSection, UnitChoice } from "./release-view";
import { RESULTS_MESSAGES } from "./results-messages";

/** Indents a unit in a native <select>, which cannot be styled per option. */
function indented(unit: UnitChoice): string {
  return `${"\u00a0\u00a0\u00a0".repeat(unit.depth)}${unit.name}`;
}

/**
 * What to show: a table of the release, the unit it is shown for (not for a cross table,
 * which exists for the organisation only), which staff of the unit, and one or all questions.
 */
export function TablePicker({
  tables,
  tableName,
  table,
  onTable,
  units,
  unitId,
  onUnit,
  directPart,
  part,
  onPart,
  sections,
  question,
  onQuestion,
}: {
  tables: readonly ReleaseTable[];
  tableName: (table: ReleaseTable) => string;
  table: ReleaseTable;
  onTable: (id: string) => void;
  units: readonly UnitChoice[];
  unitId: string;
  onUnit: (id: string) => void;
  /** Whether the unit has people directly in it, so the part can be chosen. */
  directPart: boolean;
  part: "all" | "direct";
  onPart: (part: "all" | "direct") => void;
  sections: readonly QuestionSection[];
  question: string;
  onQuestion: (question: string) => void;
}) {
  const t = useMessages(RESULTS_MESSAGES);
  const cross = table.dimensions.length > 1;
  const unitName = units.find((unit) => unit.id === unitId)?.name ?? t.unknownUnit;
  return (
    <section className="card" aria-labelledby="results-choose">
      <h2 id="results-choose">{t.chooseTitle}</h2>
      <div className="results-picker">
        <label className="field">
          {t.tableLabel}
          <select value={table.id} onChange={(event) => onTable(event.target.value)}>
            {tables.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {tableName(entry)}
              </option>
            ))}
          </select>
        </label>
        {cross ? (
          <p className="hint">{t.crossRootOnly}</p>
        ) : (
          <label className="field">
            {t.unitLabel}
            <select value={unitId} onChange={(event) => onUnit(event.target.value)}>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {indented(unit)}
                </option>
              ))}
            </select>
          </label>
        )}
        {!cross && table.dimensions.length === 1 && directPart ? (
          <label className="field">
            {t.partLabel}
            <select
              value={part}
              onChange={(event) => onPart(event.target.value === "direct" ? "direct" : "all")}
            >
              <option value="all">{t.partAll}</option>
              <option value="direct">{t.partDirect(unitName)}</option>
            </select>
          </label>
        ) : null}
        {sections.length > 1 ? (
          <label className="field">
            {t.questionLabel}
            <select value={question} onChange={(event) => onQuestion(event.target.value)}>
              <option value="all">{t.allQuestions}</option>
              {sections.map((section) => (
                <option key={section.question} value={section.question}>
                  {section.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
    </section>
  );
}
