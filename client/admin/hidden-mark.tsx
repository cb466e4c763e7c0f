import type { HiddenReason } from "../../server/contract/release-schema";
import { useMessages } from "./admin-locale";
import { ADMIN_MESSAGES } from "./admin-messages";

/** The reason a figure is hidden, in words; a hidden figure never reads as 0 or blank. */
export function useHiddenText(k: number): (reason: HiddenReason) => string {
  const t = useMessages(ADMIN_MESSAGES);
  return (reason) =>
    reason === "primary"
      ? t.hiddenPrimary(k)
      : reason === "secondary"
        ? t.hiddenSecondary
        : reason === "protected"
          ? t.hiddenProtected
          : t.hiddenUnanimity;
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
  protected: "◇",
};
