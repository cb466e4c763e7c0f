import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseAddressList } from "../../server/invitations/address-list";
import { deriveCode } from "../../server/invitations/derive-code";
import { parseCode } from "../../server/invitations/invitation-code";

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
