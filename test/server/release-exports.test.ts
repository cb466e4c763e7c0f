import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  HiddenReason,
  OptionFigure,
  Release,
  ReleaseGroup,
  ReleaseItem,
} from "../../analysis/release-types";
import { resultsTableSchema } from "../../server/contract/release-schema";
import { excelCsv } from "../../server/results/excel-csv";
import { EXPORT_MESSAGES } from "../../server/results/export-messages";
import { type ExportLabels, labelledTable } from "../../server/results/labelled-rows";
import { releaseTables, type StoredRelease, tableGroups } from "../../server/results/read-release";
import { releaseTableCsv } from "../../server/results/release-csv";
import { tableJson } from "../../server/results/release-exports";
import { releaseWorkbook } from "../../server/results/release-xlsx";
import type { ExportLocale } from "../../server/results/unit-labels";
import { questionnaireLabels } from "../../surveys/model/questionnaire-labels";

// ---------------------------------------------------------------------------------------------
// Reading the files back as a spreadsheet would: bytes decoded as UTF-8, an RFC 4180 parser
// written here (independent of the writer's escaping), exceljs for workbooks.

function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the file does not end with CRLF");
  return rows;
}

/** What a spreadsheet shows for a text field of a CSV: formula-like starts defused. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
/** XML 1.0's forbidden characters as the exports replace them. */
const xmlSafe = (text: string) =>
  wellFormed(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids
    text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD"),
  );
/** Lone surrogates as U+FFFD, code point by code point (String.prototype.toWellFormed). */
const wellFormed = (text: string) =>
  Array.from(text, (c) => (c.length === 1 && /[\uD800-\uDFFF]/.test(c) ? "\uFFFD" : c)).join("");
const utf8RoundTrip = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

// ---------------------------------------------------------------------------------------------
// Random releases with random Unicode in every text a person or a respondent can write.

const SPECIALS = [
  "\uFFFE",
  "\uFFFF",
  "\u0000",
  "\u0001",
  "\u000B",
  "\u001F",
  "\uD800",
  "\uDFFF",
  "\uD83D\uDE00",
  "\r\n",
  "\r",
  "\t",
  '"',
  ";",
  ",",
  "=1+1",
  "-2",
  "@x",
  "+",
  " ",
  "<b>&amp;</b>",
  "]]>",
  "3,5",
  "1e5",
];
const unicodeText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(...SPECIALS),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(""));

const hiddenReason = fc.constantFrom<HiddenReason>("primary", "secondary");

function optionsOf(values: (string | null)[], counts: number[], n: number) {
  return values.map((value, i) => {
    const count = Math.min(counts[i] as number, n);
    return { value, count, share: n > 0 ? count / n : 0 };
  });
}

const groupContent = fc.record({
  n: fc.nat(60),
  hidden: fc.option(hiddenReason, { freq: 3 }),
  scaleCounts: fc.array(fc.nat(12), { minLength: 6, maxLength: 6 }),
  multiCounts: fc.array(fc.nat(20), { minLength: 3, maxLength: 3 }),
  scaleHidden: fc.boolean(),
  /** The hidden scale table carries an earlier served release's figures, of this many people. */
  scaleEarlier: fc.option(fc.nat(60)),
  noMean: fc.boolean(),
});

