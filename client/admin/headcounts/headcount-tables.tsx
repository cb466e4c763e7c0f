import { useId, useState } from "react";
import { useAdminLocale, useMessages } from "../admin-locale";
import { HeadcountFigure } from "./headcount-figure";
import { HEADCOUNT_MESSAGES, type HeadcountMessages } from "./headcount-messages";
import { cellKey, figuresOf, type HeadcountReleaseView, unitsInTreeOrder } from "./headcount-view";

/** A column of a table: its heading and the cell's level, dimension and value. */
interface Column {
  label: string;
  level: string | null;
  dimension: string | null;
  value: string | null;
}

/** Labels of the release's levels, dimensions and values in the reader's language. */
export function headcountLabels(t: HeadcountMessages) {
  return {
    level: (level: string) => t.levels[level] ?? level,
    dimension: (key: string) => t.dimensions[key] ?? key,
    value: (dimension: string, value: string) => t.values[`${dimension}.${value}`] ?? value,
  };
}

/**
 * The released tables of one date: every unit by job level or by a category, and for the
 * organisation and its top units job level × category. Hidden cells say why.
 */
export function HeadcountTables({ release }: { release: HeadcountReleaseView }) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const labels = headcountLabels(t);
  const dates = release.dates.map((date) => date.referenceDate);
  const [chosenDate, setDate] = useState<string | null>(null);
  const [breakdown, setBreakdown] = useState<string>("level");
  const referenceDate =
    chosenDate !== null && dates.includes(chosenDate) ? chosenDate : (dates.at(-1) ?? "");
  const date = release.dates.find((candidate) => candidate.referenceDate === referenceDate);
  const figures = figuresOf(date?.cells ?? []);
  const ordered = unitsInTreeOrder(release.units);
  const dimension = release.dimensions.find((candidate) => candidate.key === breakdown);
  const breakdownLabel = dimension ? labels.dimension(dimension.key) : t.byLevel;
  const columns: Column[] = [
    { label: t.total, level: null, dimension: null, value: null },
    ...(dimension
      ? dimension.values.map((value) => ({
          label: labels.value(dimension.key, value),
          level: null,
          dimension: dimension.key,
          value,
        }))
      : release.levels.map((level) => ({
          label: labels.level(level),
          level,
          dimension: null,
          value: null,
        }))),
  ];
  const rows = ordered.flatMap(({ unit, depth }) => {
    const name = unit.name[locale];
    const own = { key: `${unit.id}:all`, unitId: unit.id, part: "all" as const, name, depth };
    const direct = figures.has(cellKey(unit.id, "direct", null, null, null))
      ? [
          {
            key: `${unit.id}:direct`,
            unitId: unit.id,
            part: "direct" as const,
            name: t.directly(name),
            depth: depth + 1,
          },
        ]
      : [];
    return [own, ...direct];
  });
  const dateId = useId();
  const breakdownId = useId();
  const caption = t.tableCaption(breakdownLabel, referenceDate);
  return (
    <section className="card" aria-labelledby="headcount-tables">
      <h2 id="headcount-tables">{t.tablesTitle}</h2>
      <p>{t.tablesIntro(release.k)}</p>
      <div className="headcount-choices">
        <div className="field">
          <label htmlFor={dateId}>{t.dateChoice}</label>
          <select id={dateId} value={referenceDate} onChange={(e) => setDate(e.target.value)}>
            {[...dates].reverse().map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={breakdownId}>{t.breakdownChoice}</label>
          <select id={breakdownId} value={breakdown} onChange={(e) => setBreakdown(e.target.value)}>
            <option value="level">{t.byLevel}</option>
            {release.dimensions.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {labels.dimension(candidate.key)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint headcount-legend">{t.legend(release.k)}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
      <section className="table-wrap" tabIndex={0} aria-label={caption}>
        <table className="data headcount-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.unitColumn}</th>
              {columns.map((column) => (
                <th scope="col" className="number" key={column.label}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.part === "direct" ? "headcount-direct" : undefined}>
                <th scope="row" style={{ paddingLeft: `${0.6 + row.depth * 1}rem` }}>
                  {row.name}
                </th>
                {columns.map((column) => (
                  <td className="number" key={column.label}>
                    <HeadcountFigure
                      k={release.k}
                      figure={figures.get(
                        cellKey(row.unitId, row.part, column.level, column.dimension, column.value),
                      )}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CrossTable
        release={release}
        referenceDate={referenceDate}
        dimensionKey={dimension?.key ?? release.dimensions[0]?.key ?? null}
      />
    </section>
  );
}

/** Job level × one category for one unit that has such crossed cells (organisation, top units). */
function CrossTable({
  release,
  referenceDate,
  dimensionKey,
}: {
  release: HeadcountReleaseView;
  referenceDate: string;
  dimensionKey: string | null;
}) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  const labels = headcountLabels(t);
  const unitId = useId();
  const date = release.dates.find((candidate) => candidate.referenceDate === referenceDate);
  const crossed = new Set(
    (date?.cells ?? [])
      .filter((cell) => cell.level !== null && cell.dimension !== null)
      .map((cell) => cell.unitId),
  );
  const candidates = unitsInTreeOrder(release.units).filter(({ unit }) => crossed.has(unit.id));
  const [chosen, setChosen] = useState<string | null>(null);
  const dimension = release.dimensions.find((candidate) => candidate.key === dimensionKey);
  if (!dimension || !date) return null;
  const current =
    candidates.find(({ unit }) => unit.id === chosen)?.unit ?? candidates[0]?.unit ?? null;
  const figures = figuresOf(date.cells);
  const caption = current
    ? t.crossCaption(current.name[locale], labels.dimension(dimension.key), referenceDate)
    : "";
  return (
    <section aria-labelledby="headcount-cross" className="headcount-cross">
      <h3 id="headcount-cross">{t.crossTitle}</h3>
      <p className="hint">{t.notCrossed}</p>
      {current ? (
        <>
          <div className="field">
            <label htmlFor={unitId}>{t.crossUnit}</label>
            <select id={unitId} value={current.id} onChange={(e) => setChosen(e.target.value)}>
              {candidates.map(({ unit, depth }) => (
                <option key={unit.id} value={unit.id}>
                  {`${"\u00a0\u00a0".repeat(depth)}${unit.name[locale]}`}
                </option>
              ))}
            </select>
          </div>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
          <section className="table-wrap" tabIndex={0} aria-label={caption}>
            <table className="data headcount-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.levelColumn}</th>
                  <th scope="col" className="number">
                    {t.total}
                  </th>
                  {dimension.values.map((value) => (
                    <th scope="col" className="number" key={value}>
                      {labels.value(dimension.key, value)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[null, ...release.levels].map((level) => (
                  <tr key={level ?? "all"}>
                    <th scope="row">{level === null ? t.allLevels : labels.level(level)}</th>
                    <td className="number">
                      <HeadcountFigure
                        k={release.k}
                        figure={figures.get(cellKey(current.id, "all", level, null, null))}
                      />
                    </td>
                    {dimension.values.map((value) => (
                      <td className="number" key={value}>
                        <HeadcountFigure
                          k={release.k}
                          figure={figures.get(
                            cellKey(current.id, "all", level, dimension.key, value),
                          )}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </section>
  );
}
