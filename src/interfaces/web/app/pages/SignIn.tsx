// Sign-in. On first start the server prints a one-time password for the demo administrator; after
// signing in with it the app asks for a new password before anything else.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError, post } from '../api.ts';
import { ErrorNote, Field } from '../components/ui.tsx';
import { useSession } from '../session.tsx';

/** Only same-app paths are followed after sign-in (never another site). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignIn() {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = 'Sign in · Probity';
  }, []);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await post('/api/v1/auth/sign-in', { email: email.trim(), password });
      await refresh();
      navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e)));
      setBusy(false);
    }
  }
  return (
    <main className="sign-in" id="main">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
        <p className="brand">Probity</p>
        <h1 id="sign-in-heading" ref={heading}>
          Sign in
        </h1>
        {error && !error.errors.length && <ErrorNote error={error} />}
        <Field label="E-mail address" error={error?.fieldError('/email')} required>
          {(p) => (
            <input
              {...p}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={error?.fieldError('/password')} required>
          {(p) => (
            <input
              {...p}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="hint">
          First time? Use the e-mail address and one-time password that <code>npm start</code> printed; you
          will choose your own password next.
        </p>
      </form>
    </main>
  );
}
