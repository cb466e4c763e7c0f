import { PrivacyPage } from "./privacy-page";
import { SurveyPage } from "./survey-page";

/** Routes on the path: /s/<campaign> is a survey, /privacy the privacy details. */
export function RespondentApp() {
  const match = /^\/s\/([^/]+)\/?$/.exec(location.pathname);
  if (match?.[1]) {
    const unit = new URLSearchParams(location.search).get("unit");
    return <SurveyPage slug={decodeURIComponent(match[1])} unitFromLink={unit} />;
  }
  return <PrivacyPage />;
}
