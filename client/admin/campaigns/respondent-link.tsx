import { useId, useRef, useState } from "react";
import { useMessages } from "../admin-locale";
import { CAMPAIGN_MESSAGES } from "./campaign-messages";
import type { AccessMode } from "./campaign-types";

/** The respondent link as an absolute address, in a read-only field with a copy button. */
export function RespondentLink({ path, accessMode }: { path: string; accessMode: AccessMode }) {
  const t = useMessages(CAMPAIGN_MESSAGES);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const url = new URL(path, location.origin).href;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin or a refusal): select the text for a manual copy.
      input.current?.select();
      setCopied("failed");
    }
  };

  return (
    <div className="respondent-link">
      <label htmlFor={id}>{t.respondentLink}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={url}
          aria-describedby={accessMode === "invitation-codes" ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="secondary" onClick={copy}>
          {t.copyLink}
        </button>
      </div>
      {accessMode === "invitation-codes" ? (
        <p id={`${id}-hint`} className="hint">
          {t.respondentLinkCodes}
        </p>
      ) : null}
      <p role="status" className="hint">
        {copied === "yes" ? t.linkCopied : copied === "failed" ? t.copyFailed : ""}
      </p>
    </div>
  );
}
