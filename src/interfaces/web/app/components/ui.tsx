// Small building blocks every screen uses, so labels, errors and focus behave the same everywhere.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { ApiError } from '../api.ts';
import { formatDate } from '../format.ts';

let pagesShown = 0;

/**
 * A screen's heading and title. On navigation the heading takes focus, so keyboard and screen-reader
 * users start at the new page rather than at the link they followed.
 */
export function Page({
  title,
  subtitle,
  actions,
  children,
  narrow = false,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  narrow?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Probity`;
    // Not on the first page of a visit: there the skip link must stay the first Tab stop.
    if (pagesShown++ > 0) heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className={narrow ? 'content narrow' : 'content'}>
      <div className="page-header">
        <div>
          <h1 tabIndex={-1} ref={heading}>
            {title}
          </h1>
          {subtitle && <p className="subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

/** An error from the API, announced to screen readers. */
export function ErrorNote({
  error,
  children,
}: {
  error?: ApiError | Error | string | undefined;
  children?: ReactNode;
}) {
  if (!error && !children) return null;
  const message = typeof error === 'string' ? error : error?.message;
  return (
    <div className="error-note" role="alert">
      {message}
      {children}
    </div>
  );
}

/** What to show when a list is empty: say what it means and what to do next. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children && <div>{children}</div>}
    </div>
  );
}

export function Loading({ what = '' }: { what?: string }) {
  return (
    <p className="loading" aria-live="polite">
      Loading{what ? ` ${what}` : ''}…
    </p>
  );
}

/** A label, a control, a hint and the server's error for it, wired together for assistive technology. */
export function Field({
  label,
  hint,
  error,
  required,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: (props: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
    required?: boolean;
  }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label so the field's accessible name stays the label; `required` is announced. */}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
        ...(required ? { required: true } : {}),
      })}
      {error && (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** A calendar date written unambiguously, machine-readable for assistive technology. */
export function DateText({ date, weekday = false }: { date: string | null | undefined; weekday?: boolean }) {
  if (!date) return <span>—</span>;
  return <time dateTime={date.slice(0, 10)}>{formatDate(date, { weekday })}</time>;
}
