import type { HeadcountRow } from "../../analysis/headcount-release";
import { HEADCOUNT_DIMENSIONS } from "../../server/contract/headcount-schemas";

/** One date's rows as the import file (CSV with `;` and a byte-order mark). */
export function headcountFile(rows: readonly HeadcountRow[]): Uint8Array<ArrayBuffer> {
  const columns = HEADCOUNT_DIMENSIONS.flatMap((d) => d.values.map((v) => `${d.key}.${v}`));
  const lines = [["unit_code", "job_level", "total", ...columns].join(";")];
  for (const row of rows) {
    const counts = HEADCOUNT_DIMENSIONS.flatMap((d) =>
      d.values.map((v) => row.categories[d.key]?.[v] ?? 0),
    );
    lines.push([row.unitId, row.level, row.total, ...counts].join(";"));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}`);
}
