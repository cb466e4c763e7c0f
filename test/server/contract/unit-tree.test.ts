import { describe, expect, it } from "vitest";
import { byCode, lineage, subtreeOf, unitsInTreeOrder } from "../../../server/contract/unit-tree";

const unit = (id: string, parentId: string | null, code = id) => ({ id, parentId, code });

describe("unitsInTreeOrder", () => {
  it("puts each unit before its sub-units, siblings in the given order", () => {
    const units = [
      unit("d2", "f", "F2"),
      unit("s", null, "S"),
      unit("f", null, "F"),
      unit("d1", "f", "F1"),
    ];
    expect(unitsInTreeOrder(units, byCode).map(({ unit, depth }) => [unit.id, depth])).toEqual([
      ["f", 0],
      ["d1", 1],
      ["d2", 1],
      ["s", 0],
    ]);
  });

  it("starts a tree at a unit whose parent is not listed (an evaluator's subtree)", () => {
    const rows = unitsInTreeOrder([unit("d", "f"), unit("x", "d")], byCode);
    expect(rows.map(({ unit, depth }) => [unit.id, depth])).toEqual([
      ["d", 0],
      ["x", 1],
    ]);
  });

  it("keeps every unit of a parent cycle instead of losing it", () => {
    const rows = unitsInTreeOrder([unit("a", "b"), unit("b", "a")], byCode);
    expect(rows.map(({ unit }) => unit.id).sort()).toEqual(["a", "b"]);
  });

  it("is empty for no units", () => {
    expect(unitsInTreeOrder([], byCode)).toEqual([]);
  });
});

describe("lineage and subtreeOf", () => {
  const units = [unit("f", null), unit("d", "f"), unit("t", "d"), unit("s", null)];
  const byId = new Map(units.map((u) => [u.id, u]));

  it("lists a unit and those above it, nearest first", () => {
    expect(lineage("t", byId)).toEqual(["t", "d", "f"]);
    expect(lineage("unknown", byId)).toEqual([]);
  });

  it("stops at a parent cycle", () => {
    const cyclic = new Map([
      ["a", unit("a", "b")],
      ["b", unit("b", "a")],
    ]);
    expect(lineage("a", cyclic)).toEqual(["a", "b"]);
  });

  it("finds a unit and everything below it", () => {
    expect([...subtreeOf("f", units)].sort()).toEqual(["d", "f", "t"]);
    expect([...subtreeOf("s", units)]).toEqual(["s"]);
  });
});
