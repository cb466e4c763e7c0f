import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SLOW_FILES } from "./slow-files-first";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("the slow files the sequencer starts first", () => {
  // A renamed or removed file would silently drop back to Vitest's order.
  it("are test files that exist", () => {
    expect(SLOW_FILES.filter((path) => !existsSync(`${root}${path}`))).toEqual([]);
    expect(new Set(SLOW_FILES).size).toBe(SLOW_FILES.length);
  });
});
