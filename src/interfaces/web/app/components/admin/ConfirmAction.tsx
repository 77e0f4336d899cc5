// A destructive action with a confirmation step in place (no modal): the button turns into a question
// with "Yes" and "Cancel", focus follows, and a refusal from the server appears right there.
import { type ReactNode, useEffect, useRef, useState } from 'react';

export function ConfirmAction({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  busyLabel = 'Working…',
  onConfirm,
  className = 'danger',
}: {
  /** The button's visible text, e.g. "Revoke". */
  label: string;
  /** The button's full name when the visible text relies on its row, e.g. "Revoke Auditor from Lee Park". */
  accessibleLabel?: string;
  question: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  /** Resolves when done; a rejection's message is shown next to the button. */
  onConfirm(): Promise<unknown>;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const trigger = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      returnFocus.current = true;
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }
  if (!asking) {
    return (
      <span className="confirm-action">
        <button
          type="button"
          className={className}
          ref={trigger}
          aria-label={accessibleLabel}
          onClick={() => {
            setError(undefined);
            setAsking(true);
          }}
        >
          {label}
        </button>
        {error && (
          <span className="inline-error" role="alert">
            {error}
          </span>
        )}
      </span>
    );
  }
  return (
    // Escape cancels, as it would close a dialog.
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys come from the buttons inside
    <span
      className="confirm-action asking"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          returnFocus.current = true;
          setAsking(false);
        }
      }}
    >
      <span className="confirm-question">{question}</span>
      <span className="confirm-buttons">
        <button type="button" className={className} ref={yes} disabled={busy} onClick={() => void confirm()}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          Cancel
        </button>
      </span>
    </span>
  );
}
