// Changing one's password: used at first sign-in (a one-time password must be replaced) and on the
// profile page. The server's rules (length, not the e-mail name, not the same) come back as field errors.
import { type FormEvent, useState } from 'react';
import { ApiError, post } from '../api.ts';
import { ErrorNote, Field } from './ui.tsx';

export function ChangePasswordForm({ onChanged }: { onChanged(): void }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (newPassword !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await post('/api/v1/me/password', { currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setRepeat('');
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="stack" aria-label="Change password">
      {error && !error.errors.length && <ErrorNote error={error} />}
      <Field label="Current password" error={error?.fieldError('/currentPassword')} required>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="New password"
        hint="At least 12 characters. A few unrelated words make a strong password."
        error={error?.fieldError('/newPassword')}
        required
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Repeat the new password"
        error={mismatch ? 'does not match the new password' : undefined}
        required
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        )}
      </Field>
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
