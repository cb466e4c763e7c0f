import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";

/**
 * An indicator over the reference dates: its share as a line with the value written at each
 * point (a printout carries the numbers), the target as a dashed line with its label. A date
 * whose share is not published leaves a gap, never a 0. Loaded only with the first chart.
 */
export default function IndicatorChart({
  dates,
  shares,
  target,
  targetLabel,
  format,
}: {
  dates: readonly string[];
  /** Percentages, null where not published. */
  shares: readonly (number | null)[];
  target: number | null;
  targetLabel: string;
  format: (value: number) => string;
}) {
  const data = dates.map((date, index) => ({ date, share: shares[index] ?? null }));
  const highest = Math.max(target ?? 0, ...shares.map((share) => share ?? 0));
  const max = Math.min(100, Math.max(5, Math.ceil((highest * 1.25) / 5) * 5));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        data={data}
        margin={{ top: 20, right: 24, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e3e5e0" vertical={false} />
        <XAxis
          dataKey="date"
          tick={{ fontSize: 12 }}
          interval={0}
          padding={{ left: 28, right: 28 }}
          tickFormatter={(date: string) => date.slice(0, 4)}
        />
        <YAxis domain={[0, max]} tick={{ fontSize: 12 }} width={36} unit="%" />
        {target !== null ? (
          <ReferenceLine
            y={target}
            stroke="#8c2c0e"
            strokeDasharray="6 3"
            strokeWidth={2}
            label={{
              value: targetLabel,
              position: "insideTopRight",
              fontSize: 12,
              fill: "#8c2c0e",
            }}
          />
        ) : null}
        <Line
          dataKey="share"
          stroke="#1f5f8b"
          strokeWidth={2}
          connectNulls={false}
          isAnimationActive={false}
          dot={{ r: 4 }}
        >
          <LabelList
            dataKey="share"
            position="top"
            fontSize={11}
            formatter={(value) => (typeof value === "number" ? format(value) : "")}
          />
        </Line>
      </LineChart>
    </ResponsiveContainer>
  );
}
