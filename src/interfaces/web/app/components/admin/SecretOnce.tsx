// A secret the server hands out once (a one-time password, an API token): shown in full with a copy
// button and a plain warning that it cannot be shown again. Focus moves to it so nobody misses it.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through: some browsers refuse the async clipboard without a recent gesture or permission.
  }
  // Plain-HTTP deployments have no async clipboard; the old selection-based copy still works there.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** A copy button that says, politely, whether the copy worked. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="copy">
      <button
        type="button"
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {label}
      </button>
      <span className="copy-status" aria-live="polite">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Could not copy: select the text and copy it.'
            : ''}
      </span>
    </span>
  );
}

export function SecretOnce({
  title,
  secretLabel,
  secret,
  children,
  onDone,
}: {
  title: string;
  /** What the secret is, e.g. "One-time password". */
  secretLabel: string;
  secret: string;
  /** Instructions: how to pass it on, how to use it. */
  children?: ReactNode;
  onDone?: () => void;
}) {
  const box = useRef<HTMLElement>(null);
  const headingId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new secret (another person added) takes focus again
  useEffect(() => {
    box.current?.focus();
  }, [secret]);
  return (
    // Keyed by the secret: a new one starts afresh, so no "Copied." is left from the one before.
    <section key={secret} className="secret-once" aria-labelledby={headingId} tabIndex={-1} ref={box}>
      <h3 id={headingId}>{title}</h3>
      <p className="secret-warning">
        <strong>Copy it now: it will not be shown again.</strong> Probity keeps only a fingerprint of it, so
        nobody (not even an administrator) can look it up later.
      </p>
      <div className="secret-row">
        <span className="secret-label">{secretLabel}:</span>
        <code className="secret" data-secret="">
          {secret}
        </code>
        <CopyButton text={secret} label={`Copy the ${secretLabel.toLowerCase()}`} />
      </div>
      {children}
      {onDone && (
        <p>
          <button type="button" onClick={onDone}>
            I have copied it — hide it
          </button>
        </p>
      )}
    </section>
  );
}
