import type { Counts } from "./aggregate-counts";
import type { ReleaseComments } from "./release-types";
import type { ResponseMatrix } from "./response-matrix";

/** Free text is shown only for groups at least this large (and at least k). */
export const MIN_COMMENT_GROUP = 10;

/**
 * Comments per unit and text question: only for whole units (never under a demographic
 * value) of at least max(k, 10) respondents whose count is published, and only where the unit
 * minus its nearest sub-units that show comments still holds 0 or at least that many, so no
 * small group's comments follow by subtraction. Texts are masked and put in an order derived
 * from their content, not their arrival.
 */
export function publishComments({
  matrix,
  counts,
  k,
  published,
}: {
  matrix: ResponseMatrix;
  counts: Counts;
  k: number;
  published: (node: number) => boolean;
}): ReleaseComments[] {
  const { tree } = matrix;
  const F = counts.space.filters.length;
  const minimum = Math.max(k, MIN_COMMENT_GROUP);
  const size = (node: number) => counts.subtreeN[node * F] as number;
  const shows = tree.ids.map((_, node) => published(node) && size(node) >= minimum);

  const nearestShown = (node: number): number[] =>
    (tree.children[node] ?? []).flatMap((child) => (shows[child] ? [child] : nearestShown(child)));
  let changed = true;
  while (changed) {
    changed = false;
    for (let node = 0; node < tree.ids.length; node++) {
      if (!shows[node]) continue;
      const frontier = nearestShown(node);
      const rest = size(node) - frontier.reduce((sum, child) => sum + size(child), 0);
      if (rest === 0 || rest >= minimum) continue;
      const smallest = frontier.reduce((a, b) => (size(b) < size(a) ? b : a));
      shows[smallest] = false;
      changed = true;
    }
  }

  const end = subtreeEnds(tree.parent);
  const textItems = [...new Set(matrix.texts.map((text) => text.item))].sort((a, b) => a - b);
  const result: ReleaseComments[] = [];
  shows.forEach((show, node) => {
    if (!show) return;
    for (const item of textItems) {
      const texts = matrix.texts
        .filter(
          (text) => text.item === item && text.node >= node && text.node < (end[node] as number),
        )
        .map((text) => maskContacts(text.text));
      if (texts.length === 0) continue;
      result.push({
        unitId: tree.ids[node] as string,
        item: matrix.items[item]?.key ?? "",
        texts: orderUnrelatedToArrival(texts),
      });
    }
  });
  return result;
}

/** In pre-order a subtree is a contiguous range [node, end[node]). */
function subtreeEnds(parent: Int32Array): Int32Array {
  const end = new Int32Array(parent.length);
  for (let node = parent.length - 1; node >= 0; node--) {
    if ((end[node] as number) === 0) end[node] = node + 1;
    const up = parent[node] as number;
    if (up >= 0 && (end[node] as number) > (end[up] as number)) end[up] = end[node] as number;
  }
  return end;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[\p{L}\p{N}-]+\.(?:be|com|org|net|eu|nl|fr|io)\/[^\s<>"]*/giu;
const PHONE = /(?:\+|\b00)?\d[\d\s./()-]{6,}\d/g;

/** Masks e-mail addresses, URLs and phone numbers (8 digits or more) in a comment. */
export function maskContacts(text: string): string {
  return text
    .replace(EMAIL, "[e-mail]")
    .replace(URL, "[link]")
    .replace(PHONE, (match) => ((match.match(/\d/g)?.length ?? 0) >= 8 ? "[phone]" : match));
}

/** Sorted by a hash of the text: stable, and unrelated to who wrote what when. */
function orderUnrelatedToArrival(texts: string[]): string[] {
  return texts
    .map((text) => ({ text, key: fnv1a(text) }))
    .sort((a, b) => a.key - b.key || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ text }) => text);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
