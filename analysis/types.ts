/**
 * Input types of the analysis library. The server builds these from the database and the
 * questionnaire version; analysis/ never reads storage itself.
 */

/** A choice value as SurveyJS stores it in answers. */
export type ChoiceValue = string | number | boolean;

/**
 * One analysable item of a questionnaire version. A matrix question yields one item per row
 * (key `matrix.row`, path `["matrix", "row"]`); a rating yields a single-choice item whose
 * options are the scale points.
 */
export type ItemSpec =
  | {
      kind: "single";
      key: string;
      path: string[];
      options: ChoiceValue[];
      /** Ordered scale (Likert/rating): mean and favourable share (top two boxes) apply. */
      scale?: { numeric: boolean; favourable: ChoiceValue[] };
      /** Breakdown dimension (gender, job level, …): every value is a published group. */
      breakdown: boolean;
      /** Unanimity rule applies (dimension questions and discrimination experiences). */
      sensitive: boolean;
    }
  | {
      kind: "multi";
      key: string;
      path: string[];
      options: ChoiceValue[];
      breakdown: false;
      sensitive: boolean;
    }
  | { kind: "text"; key: string; path: string[]; breakdown: false; sensitive: boolean };

/** A node of the organisation's unit tree. The root (organisation) has parentId null. */
export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** One stored response: the unit it belongs to and its answers (SurveyJS data shape). */
export interface ResponseRow {
  unitId: string;
  answers: Record<string, unknown>;
}
