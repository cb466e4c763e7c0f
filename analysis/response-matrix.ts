import type { ChoiceValue, ItemSpec, ResponseRow } from "./types";
import type { UnitTree } from "./unit-tree";

/** Multi-select items with more options than this cannot be packed into one bitmask. */
const MAX_MULTI_OPTIONS = 31;

/**
 * A campaign's responses in columns of small integers, built once and appended to on each
 * submission, so a release never re-reads or re-parses stored answers. Per response: the unit
 * node it belongs to; per single-choice item the option index + 1 (0 = no answer); per
 * multi-select item a bitmask of ticked options (0 = none). Free text is kept apart.
 */
export class ResponseMatrix {
  size = 0;
  readonly node: GrowableColumn<Uint16Array>;
  readonly columns: (GrowableColumn<Uint8Array> | GrowableColumn<Uint32Array> | null)[];
  readonly texts: { node: number; item: number; text: string }[] = [];
  private readonly optionIndex: Map<string, number>[];

  constructor(
    readonly tree: UnitTree,
    readonly items: ItemSpec[],
  ) {
    if (tree.ids.length > 0xffff) throw new Error("At most 65,535 units per organisation.");
    this.node = new GrowableColumn(Uint16Array);
    this.columns = items.map((item) => {
      if (item.kind === "text") return null;
      if (item.kind === "multi") {
        if (item.options.length > MAX_MULTI_OPTIONS) {
          throw new Error(`${item.key}: at most ${MAX_MULTI_OPTIONS} options can be analysed.`);
        }
        return new GrowableColumn(Uint32Array);
      }
      if (item.options.length > 254) throw new Error(`${item.key}: too many options.`);
      return new GrowableColumn(Uint8Array);
    });
    this.optionIndex = items.map(
      (item) =>
        new Map(
          item.kind === "text" ? [] : item.options.map((option, index) => [keyOf(option), index]),
        ),
    );
  }

  /** Adds one response; answers outside the questionnaire's options count as no answer. */
  append(row: ResponseRow): void {
    const at = this.size;
    const node = this.tree.indexOf.get(row.unitId) ?? 0;
    this.node.set(at, node);
    this.items.forEach((item, index) => {
      const answer = valueAt(row.answers, item.path);
      const column = this.columns[index];
      if (item.kind === "text") {
        if (typeof answer === "string" && answer.trim() !== "") {
          this.texts.push({ node, item: index, text: answer });
        }
        return;
      }
      const options = this.optionIndex[index] as Map<string, number>;
      if (item.kind === "single") {
        const option = isChoice(answer) ? options.get(keyOf(answer)) : undefined;
        column?.set(at, option === undefined ? 0 : option + 1);
        return;
      }
      let mask = 0;
      if (Array.isArray(answer)) {
        for (const value of answer) {
          const option = isChoice(value) ? options.get(keyOf(value)) : undefined;
          if (option !== undefined) mask |= 1 << option;
        }
      }
      column?.set(at, mask >>> 0);
    });
    this.size++;
  }
}

/** A typed array that doubles when full. */
export class GrowableColumn<T extends Uint8Array | Uint16Array | Uint32Array> {
  data: T;
  constructor(private readonly make: { new (length: number): T }) {
    this.data = new make(1024);
  }
  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[index] = value;
  }
}

function valueAt(answers: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = answers;
  for (const step of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, step))
      return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function isChoice(value: unknown): value is ChoiceValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function keyOf(value: ChoiceValue): string {
  return String(value);
}