function group(
  unitId: string,
  filters: ReleaseGroup["filters"],
  content: GroupContent,
): ReleaseGroup {
  const id = [unitId, "all", ...filters.map((f) => `${f.dimension}=${f.value ?? ""}`)].join("/");
  if (content.hidden) {
    return { id, unitId, part: "all", filters, n: { hidden: content.hidden }, items: [] };
  }
  const n = content.n;
  const answered = content.scaleCounts.slice(0, 5).reduce((s, c) => s + c, 0);
  const scale: ReleaseItem = content.scaleHidden
    ? {
        key: "q",
        kind: "single",
        hidden: "unanimity",
        ...(content.scaleEarlier === null
          ? {}
          : {
              earlier: {
                builtAt: "2026-11-30T10:00:00.000Z",
                n: content.scaleEarlier,
                options: optionsOf(
                  ["1", "2", "3", "4", "5", null],
                  content.scaleCounts,
                  content.scaleEarlier,
                ),
                mean: content.noMean ? null : 2.5,
                favourable: 0.25,
              },
            }),
      }
    : {
        key: "q",
        kind: "single",
        options: optionsOf(["1", "2", "3", "4", "5", null], content.scaleCounts, n),
        mean: content.noMean || answered === 0 ? null : 1 + (content.scaleCounts[0] ?? 0) / 7,
        favourable: answered === 0 ? null : (content.scaleCounts[4] ?? 0) / (answered + 1),
      };
  const multi: ReleaseItem = {
    key: "c",
    kind: "multi",
    options: optionsOf(["x", "y", null], content.multiCounts, n),
  };
  return { id, unitId, part: "all", filters, n: { value: n }, items: [scale, multi] };
}
type GroupContent = {
  n: number;
  hidden: HiddenReason | null;
  scaleCounts: number[];
  multiCounts: number[];
  scaleHidden: boolean;
  scaleEarlier: number | null;
  noMean: boolean;
};

const scenario = fc
  .record({
    units: fc.array(fc.record({ code: unicodeText, name: unicodeText }), {
      minLength: 1,
      maxLength: 3,
    }),
    texts: fc.array(unicodeText, { minLength: 10, maxLength: 10 }),
    contents: fc.array(groupContent, { minLength: 12, maxLength: 12 }),
    comments: fc.array(unicodeText, { maxLength: 4 }),
    locale: fc.constantFrom<ExportLocale>("nl", "fr", "en"),
    k: fc.integer({ min: 3, max: 10 }),
  })
  .map(({ units, texts, contents, comments, locale, k }) => {
    const ids = ["org", ...units.slice(1).map((_, i) => `u${i}`)];
    let next = 0;
    const take = () => contents[next++ % contents.length] as GroupContent;
    const groups: ReleaseGroup[] = [];
    for (const unitId of ids) groups.push(group(unitId, [], take()));
    for (const unitId of ids) {
      for (const value of ["a", "b", null]) {
        groups.push(group(unitId, [{ dimension: "dim", value }], take()));
      }
    }
    const release: Release = {
      k,
      units: ids.map((id) => ({ id, parentId: id === "org" ? null : "org" })),
      dimensions: [{ key: "dim", values: ["a", "b", null] }],
      crosses: [],
      knownHeadcounts: {},
      groups,
      comments: comments.length > 0 ? [{ unitId: "org", item: "comment", texts: comments }] : [],
      audit: {
        cells: groups.length,
        organisationOnly: false,
        hiddenPrimary: 0,
        hiddenSecondary: 0,
        hiddenUnanimity: 0,
        lpSolves: 0,
        rounds: 0,
        itemCells: 0,
        itemsHidden: 0,
        answersHidden: 0,
        itemRounds: 0,
      },
    };
    const t = (i: number) => texts[i] as string;
    const definition = {
      pages: [
        {
          elements: [
            {
              type: "radiogroup",
              name: "dim",
              title: t(0),
              choices: [
                { value: "a", text: t(1) },
                { value: "b", text: t(2) },
              ],
            },
            {
              type: "rating",
              name: "q",
              title: t(3),
              minRateDescription: t(4),
              maxRateDescription: t(5),
            },
            {
              type: "checkbox",
              name: "c",
              title: t(6),
              choices: [
                { value: "x", text: t(7) },
                { value: "y", text: t(8) },
              ],
            },
            { type: "comment", name: "comment", title: t(9) },
          ],
        },
      ],
    };
    const unitById = new Map(ids.map((id, i) => [id, units[i] as { code: string; name: string }]));
    const labels: ExportLabels = {
      messages: EXPORT_MESSAGES[locale],
      questions: questionnaireLabels(definition, locale),
      unit: (id) => unitById.get(id) ?? { code: id, name: "" },
      k,
    };
    return { release, labels, locale, unitById };
  });

