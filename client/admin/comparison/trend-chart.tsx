import {
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One line of a trend chart: a measure's value in each wave, null where it is not shown. */
export interface TrendLine {
  name: string;
  values: (number | null)[];
}

/** Colours with at least 3:1 contrast on white, told apart by shape (dash) too. */
const COLOURS = ["#1f5f8b", "#b3541e", "#2e7d32", "#6a3d9a", "#8a6d00", "#ad1457"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"];

/**
 * A slope chart (two waves) or trend (three or more): each measure as a line from wave to wave,
 * with its value written at each point, so the printed chart carries its numbers. A wave where
 * the figure is hidden leaves a gap, never a 0. Loaded only on screens that draw charts.
 */
export default function TrendChart({
  waves,
  lines,
  max,
  format,
}: {
  waves: readonly string[];
  lines: readonly TrendLine[];
  /** Top of the scale: 100 for percentages, the scale's top point for means. */
  max: number;
  format: (value: number) => string;
}) {
  const data = waves.map((wave, index) => {
    const point: Record<string, string | number | null> = { wave };
    lines.forEach((line, lineIndex) => {
      point[`l${lineIndex}`] = line.values[index] ?? null;
    });
    return point;
  });
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart
        data={data}
        margin={{ top: 18, right: 28, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e3e5e0" vertical={false} />
        <XAxis
          dataKey="wave"
          tick={{ fontSize: 12 }}
          interval={0}
          padding={{ left: 48, right: 48 }}
        />
        <YAxis domain={[0, max]} tick={{ fontSize: 12 }} width={36} />
        <Tooltip formatter={(value) => (typeof value === "number" ? format(value) : "")} />
        {lines.length > 1 ? (
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={null}
            formatter={(value) => <span className="chart-legend-text">{value}</span>}
          />
        ) : null}
        {lines.map((line, index) => (
          <Line
            key={line.name}
            dataKey={`l${index}`}
            name={line.name}
            stroke={COLOURS[index % COLOURS.length]}
            strokeDasharray={DASHES[index % DASHES.length]}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
            dot={{ r: 4 }}
          >
            <LabelList
              dataKey={`l${index}`}
              position="top"
              fontSize={11}
              formatter={(value) => (typeof value === "number" ? format(value) : "")}
            />
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
