// Shown instead of everything else while the user still has a one-time password.
import { useEffect } from 'react';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { useSession } from '../session.tsx';

export function ChangePasswordPage() {
  const { me, refresh, signOut } = useSession();
  useEffect(() => {
    document.title = 'Choose a new password · Probity';
  }, []);
  return (
    <main className="sign-in" id="main">
      <div className="card">
        <p className="brand">Probity</p>
        <h1>Choose a new password</h1>
        <p>
          You signed in as <strong>{me?.email}</strong> with a one-time password. Choose your own password to
          continue.
        </p>
        <ChangePasswordForm onChanged={() => void refresh()} />
        <p>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </p>
      </div>
    </main>
  );
}
