/**
 * The published release of a campaign: the only shape in which results leave analysis/.
 * Everything here is safe to show; a hidden figure carries its reason instead of a value.
 *
 * Structure an auditor can rebuild from this file alone (no other input needed):
 * - Groups are identified by (unitId, part, filters). `part: "all"` is the unit's whole
 *   subtree; `part: "direct"` is the respondents attached to a unit that has sub-units
 *   (listed only where such respondents exist).
 * - Hierarchy: for every unit u with children and every filter set F published for its
 *   children, n(u, all, F) = n(u, direct, F) [0 when u has no direct group] + Σ n(c, all, F).
 * - Partition by dimension: for every group (u, p, []) and every dimension D,
 *   n(u, p, []) = Σ over D's values v of n(u, p, [D=v]) ("no answer" is the value null).
 * - Declared crosses (A, B) exist at the root only: n(root, all, [A=a]) = Σ_b n(root, all,
 *   [A=a, B=b]) and likewise per b.
 * - Attacker knowledge assumed: every published figure, counts ≥ 0, the known headcounts
 *   (n(u, all, []) ≤ headcount), and the reasons: a primary cell holds 1..k−1 respondents,
 *   a secondary cell at least k (every group of 1..k−1 is primary), a unanimity cell ≥ 0.
 *   Exception: every cell that splits a primary group (the parts of an equation whose total
 *   is hidden as primary: its dimension values, its direct part and sub-units) is hidden
 *   too, zeros included, and marked primary; such a cell holds 0..k−1.
 * - Guarantees (checked by the LP audit): under these bounds no hidden non-zero cell is
 *   exactly recoverable, and from published values alone (no reasons) every primary cell
 *   not pinned at 0 ranges over at least k values. A derivable 0 is not treated as a leak:
 *   it only says a value is absent from a group, as a published zero above it already does.
 */

/**
 * Why a figure is hidden. "protected" marks a question hidden for a group by the item-level
 * audit (rule 4, and rule 3's unanimity): one neutral word that neither names the rule that
 * fired nor says the group was (nearly) unanimous, which on a skewed question would tell the
 * answer. Group sizes never carry it.
 */
export type HiddenReason = "primary" | "secondary" | "unanimity" | "protected";

/** A published number, or the reason it is hidden. Hidden is never shown as 0. */
export type Figure = { value: number } | { hidden: HiddenReason };

/** Dimension values are published as strings; null is "no answer". */
export type ReleaseValue = string | null;

export interface ReleaseFilter {
  dimension: string;
  value: ReleaseValue;
}

export interface OptionFigure {
  /** The option's value as a string; null is "no answer". */
  value: ReleaseValue;
  count: number;
  /** count / n of the group, 0..1. */
  share: number;
}

/** A question's results in one published group; hidden as a whole under the unanimity rule. */
export type ReleaseItem =
  | {
      key: string;
      kind: "single" | "multi";
      hidden: HiddenReason;
      /** Set only when a release is served (server/results/earlier-tables.ts), never by analysis/. */
      earlier?: EarlierTable;
    }
  | {
      key: string;
      kind: "single";
      options: OptionFigure[];
      /** Mean over answered scale points; null when nobody answered or the scale is not numeric. */
      mean?: number | null;
      /** Share choosing the top two scale points among those who answered. */
      favourable?: number | null;
    }
  | {
      key: string;
      kind: "multi";
      /** Per option: respondents who ticked it; the null option counts those who ticked none. */
      options: OptionFigure[];
    };

/**
 * A hidden table as the newest earlier release readers were served showed it: that release's
 * build time, the group's size then, and its figures then.
 */
export interface EarlierTable {
  builtAt: string;
  n: number;
  options: OptionFigure[];
  mean?: number | null;
  favourable?: number | null;
}

export interface ReleaseGroup {
  /** Stable identifier, also across waves of the same questionnaire and unit tree. */
  id: string;
  unitId: string;
  part: "all" | "direct";
  /** [] is everyone; one filter is a dimension value; two are a declared cross (root only). */
  filters: ReleaseFilter[];
  n: Figure;
  /** Per question (breakdown questions excluded: their tables are the groups themselves). */
  items: ReleaseItem[];
}

export interface ReleaseComments {
  unitId: string;
  item: string;
  /** Masked (e-mail, phone, URL) and in an order unrelated to submission. */
  texts: string[];
}

export interface AuditSummary {
  /** Counting cells (groups) in the release. */
  cells: number;
  /**
   * True when no breakdown could be published safely (too few respondents): the release
   * then holds the organisation as a whole only.
   */
  organisationOnly: boolean;
  /**
   * True when the input asked for the organisation as a whole only because respondents were
   * not verified (an open link): made-up responses could pad any smaller group.
   */
  openLink?: boolean;
  /**
   * True when the input asked for the organisation as a whole only because the campaign was
   * still open: the breakdowns come with the release at close (ReleaseInput.whileOpen).
   */
  whileOpen?: boolean;
  hiddenPrimary: number;
  hiddenSecondary: number;
  hiddenUnanimity: number;
  /** Linear programmes solved by the audit, and audit rounds until clean. */
  lpSolves: number;
  rounds: number;
  /** Questions × published groups: how many answer distributions the release could show. */
  itemCells: number;
  /** Of those, hidden (unanimity rule and item-level audit together). */
  itemsHidden: number;
  /** Respondent-answers in the hidden distributions (Σ group size over them). */
  answersHidden: number;
  /** Item-level audit rounds summed over questions (0 when it did not run). */
  itemRounds: number;
  /**
   * LPs the item audit solved for what bound tightening left open, and questions withheld for
   * every group because the audit gave up on them: the LP stage ran out of its budget, or the
   * audit's rounds ran out (see protect-items.ts).
   */
  itemLpSolves?: number;
  itemLpWithheld?: number;
  /**
   * Built with the item audit's LP stage on (a closed campaign's final release): no answer an
   * LP derives from the published figures leaks. Absent when off.
   */
  itemLp?: true;
}

export interface Release {
  k: number;
  units: { id: string; parentId: string | null }[];
  dimensions: { key: string; values: ReleaseValue[] }[];
  crosses: [string, string][];
  /** Attacker knowledge the audit assumed: respondents per unit subtree never exceed these. */
  knownHeadcounts: Record<string, number>;
  groups: ReleaseGroup[];
  comments: ReleaseComments[];
  audit: AuditSummary;
}
