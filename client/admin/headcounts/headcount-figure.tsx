import type { Figure } from "../../../server/contract/release-schema";
import { formatNumber, useAdminLocale, useMessages } from "../admin-locale";
import { SYMBOLS } from "../hidden-mark";
import { HEADCOUNT_MESSAGES } from "./headcount-messages";

/**
 * A released headcount: the number, or why it is hidden ("fewer than k", "hidden to protect
 * others") with the symbol of the legend. A hidden count never reads as 0 or blank.
 */
export function HeadcountFigure({ figure, k }: { figure: Figure | undefined; k: number }) {
  const t = useMessages(HEADCOUNT_MESSAGES);
  const locale = useAdminLocale();
  if (!figure) return <span className="hidden-mark">{t.notListed}</span>;
  if ("value" in figure) return <>{formatNumber(figure.value, locale)}</>;
  return (
    <span className={`hidden-mark hidden-${figure.hidden}`}>
      <span className="hidden-symbol" aria-hidden="true">
        {SYMBOLS[figure.hidden]}
      </span>{" "}
      {figure.hidden === "primary" ? t.fewerThan(k) : t.protectsOthers}
    </span>
  );
}
