import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";

/** One bar of the chart: a group and each answer's share (0..1), or why it is hidden. */
export interface ChartRow {
  label: string;
  /** Share per answer, in the order of `answers`; absent when the group is hidden. */
  shares?: number[];
  /** The hidden mark in words, drawn in place of the bar (never a 0-length bar). */
  hidden?: string;
}

/**
 * Agreement scale: a 100% stacked bar per group, from the lowest answer (warm) to the highest
 * (cool), so "agree" reads as the blue end. Choices: one bar per answer for one group. Shares
 * of 8% and more carry their number, so the chart prints with its figures. Loaded only on
 * the results screen, apart from the admin bundle.
 */
export default function AnswersChart({
  kind,
  answers,
  rows,
  percent,
}: {
  kind: "scale" | "choice";
  answers: readonly string[];
  rows: readonly ChartRow[];
  percent: (share: number) => string;
}) {
  if (kind === "choice") {
    const row = rows[0];
    const data = answers.map((answer, index) => ({ answer, share: row?.shares?.[index] ?? 0 }));
    return (
      <ResponsiveContainer width="100%" height={Math.max(120, 34 * answers.length + 30)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 48 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e3e5e0" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} tickFormatter={percent} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="answer" width={150} tick={{ fontSize: 12 }} />
          <Bar dataKey="share" fill="#1f5f8b" isAnimationActive={false}>
            <LabelList
              dataKey="share"
              position="right"
              fontSize={12}
              formatter={(value) => (typeof value === "number" ? percent(value) : "")}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    );
  }
  const colours = scaleColours(answers.length);
  const data = rows.map((row) => {
    const point: Record<string, string | number> = {
      label: row.hidden ? `${row.label} — ${row.hidden}` : row.label,
    };
    answers.forEach((_, index) => {
      point[`a${index}`] = row.shares?.[index] ?? 0;
    });
    return point;
  });
  return (
    <ResponsiveContainer width="100%" height={Math.max(110, 30 * rows.length + 70)}>
      <BarChart
        data={data}
        layout="vertical"
        stackOffset="expand"
        margin={{ left: 8, right: 16 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" domain={[0, 1]} tickFormatter={percent} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 11 }} interval={0} />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={null}
          formatter={(value) => <span className="chart-legend-text">{value}</span>}
        />
        {answers.map((answer, index) => (
          <Bar
            key={answer}
            dataKey={`a${index}`}
            name={answer}
            stackId="answers"
            fill={colours[index]}
            isAnimationActive={false}
          >
            <LabelList
              dataKey={`a${index}`}
              position="center"
              fontSize={11}
              fill={index === 0 || index === answers.length - 1 ? "#ffffff" : "#1b1b1b"}
              formatter={(value) =>
                typeof value === "number" && value >= 0.1 ? percent(value) : ""
              }
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A diverging palette: dark orange (lowest) through grey to dark blue (highest). */
function scaleColours(count: number): string[] {
  const palette = ["#a6461c", "#e08a5c", "#d9d9d4", "#7fb0d4", "#1f5f8b"];
  if (count === palette.length) return palette;
  return Array.from({ length: count }, (_, index) => {
    const position = count === 1 ? 1 : index / (count - 1);
    return palette[Math.round(position * (palette.length - 1))] as string;
  });
}