// ---------------------------------------------------------------------------------------------
// What each row must hold, derived from the API's table: a cell is a number the API shows, the
// text it labels, or the reason a figure is hidden. Nothing else may appear.

type Expected =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; digits?: number }
  | { kind: "hidden"; reason: HiddenReason }
  | { kind: "empty" };

function expectedRows(
  apiGroups: ReleaseGroup[],
  dimensions: string[],
  labels: ExportLabels,
  flavour: "analysis" | "people",
): Expected[][] {
  const text = (value: string): Expected => ({ kind: "text", text: value });
  const num = (value: number, digits?: number): Expected => ({ kind: "number", value, digits });
  const empty: Expected = { kind: "empty" };
  const m = labels.messages;
  const rows: Expected[][] = [];
  const label = (key: string) => labels.questions.get(key);
  for (const g of apiGroups) {
    const unit = labels.unit(g.unitId);
    const dims = dimensions.map((d) => {
      const value = g.filters.find((f) => f.dimension === d)?.value ?? null;
      if (flavour === "analysis") return text(value ?? "(no answer)");
      return text(value === null ? m.noAnswer : (label(d)?.options.get(value) ?? value));
    });
    const n: Expected =
      "value" in g.n
        ? num(g.n.value)
        : flavour === "analysis"
          ? text(`hidden (${g.n.hidden})`)
          : { kind: "hidden", reason: g.n.hidden };
    const headWith = (size: Expected) =>
      flavour === "analysis"
        ? [text(unit.code), text(unit.name), text(g.part), ...dims, size]
        : [text(unit.name), text(unit.code), text(m.partAll), ...dims, size];
    const head = headWith(n);
    if (g.items.length === 0) {
      rows.push([...head, ...new Array(flavour === "analysis" ? 7 : 8).fill(empty)]);
    }
    for (const item of g.items) {
      const title = label(item.key)?.title ?? item.key;
      if ("hidden" in item) {
        rows.push(
          flavour === "analysis"
            ? [
                ...head,
                text(item.key),
                empty,
                text(`hidden (${item.hidden})`),
                empty,
                empty,
                empty,
                empty,
              ]
            : [
                ...head,
                text(title),
                empty,
                { kind: "hidden", reason: item.hidden },
                empty,
                empty,
                empty,
                text(item.key),
                empty,
              ],
        );
        // The figures an earlier served release showed, after the mark: its n, its time.
        const earlier = item.earlier;
        if (earlier)
          rows.push(
            ...optionRows(
              headWith(num(earlier.n)),
              item,
              earlier,
              `${title} — ${m.earlierFigures(earlier.builtAt, earlier.n)}`,
              text(earlier.builtAt),
            ),
          );
        continue;
      }
      rows.push(...optionRows(head, item, item, title, empty));
    }
  }
  return rows;

  /** One row per option of a table's figures (figuresOf: the analysis CSV's last column). */
  function optionRows(
    head: Expected[],
    item: { key: string; kind: "single" | "multi" },
    figures: { options: OptionFigure[]; mean?: number | null; favourable?: number | null },
    title: string,
    figuresOf: Expected,
  ): Expected[][] {
    const mean = figures.mean ?? null;
    const fav = figures.favourable ?? null;
    return figures.options.map((o) => {
      if (flavour === "analysis")
        return [
          ...head,
          text(item.key),
          text(o.value ?? "(no answer)"),
          num(o.count),
          num(o.share, 4),
          mean === null ? empty : num(mean, 3),
          fav === null ? empty : num(fav, 4),
          figuresOf,
        ];
      const answer =
        o.value === null
          ? item.kind === "multi"
            ? m.noneTicked
            : m.noAnswer
          : (label(item.key)?.options.get(o.value) ?? o.value);
      return [
        ...head,
        text(title),
        text(answer),
        num(o.count),
        num(o.share),
        mean === null ? empty : num(mean),
        fav === null ? empty : num(fav),
        text(item.key),
        o.value === null ? empty : text(o.value),
      ];
    });
  }
}

