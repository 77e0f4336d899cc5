// Changing one's password: used at first sign-in (a one-time password must be replaced) and on the
// profile page. The server's rules (length, not the e-mail name, not the same) come back as field errors.
import { type FormEvent, type ReactNode, useState } from 'react';
import { post } from '../api.ts';
import { generalError, useSubmit } from './admin/form-errors.ts';
import { ErrorNote, Field } from './ui.tsx';

export function ChangePasswordForm({
  onChanged,
  confirmation,
}: {
  onChanged?(): void;
  /** Shown once the password is changed, until the next attempt. */
  confirmation?: ReactNode;
}) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const { error, busy, submit } = useSubmit();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const problems =
      newPassword === repeat ? [] : [{ path: '/repeat', message: 'does not match the new password' }];
    void submit(problems, async () => {
      await post('/api/v1/me/password', { currentPassword, newPassword });
      setCurrent('');
      setNew('');
      setRepeat('');
      setChanged(true);
      onChanged?.();
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label="Change password">
      <div aria-live="polite">{changed && confirmation}</div>
      <ErrorNote error={generalError(error, ['/currentPassword', '/newPassword', '/repeat'])} />
      <PasswordField
        label="Current password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrent}
        error={error?.fieldError('/currentPassword')}
      />
      <PasswordField
        label="New password"
        hint="At least 12 characters. A few unrelated words make a strong password."
        autoComplete="new-password"
        value={newPassword}
        onChange={setNew}
        error={error?.fieldError('/newPassword')}
      />
      <PasswordField
        label="Repeat the new password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        error={error?.fieldError('/repeat')}
      />
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}

function PasswordField({
  label,
  hint,
  autoComplete,
  value,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}) {
  return (
    <Field label={label} hint={hint} error={error} required>
      {(p) => (
        <input
          {...p}
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
