// A form's submission and where its refusal goes: next to the field it names (ApiError.fieldError,
// with or without '/body'), or above the form.
import { useState } from 'react';
import { ApiError, type FieldProblem } from '../../api.ts';

/** Anything thrown while sending, as an ApiError (a bug or a browser failure becomes PRB_CLIENT). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e));
}

/** The error when it is not about one of the form's own fields (those show next to their field). */
export function generalError(error: ApiError | undefined, fields: string[]): ApiError | undefined {
  if (!error) return undefined;
  return error.errors.some((e) => fields.includes(e.path.replace(/^\/body(?=\/)/, ''))) ? undefined : error;
}

/**
 * Sending a form: `busy` while the request runs, and `error` from the form's own checks or the server.
 * `submit(problems, send)` shows the problems at their fields as the server's would be, or else runs
 * `send`, whose refusal or failure becomes `error`.
 */
export function useSubmit() {
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(problems: FieldProblem[], send: () => Promise<void>): Promise<void> {
    if (problems.length) {
      setError(new ApiError(400, 'PRB_CLIENT', '', problems));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await send();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, submit };
}
