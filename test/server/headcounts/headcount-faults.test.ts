import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/app";
import type { HeadcountFaultEntry } from "../../../server/contract/headcount-faults";
import { openDatabase } from "../../../server/db/open-database";
import { type Agent, expectProblem, insertUser, signIn } from "../admin-fixture";

const SLUG = "agentschap-f";
const HEADER =
  "unit_code;job_level;total;gender.woman;gender.man;foreign_origin.yes;foreign_origin.no;foreign_origin.unknown;disability.yes;disability.no;disability.unknown";
let admin: Agent;

const send = (date: string, body: string) =>
  admin.request("POST", `/api/admin/organisations/${SLUG}/headcounts/${date}`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: body,
  });

/** The faults of a refused import, as the screens read them: kind and what it names. */
async function faultsOf(response: Response): Promise<HeadcountFaultEntry[]> {
  const body = (await response.clone().json()) as { errors: HeadcountFaultEntry[] };
  await expectProblem(response, 422, "invalid-headcount-file");
  return body.errors;
}

beforeAll(async () => {
  const db = openDatabase(":memory:");
  const app = createApp({ db });
  admin = await signIn(app, insertUser(db, "admin"));
  await admin.request("POST", "/api/admin/organisations", {
    body: { slug: SLUG, name: { nl: "Agentschap", fr: "Agence", en: "Agency" } },
  });
  const imported = await admin.request("POST", `/api/admin/organisations/${SLUG}/units/import`, {
    headers: { "Content-Type": "text/csv" },
    rawBody: "code;parent_code;kind;name_nl;name_fr;name_en\nHR;;service;Personeel;Personnel;HR",
  });
  expect(imported.status).toBe(200);
});

describe("headcount import faults", () => {
  it("names the kind of every fault with what it concerns, so the screens say it in nl, fr and en", async () => {
    const faults = await faultsOf(
      await send(
        "2024-12-31",
        [
          HEADER,
          "HR;boss;6;2;4;0;6;0;0;6;0",
          "HR;top;6;2;3;0;6;0;0;6;0",
          "HR;top;6;2;4;0;6;0;0;6;0",
          "HR;support;x;2;4;0;6;0;0;6;0",
        ].join("\n"),
      ),
    );
    expect(
      faults.map(({ row, question, fault, params }) => ({ row, question, fault, params })),
    ).toEqual([
      {
        row: 2,
        question: "job_level",
        fault: "unknown-level",
        params: { value: "boss", levels: "top, middle, higher, intermediate, support" },
      },
      {
        row: 3,
        question: "gender",
        fault: "sum-mismatch",
        params: { dimension: "gender", sum: 5, total: 6 },
      },
      {
        row: 4,
        question: "unit_code",
        fault: "duplicate-row",
        params: { unit: "HR", level: "top", earlier: 3 },
      },
      { row: 5, question: "total", fault: "not-a-count", params: { value: "x" } },
    ]);
  });

  it("names faults the file alone cannot show: an unknown unit, a bad reference date", async () => {
    const unknown = await faultsOf(await send("2024-12-31", `${HEADER}\nXX;top;6;2;4;0;6;0;0;6;0`));
    expect(unknown).toEqual([
      expect.objectContaining({
        row: 2,
        question: "unit_code",
        fault: "unknown-unit",
        params: { unit: "XX" },
      }),
    ]);
    const date = await faultsOf(await send("2024-13-31", `${HEADER}\nHR;top;6;2;4;0;6;0;0;6;0`));
    expect(date).toEqual([
      expect.objectContaining({ question: "referenceDate", fault: "reference-date" }),
    ]);
  });

  it("names a person-level file with the columns that give it away", async () => {
    const faults = await faultsOf(
      await send("2024-12-31", "stamnummer;naam;unit_code\n1;Jansen;HR\n"),
    );
    expect(faults).toEqual([
      expect.objectContaining({
        row: 0,
        fault: "person-columns",
        params: { columns: "stamnummer, naam" },
      }),
    ]);
  });
});
