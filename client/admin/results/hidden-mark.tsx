import type { HiddenReason } from "../../../analysis/release-types";
import { useMessages } from "../admin-locale";
import { RESULTS_MESSAGES } from "./results-messages";

/** The reason a figure is hidden, in words; a hidden figure never reads as 0 or blank. */
export function useHiddenText(k: number): (reason: HiddenReason) => string {
  const t = useMessages(RESULTS_MESSAGES);
  return (reason) =>
    reason === "primary"
      ? t.markPrimary(k)
      : reason === "secondary"
        ? t.markSecondary
        : t.markUnanimity;
}

/** A hidden figure: a symbol for its reason and the reason spelled out. */
export function HiddenMark({ reason, k }: { reason: HiddenReason; k: number }) {
  const text = useHiddenText(k)(reason);
  return (
    <span className={`hidden-mark hidden-${reason}`}>
      <span className="hidden-symbol" aria-hidden="true">
        {SYMBOLS[reason]}
      </span>{" "}
      {text}
    </span>
  );
}

/** One symbol per reason, the same in the legend and the tables. */
export const SYMBOLS: Record<HiddenReason, string> = {
  primary: "◌",
  secondary: "◍",
  unanimity: "≡",
};
