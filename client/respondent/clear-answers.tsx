import { useRef, useState } from "react";
import type { Locale } from "../i18n/locales";
import { RESPONDENT_MESSAGES } from "../i18n/respondent-messages";

/**
 * Says that unsent answers are kept in this tab, with a "clear my answers" action that asks
 * once more before it wipes them (a slip of the thumb should not cost ten minutes of answers).
 */
export function ClearAnswers({ locale, onClear }: { locale: Locale; onClear: () => void }) {
  const t = RESPONDENT_MESSAGES[locale];
  const [asking, setAsking] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  return (
    <section className="card clear-answers" aria-label={t.clearAnswers}>
      <p>{t.draftKept}</p>
      {asking ? (
        <div>
          <p id="clear-confirm-text">{t.clearConfirm}</p>
          <div className="button-row">
            <button
              ref={confirmButton}
              type="button"
              className="danger"
              aria-describedby="clear-confirm-text"
              onClick={() => {
                setAsking(false);
                onClear();
              }}
            >
              {t.clearYes}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => askButton.current?.focus());
              }}
            >
              {t.clearCancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={askButton}
          type="button"
          className="secondary"
          onClick={() => {
            setAsking(true);
            requestAnimationFrame(() => confirmButton.current?.focus());
          }}
        >
          {t.clearAnswers}
        </button>
      )}
    </section>
  );
}
