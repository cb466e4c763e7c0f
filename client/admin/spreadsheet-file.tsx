import type { ControlProps } from "./form-field";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The file as the import APIs take it: XLSX by its name, anything else as CSV (browsers give a
 * CSV file saved by Excel on Windows the type application/vnd.ms-excel, or none).
 */
export function spreadsheetBody(file: File): Blob {
  return new Blob([file], { type: /\.xlsx$/i.test(file.name) ? XLSX_TYPE : "text/csv" });
}

/** The file picker of a CSV or XLSX import, inside a `Field`. */
export function SpreadsheetInput({
  control,
  onFile,
}: {
  control: ControlProps;
  onFile: (file: File | null) => void;
}) {
  return (
    <input
      {...control}
      type="file"
      accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
      onChange={(event) => onFile(event.target.files?.[0] ?? null)}
    />
  );
}

export interface FileFaultLabels {
  faultsTitle: (count: number) => string;
  faultsIntro: string;
  row: string;
  column: string;
  fault: string;
  wholeFile: string;
}

/** Every faulty row and field of a refused import, in the order of the file. */
export function FileFaultTable<Fault extends { row: number; question: string }>({
  faults,
  labels,
  describe,
  className,
}: {
  faults: readonly Fault[];
  labels: FileFaultLabels;
  describe: (fault: Fault) => string;
  className?: string;
}) {
  return (
    <div className="card alert" role="alert">
      <h3>{labels.faultsTitle(faults.length)}</h3>
      <p>{labels.faultsIntro}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, so the keyboard must reach it (WCAG 2.1.1) */}
      <div className="table-wrap" tabIndex={0}>
        <table className={className ? `data ${className}` : "data"}>
          <thead>
            <tr>
              <th scope="col" className="number">
                {labels.row}
              </th>
              <th scope="col">{labels.column}</th>
              <th scope="col">{labels.fault}</th>
            </tr>
          </thead>
          <tbody>
            {[...faults]
              .sort((a, b) => a.row - b.row)
              .map((fault, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: faults have no id; the sorted list is not reordered
                <tr key={index}>
                  <td className="number">{fault.row === 0 ? labels.wholeFile : fault.row}</td>
                  <td>
                    <code>{fault.question}</code>
                  </td>
                  <td>{describe(fault)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