/** The API's answer for one table, as the results route builds it. */
function apiTable(release: Release, tableId: string) {
  const { table, groups } = tableGroups(release, tableId);
  return resultsTableSchema.parse({
    campaign: { slug: "s", k: release.k },
    builtAt: "t",
    table,
    groups,
  });
}

const stored = (release: Release): StoredRelease => ({
  campaign: { id: "c", slug: "s", k: release.k, organisationId: "org" },
  builtAt: "t",
  release,
});

describe("every number in every export is the API's, and nothing hidden appears (property)", () => {
  it("CSV for analysis, CSV for Excel, JSON and XLSX agree with the results API", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ release, labels, locale }) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(
          releaseWorkbook(release, { campaign: "c", builtAt: "t", labels }).buffer,
        );
        const sheets = workbook.worksheets;
        const { separator, decimal } =
          locale === "en" ? { separator: ",", decimal: "." } : { separator: ";", decimal: "," };
        releaseTables(release).forEach((table, tableIndex) => {
          const api = apiTable(release, table.id);

          // JSON: the API's answer itself.
          const json = tableJson({ stored: stored(release) }, table.id).body as string;
          expect(JSON.parse(utf8RoundTrip(json))).toEqual(JSON.parse(JSON.stringify(api)));

          // CSV for analysis: codes, decimal point, values rounded as documented.
          const analysis = parseCsv(
            utf8RoundTrip(releaseTableCsv(api.groups, table.dimensions, labels.unit)),
            ",",
          );
          const analysisExpected = expectedRows(api.groups, table.dimensions, labels, "analysis");
          expect(analysis.length).toBe(analysisExpected.length + 1);
          analysisExpected.forEach((row, r) => {
            const got = analysis[r + 1] as string[];
            expect(got.length).toBe(row.length);
            row.forEach((cell, c) => {
              const value = got[c] as string;
              if (cell.kind === "empty") expect(value).toBe("");
              else if (cell.kind === "text") expect(value).toBe(utf8RoundTrip(defused(cell.text)));
              else if (cell.kind === "number")
                expect(Number(value)).toBe(
                  cell.digits === undefined ? cell.value : Number(cell.value.toFixed(cell.digits)),
                );
              else throw new Error("analysis CSV spells hidden figures as text");
            });
          });

          // CSV for Excel: BOM, the locale's separator and decimal mark, texts, reasons in words.
          const labelled = labelledTable(api.groups, table.dimensions, labels);
          const body = excelCsv(labelled, locale, labels);
          expect(body.startsWith("\uFEFF")).toBe(true);
          const excel = parseCsv(utf8RoundTrip(body.slice(1)), separator);
          const people = expectedRows(api.groups, table.dimensions, labels, "people");
          expect(excel.length).toBe(people.length + 1);
          people.forEach((row, r) => {
            const got = excel[r + 1] as string[];
            expect(got.length).toBe(row.length);
            row.forEach((cell, c) => {
              const value = got[c] as string;
              const kind = labelled.kinds[c];
              if (cell.kind === "empty") expect(value).toBe("");
              else if (cell.kind === "text") expect(value).toBe(defused(xmlSafe(cell.text)));
              else if (cell.kind === "hidden")
                expect(value).toBe(labels.messages.hidden(cell.reason, release.k));
              else {
                expect(value).toMatch(decimal === "," ? /^\d+(,\d+)?$/ : /^\d+(\.\d+)?$/);
                const read = Number(value.replace(",", "."));
                if (kind === "share") expect(read).toBe(Number((100 * cell.value).toFixed(1)));
                else if (kind === "mean") expect(read).toBe(Number(cell.value.toFixed(2)));
                else expect(read).toBe(cell.value);
              }
            });
          });

          // XLSX: exact numbers, texts with forbidden characters replaced, reasons in words.
          const sheet = sheets[tableIndex + 1];
          if (!sheet) throw new Error(`no sheet for ${table.id}`);
          expect(sheet.rowCount).toBe(people.length + 1);
          people.forEach((row, r) => {
            row.forEach((cell, c) => {
              const value = sheet.getRow(r + 2).getCell(c + 1).value;
              if (cell.kind === "empty") expect(value).toBeNull();
              else if (cell.kind === "text")
                expect(value, `${table.id} row ${r} column ${c} ${JSON.stringify(cell.text)}`).toBe(
                  xmlSafe(cell.text) === "" ? null : xmlSafe(cell.text),
                );
              else if (cell.kind === "hidden")
                expect(value).toBe(labels.messages.hidden(cell.reason, release.k));
              else expect(value).toBe(cell.value);
            });
          });
        });

        // The first sheet states k; the comments read back with forbidden characters replaced.
        expect(sheets[0]?.getCell("B3").value).toBe(release.k);
        const comments = sheets.at(-1);
        const texts = release.comments.flatMap((entry) => entry.texts);
        texts.forEach((text, i) => {
          const value = comments?.getRow(i + 2).getCell(4).value;
          expect(value).toBe(xmlSafe(text) === "" ? null : xmlSafe(text));
        });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("respondent text cannot break a workbook", () => {
  it("a comment with U+FFFE, U+FFFF, controls and a lone surrogate still gives a valid workbook", async () => {
    const release: Release = {
      k: 5,
      units: [{ id: "org", parentId: null }],
      dimensions: [],
      crosses: [],
      knownHeadcounts: {},
      groups: [],
      comments: [
        { unitId: "org", item: "comment", texts: ["ok\uFFFE\uFFFF\u0000\u0007\uD800!", "a\r\nb"] },
      ],
      audit: {
        cells: 0,
        organisationOnly: false,
        hiddenPrimary: 0,
        hiddenSecondary: 0,
        hiddenUnanimity: 0,
        lpSolves: 0,
        rounds: 0,
        itemCells: 0,
        itemsHidden: 0,
        answersHidden: 0,
        itemRounds: 0,
      },
    };
    const labels: ExportLabels = {
      messages: EXPORT_MESSAGES.en,
      questions: new Map(),
      unit: () => ({ code: "ORG", name: "Organisation" }),
      k: 5,
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      releaseWorkbook(release, { campaign: "c", builtAt: "t", labels }).buffer,
    );
    const comments = workbook.worksheets.at(-1);
    expect(comments?.getCell("D2").value).toBe("ok\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD!");
    expect(comments?.getCell("D3").value).toBe("a\r\nb");
  });

  it("cuts a text longer than Excel's cell limit, never inside a surrogate pair", async () => {
    const long = "😀".repeat(20_000);
    const labels: ExportLabels = {
      messages: EXPORT_MESSAGES.en,
      questions: new Map(),
      unit: () => ({ code: "ORG", name: long }),
      k: 5,
    };
    const release: Release = {
      k: 5,
      units: [{ id: "org", parentId: null }],
      dimensions: [],
      crosses: [],
      knownHeadcounts: {},
      groups: [
        { id: "org/all", unitId: "org", part: "all", filters: [], n: { value: 7 }, items: [] },
      ],
      comments: [],
      audit: {
        cells: 1,
        organisationOnly: false,
        hiddenPrimary: 0,
        hiddenSecondary: 0,
        hiddenUnanimity: 0,
        lpSolves: 0,
        rounds: 0,
        itemCells: 0,
        itemsHidden: 0,
        answersHidden: 0,
        itemRounds: 0,
      },
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      releaseWorkbook(release, { campaign: "c", builtAt: "t", labels }).buffer,
    );
    const value = String(workbook.worksheets[1]?.getCell("A2").value);
    expect(value.length).toBeLessThanOrEqual(32_767);
    expect(value.endsWith("😀…")).toBe(true);
    expect(value).toBe(wellFormed(value));
  });
});
