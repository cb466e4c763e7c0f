import { secureHeaders } from "hono/secure-headers";

/**
 * The <style> elements survey-core 3.0.0 injects (base theme variables, box-shadow resets, and
 * the empty element before it is filled). survey-core is pinned exactly; the browser test fails
 * on any CSP violation, so a version bump that changes them is caught.
 */
const SURVEYJS_STYLE_HASHES = [
  "'sha256-bPWhUa0avZvsEhMXHBmMO9S4unO4Whpb+JnyNHl4VUw='",
  "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "'sha256-jwtxB3aR0+RK8cf7O75rKz+KRCBGLk2CB3cbLwGcBXk='",
  "'sha256-giupf8DZCfBSXuUKtE5/asDUHkXuTP9f7e4wCmlqsz0='",
];

/**
 * Strict headers for every answer: only our own origin may provide scripts, styles, fonts and
 * images, so no request from a respondent's page ever reaches a third party. No page may be
 * framed (CSP and X-Frame-Options say the same). HSTS only where staff and respondents reach
 * Peilpunt over HTTPS: over plain HTTP browsers ignore it, and it would promise what is not so.
 */
export const securityHeaders = ({ https }: { https: boolean }) =>
  secureHeaders({
    strictTransportSecurity: https ? "max-age=63072000; includeSubDomains" : false,
    xFrameOptions: "DENY",
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      styleSrcElem: ["'self'", ...SURVEYJS_STYLE_HASHES],
      // SurveyJS sets its theme as CSS variables in style attributes. Attributes cannot load
      // anything or run script; <style> elements stay limited to 'self' and the hashes below.
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "no-referrer",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
