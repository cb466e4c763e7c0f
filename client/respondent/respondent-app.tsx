import { lazy, Suspense } from "react";
import { HomePage } from "./home-page";
import { PrivacyPage } from "./privacy-page";

// SurveyJS is most of the bundle: only a survey page loads it, not the front door or /privacy.
const SurveyPage = lazy(() =>
  import("./survey-page").then((module) => ({ default: module.SurveyPage })),
);

/** Routes on the path: / is the front door, /s/<campaign> a survey, /privacy the privacy details. */
export function RespondentApp() {
  const match = /^\/s\/([^/]+)\/?$/.exec(location.pathname);
  if (match?.[1]) {
    const unit = new URLSearchParams(location.search).get("unit");
    return (
      <Suspense fallback={null}>
        <SurveyPage slug={decodeURIComponent(match[1])} unitFromLink={unit} />
      </Suspense>
    );
  }
  if (location.pathname === "/") return <HomePage />;
  return <PrivacyPage />;
}
