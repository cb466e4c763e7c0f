import { describe, expect, it } from "vitest";
import { codesCsv } from "../../client/admin/campaigns/codes-csv";

describe("invitation codes as CSV for a mail merge", () => {
  it("starts with a byte order mark, has one row per code and CRLF line ends", () => {
    const csv = codesCsv({ code: "LAW", name: "Faculté de droit" }, [
      "AAAA-BBBB-CCCC-D",
      "1111-2222-3333-4",
    ]);
    expect(csv.startsWith("\uFEFFunit_code,unit_name,code\r\n")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "unit_code,unit_name,code",
      "LAW,Faculté de droit,AAAA-BBBB-CCCC-D",
      "LAW,Faculté de droit,1111-2222-3333-4",
      "",
    ]);
  });

  it("quotes separators and quotes, and defuses values a spreadsheet would run", () => {
    const csv = codesCsv({ code: '=HYPERLINK("x")', name: 'Dienst "ICT", campus' }, ["AAAA"]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")","Dienst ""ICT"", campus",AAAA`);
  });
});
