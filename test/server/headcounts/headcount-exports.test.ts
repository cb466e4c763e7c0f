import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../../server/app";
import { headcountReleaseSchema } from "../../../server/contract/headcount-schemas";
import { type DbConnection, openDatabase } from "../../../server/db/open-database";
import { auditLog, units } from "../../../server/db/schema";
import { type Agent, expectProblem, insertUser, signIn } from "../admin-fixture";
import { headcountTestApp } from "./headcount-app";

const SLUG = "agentschap-x";
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
let db: DbConnection;
let app: ReturnType<typeof createApp>;
let admin: Agent;
let organisationId: string;

const exportOf = (agent: Agent, query: string) =>
  agent.request("GET", `/api/admin/organisations/${SLUG}/headcounts/export?${query}`);

/** CSV text into rows of fields (no quoted separators in these files). */
const rowsOf = (text: string, separator: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(separator));

beforeAll(async () => {
  db = openDatabase(":memory:");
  const built = headcountTestApp(db);
  app = built.app;
  admin = await signIn(app, insertUser(db, "admin"));
  const created = await admin.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "Agentschap", fr: "Agence", en: "Agency" } },
  });
  organisationId = ((await created.json()) as { organisation: { id: string } }).organisation.id;
  await admin.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: [
      "code;parent_code;kind;name_nl;name_fr;name_en",
      "HR;;service;Personeel;Personnel;HR",
      "FIN;;service;Financiën;Finances;Finance",
    ].join("\n"),
  });
  for (const [date, rows] of [
    ["2023-12-31", ["HR;middle;20;10;10;5;15;0;0;20;0", "FIN;support;40;30;10;8;30;2;5;35;0"]],
    ["2024-12-31", ["HR;middle;25;15;10;5;20;0;0;25;0", "FIN;support;45;35;10;8;35;2;5;40;0"]],
  ] as const) {
    const imported = await admin.request(
      "POST",
      `/api/admin/organisations/${SLUG}/headcounts/${date}`,
      { headers: { "Content-Type": "text/csv" }, rawBody: [HEADER, ...rows].join("\n") },
    );
    expect(imported.status).toBe(201);
  }
  await built.releasesBuilt();
});

describe("headcount exports", () => {
  it("the CSV for analysis holds exactly the released cells: hidden ones empty with their reason, never a count of 1 to k − 1", async () => {
    const release = headcountReleaseSchema.parse(
      await (await admin.request("GET", `/api/admin/organisations/${SLUG}/headcounts`)).json(),
    );
    const response = await exportOf(admin, "format=csv&table=tables");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = rowsOf(await response.text(), ",");
    expect(header).toEqual([
      "reference_date",
      "unit_code",
      "part",
      "job_level",
      "dimension",
      "value",
      "count",
      "hidden",
    ]);
    const codeOf = new Map(release.units.map((unit) => [unit.id, unit.code]));
    const expected = release.dates.flatMap((date) =>
      date.cells.map((cell) => [
        date.referenceDate,
        codeOf.get(cell.unitId),
        cell.part,
        cell.level ?? "",
        cell.dimension ?? "",
        cell.value ?? "",
        "value" in cell.n ? String(cell.n.value) : "",
        "hidden" in cell.n ? cell.n.hidden : "",
      ]),
    );
    expect(rows).toEqual(expected);
    expect(rows.some((row) => row[7] === "primary")).toBe(true);
    expect(rows.filter((row) => /^[1-4]$/.test(row[6] ?? ""))).toEqual([]);
  });

  it("the CSV for Excel speaks the reader's language: ; and decimal comma in Dutch, a byte-order mark, hidden figures in words", async () => {
    const bytes = new Uint8Array(
      await (await exportOf(admin, "format=excel-csv&table=tables&lang=nl")).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const tables = new TextDecoder().decode(bytes);
    expect(tables.startsWith("Peildatum;Eenheid;Code eenheid;Welk personeel;")).toBe(true);
    expect(tables).toContain("◌ verborgen: minder dan 5");
    const indicators = await exportOf(admin, "format=excel-csv&table=indicators&lang=nl");
    expect(indicators.headers.get("Content-Disposition")).toBe(
      `attachment; filename="headcounts-${SLUG}-indicators-excel-nl.csv"`,
    );
    const rows = rowsOf(await indicators.text(), ";");
    // 15 of 25 women in HR's middle management, 60,0% against the 40% target.
    const women = rows.find(
      (row) =>
        row[0] === "2024-12-31" && row[2] === "HR" && row[3] === "Vrouwen in het middenkader",
    );
    expect(women?.slice(4, 9)).toEqual(["15", "25", "60,0", "10,0", "40,0"]);
    const english = rowsOf(
      await (await exportOf(admin, "format=excel-csv&table=indicators&lang=en")).text(),
      ",",
    );
    expect(english[0]?.[0]).toBe("Reference date");
  });

  it("the workbook holds the tables and the indicators in the reader's language, audit-logged, only released figures", async () => {
    const exports = () =>
      db.select().from(auditLog).where(eq(auditLog.action, "headcounts.export")).all();
    const before = exports().length;
    const response = await exportOf(admin, "format=xlsx&lang=fr");
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "à propos",
      "tableaux",
      "indicateurs",
    ]);
    const tables = workbook.getWorksheet("tableaux");
    expect(tables?.getRow(1).getCell(1).value).toBe("Date de référence");
    const counts: unknown[] = [];
    tables?.eachRow((row, index) => {
      if (index > 1) counts.push(row.getCell(8).value);
    });
    expect(counts.some((value) => value === "◌ masqué\u00a0: moins de 5")).toBe(true);
    expect(counts.filter((value) => typeof value === "number" && value > 0 && value < 5)).toEqual(
      [],
    );
    const logged = exports();
    expect(logged.length).toBe(before + 1);
    expect(logged.at(-1)?.target).toBe(SLUG);
  });

  it("an evaluator of one unit exports that unit only; an unknown format is refused", async () => {
    const hr = db.select().from(units).where(eq(units.code, "HR")).get();
    const evaluator = await signIn(
      app,
      insertUser(db, "evaluator", { organisationId, unitId: hr?.id ?? null }),
    );
    const [, ...rows] = rowsOf(await (await exportOf(evaluator, "format=csv")).text(), ",");
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(["HR"]));
    await expectProblem(await exportOf(admin, "format=pdf"), 422);
  });
});
