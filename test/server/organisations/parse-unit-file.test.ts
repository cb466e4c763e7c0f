import { describe, expect, it } from "vitest";
import { parseUnitCsv } from "../../../server/organisations/parse-unit-file";

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

const TREE = [
  "code;parent_code;kind;name_nl;name_fr;name_en;headcount",
  "CEN;;entity;Centrale diensten;Services centraux;Central services;",
  "HR;CEN;service;Personeelsdienst;Service du personnel;HR department;42",
  '"FIN";CEN;service;"Financiën; boekhouding";"Finances; comptabilité";"Finance; accounting";12',
].join("\r\n");

function problemsOf(text: string) {
  const parsed = parseUnitCsv(utf8(text));
  if (parsed.ok) throw new Error("expected the file to be refused");
  return parsed.problems.map((p) => `${p.row}:${p.field}`);
}

describe("reading a unit tree file", () => {
  it("reads ; with a byte-order mark and CRLF, quoted separators and headcounts", () => {
    const parsed = parseUnitCsv(utf8(BOM + TREE));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.separator).toBe(";");
    expect(parsed.units.map((u) => [u.row, u.code, u.parentCode, u.headcount])).toEqual([
      [2, "CEN", null, null],
      [3, "HR", "CEN", 42],
      [4, "FIN", "CEN", 12],
    ]);
    expect(parsed.units[2]?.name.fr).toBe("Finances; comptabilité");
  });

  it("reads , without a byte-order mark, LF, without the optional headcount column", () => {
    const text = [
      "Code,Parent code,Kind,Name NL,Name FR,Name EN",
      "A,,faculty,Rechten,Droit,Law",
      'B,A,department,"Publiek recht","Droit public","Public law, and more"',
    ].join("\n");
    const parsed = parseUnitCsv(utf8(`${text}\n`));
    expect(parsed.ok && parsed.units.map((u) => [u.code, u.name.en])).toEqual([
      ["A", "Law"],
      ["B", "Public law, and more"],
    ]);
  });

  it("refuses a file that is not UTF-8 (Latin-1 from an old Excel), naming the encoding", () => {
    const latin1 = Uint8Array.from([
      ...utf8("code;parent_code;kind;name_nl;name_fr;name_en\nA;;service;Financi"),
      0xeb,
      ...utf8("n;Finances;Finance\n"),
    ]);
    expect(parseUnitCsv(latin1)).toEqual({
      ok: false,
      problems: [
        { row: 0, field: "encoding", fault: "encoding", message: expect.stringContaining("UTF-8") },
      ],
    });
  });

  it("refuses a tab-separated file, naming the separator", () => {
    expect(
      problemsOf("code\tparent_code\tkind\tname_nl\tname_fr\tname_en\nA\t\tservice\ta\tb\tc"),
    ).toEqual(["0:separator"]);
  });

  it("names missing and unknown columns", () => {
    expect(problemsOf("code;kind;name_nl;name_en;colour\nA;service;a;c;red")).toEqual([
      "1:colour",
      "1:parent_code",
      "1:name_fr",
    ]);
  });

  it("names every faulty row and field at once: missing name, bad kind, duplicate code, headcount, field count", () => {
    const text = [
      "code;parent_code;kind;name_nl;name_fr;name_en;headcount",
      "A;;entity;Alfa;Alpha;Alpha;",
      "B;A;service;;Bêta;Beta;3",
      "C;A;team;Gamma;Gamma;Gamma;",
      "A;;entity;Alfa bis;Alpha bis;Alpha bis;",
      "D;A;service;Delta;Delta;Delta;-4",
      "E;A;service;Epsilon;Epsilon",
    ].join("\n");
    expect(problemsOf(text)).toEqual(["3:name_nl", "4:kind", "5:code", "6:headcount", "7:row"]);
  });

  it("names an unknown parent and every row of a cycle", () => {
    const text = [
      "code;parent_code;kind;name_nl;name_fr;name_en",
      "ROOT;;entity;R;R;R",
      "X;Z;service;X;X;X",
      "Y;X;service;Y;Y;Y",
      "Z;Y;service;Z;Z;Z",
      "ORPHAN;NOPE;service;O;O;O",
      "SELF;SELF;service;S;S;S",
    ].join("\n");
    expect(problemsOf(text)).toEqual([
      "7:parent_code",
      "6:parent_code",
      "3:parent_code",
      "4:parent_code",
      "5:parent_code",
    ]);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(problemsOf("")).toEqual(["0:file"]);
    expect(problemsOf(`${BOM}code;parent_code;kind;name_nl;name_fr;name_en\n\n`)).toEqual([
      "0:file",
    ]);
  });
});
