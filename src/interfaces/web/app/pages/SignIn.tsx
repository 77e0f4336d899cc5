// Sign-in. On first start the server prints a one-time password for the demo administrator; after
// signing in with it the app asks for a new password before anything else.
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { post } from '../api.ts';
import { generalError, useSubmit } from '../components/admin/form-errors.ts';
import { ErrorNote, Field } from '../components/ui.tsx';
import { useSession } from '../session.tsx';

/**
 * Only same-app paths are followed after sign-in, never another site. Resolved as the browser would, so
 * '//evil.example', '/\\evil.example' and a tab hidden inside either fall back to '/'.
 */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/')) return '/';
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin === window.location.origin) return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    // Not a URL at all ('//[' has no valid host).
  }
  return '/';
}

export function SignIn() {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit();
  useEffect(() => {
    document.title = 'Sign in · Probity';
  }, []);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit([], async () => {
      await post('/api/v1/auth/sign-in', { email: email.trim(), password });
      await refresh();
      navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true });
    });
  }
  return (
    <main className="sign-in" id="main">
      <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading">
        <p className="brand">Probity</p>
        <h1 id="sign-in-heading">Sign in</h1>
        <ErrorNote error={generalError(error, ['/email', '/password'])} />
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
