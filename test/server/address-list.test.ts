import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseAddressList, readAddressFile } from "../../server/invitations/address-list";
import { deriveCode } from "../../server/invitations/derive-code";
import { parseCode } from "../../server/invitations/invitation-code";
import { writeWorkbook } from "../../server/results/xlsx-writer";

describe("reading an address list", () => {
  it("reads ; and , separated files, with or without a byte-order mark and a header", () => {
    const expected = [
      { address: "an@example.org", unitCode: "F1" },
      { address: "bo@example.org", unitCode: "F2" },
    ];
    expect(
      parseAddressList("\uFEFFe-mail;unit\r\nAn@Example.org;F1\r\nbo@example.org;F2\r\n"),
    ).toEqual({ ok: true, recipients: expected });
    expect(parseAddressList("an@example.org,F1\nbo@example.org,F2")).toEqual({
      ok: true,
      recipients: expected,
    });
    expect(parseAddressList('Unit,Email\n"F1", an@example.org \nF2,"bo@example.org"\n')).toEqual({
      ok: true,
      recipients: expected,
    });
  });

  it("counts an address listed twice once, keeping its first unit", () => {
    const parsed = parseAddressList("an@example.org;F1\nAN@example.org ;F2\n");
    expect(parsed).toEqual({
      ok: true,
      recipients: [{ address: "an@example.org", unitCode: "F1" }],
    });
  });

  it("names faulty lines by number only, never echoing the address", () => {
    const parsed = parseAddressList(
      "email;unit\nan@example.org;F1\nnot an address;F1\nbo@example.org;\n",
    );
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { line: 3, message: "not an e-mail address" },
        { line: 4, message: "no unit" },
      ],
    });
  });

  it("refuses an empty list and a header without the two columns", () => {
    expect(parseAddressList("").ok).toBe(false);
    expect(parseAddressList("email;unit\n").ok).toBe(false);
    expect(parseAddressList("name;department\nAn;F1\n").ok).toBe(false);
  });
});

describe("deriving an address's code", () => {
  const key = randomBytes(32);

  it("gives a valid code that is the same for the same key, campaign and address, whatever its case", () => {
    const code = deriveCode(key, "campaign-1", "An.Peeters@example.org");
    expect(parseCode(code)).toEqual({ ok: true, code });
    expect(deriveCode(key, "campaign-1", " an.peeters@EXAMPLE.org ")).toBe(code);
  });

  it("differs with another campaign, another address or another key", () => {
    const code = deriveCode(key, "campaign-1", "an@example.org");
    expect(deriveCode(key, "campaign-2", "an@example.org")).not.toBe(code);
    expect(deriveCode(key, "campaign-1", "bo@example.org")).not.toBe(code);
    expect(deriveCode(randomBytes(32), "campaign-1", "an@example.org")).not.toBe(code);
  });
});

describe("reading an address list from an Excel workbook", () => {
  const workbook = (rows: (string | number | null)[][]) =>
    writeWorkbook([{ name: "Adressen", rows }]);

  it("reads the first sheet, header or not, with the same rules as CSV", async () => {
    expect(
      await readAddressFile(
        workbook([
          ["Unit", "E-mail"],
          ["F1", " An@Example.org "],
          ["F2", "bo@example.org"],
          ["F3", "an@example.org"],
        ]),
      ),
    ).toEqual({
      ok: true,
      recipients: [
        { address: "an@example.org", unitCode: "F1" },
        { address: "bo@example.org", unitCode: "F2" },
      ],
    });
    expect(await readAddressFile(workbook([["an@example.org", 17]]))).toEqual({
      ok: true,
      recipients: [{ address: "an@example.org", unitCode: "17" }],
    });
  });

  it("names faulty rows by number with the CSV messages, never the address", async () => {
    const parsed = await readAddressFile(
      workbook([
        ["email", "unit"],
        ["an@example.org", "F1"],
        ["not an address", "F1"],
        ["bo@example.org", null],
      ]),
    );
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { line: 3, message: "not an e-mail address" },
        { line: 4, message: "no unit" },
      ],
    });
    const csv = parseAddressList(
      "email;unit\nan@example.org;F1\nnot an address;F1\nbo@example.org;\n",
    );
    expect(csv).toEqual(parsed);
  });

  it("refuses a file that is neither a workbook nor UTF-8 text", async () => {
    const broken = await readAddressFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.ok).toBe(false);
  });
});
