/**
 * The units whose respondents and staff count the same people, so a response rate or a
 * composition share set against a headcount compares like with like. A unit qualifies when
 * its sub-units are the same in the campaign's tree (the copy taken at opening) and in the
 * headcount release's tree, and every unit in its subtree was open to respondents or has no
 * staff of its own: a unit the campaign did not cover, with staff attached to it directly, has
 * staff who could not answer, and a moved sub-unit counts on one side only. The organisation
 * (the root of both trees) qualifies on the same terms: only when the campaign covered all of it.
 */
export function staffComparableUnits({
  campaignUnits,
  headcountUnits,
  covered,
  withDirectStaff,
}: {
  /** The campaign's units and their ancestors, root (the organisation) included. */
  campaignUnits: readonly { id: string; parentId: string | null }[];
  /** The headcount release's tree, root included. */
  headcountUnits: readonly { id: string; parentId: string | null }[];
  /** Units respondents could choose. */
  covered: ReadonlySet<string>;
  /** Units the headcount release lists staff for directly (a "direct" cell). */
  withDirectStaff: ReadonlySet<string>;
}): Set<string> {
  const childrenOf = (tree: readonly { id: string; parentId: string | null }[]) => {
    const children = new Map<string, string[]>();
    for (const unit of tree) {
      if (unit.parentId === null) continue;
      const list = children.get(unit.parentId) ?? [];
      list.push(unit.id);
      children.set(unit.parentId, list);
    }
    return children;
  };
  const campaignChildren = childrenOf(campaignUnits);
  const headcountChildren = childrenOf(headcountUnits);
  const inHeadcounts = new Set(headcountUnits.map((unit) => unit.id));
  const result = new Map<string, boolean>();

  const comparable = (id: string): boolean => {
    const known = result.get(id);
    if (known !== undefined) return known;
    const mine = campaignChildren.get(id) ?? [];
    const theirs = new Set(headcountChildren.get(id) ?? []);
    let ok =
      inHeadcounts.has(id) &&
      mine.length === theirs.size &&
      mine.every((child) => theirs.has(child)) &&
      (covered.has(id) || (mine.length > 0 && !withDirectStaff.has(id)));
    // Every child is visited, so the answer of each is known when a parent asks for it.
    for (const child of mine) ok = comparable(child) && ok;
    result.set(id, ok);
    return ok;
  };
  for (const unit of campaignUnits) comparable(unit.id);
  return new Set([...result].filter(([, ok]) => ok).map(([id]) => id));
}
