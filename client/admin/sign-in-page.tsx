import { type FormEvent, useState } from "react";
import type { SessionAnswer } from "../../server/contract/staff-schemas";
import { ApiProblem, api } from "./admin-api";
import { useMessages } from "./admin-locale";
import { ADMIN_MESSAGES } from "./admin-messages";
import { usePageTitle } from "./page-states";

/** What POST and GET /session answer: the user and the session's CSRF token. */
export type SignedIn = SessionAnswer;

/** E-mail and password; wrong credentials, a lock-out and a lost connection each say so. */
export function SignInPage({
  sessionEnded,
  onSignedIn,
}: {
  sessionEnded: boolean;
  onSignedIn: (session: SignedIn) => void;
}) {
  const t = useMessages(ADMIN_MESSAGES);
  usePageTitle(t.signInTitle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await api<SignedIn>("POST", "/session", {
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
        }),
      );
    } catch (problem) {
      const known = problem instanceof ApiProblem ? problem : undefined;
      if (known?.status === 429) {
        setError(t.signInLocked(Math.max(1, Math.ceil((known.retryAfterSeconds ?? 900) / 60))));
      } else if (known && (known.status === 401 || known.status === 422)) {
        setError(t.signInWrong);
      } else {
        setError(known && known.status !== 0 ? known.detail : t.networkError);
      }
      setBusy(false);
    }
  };

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t.signInTitle}</h1>
      {sessionEnded ? <p role="status">{t.sessionEnded}</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit} className="stacked-form">
        <label>
          {t.email}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </section>
  );
}
