// Where a server's refusal goes in a form: next to the field it names, or above the form.
import type { ApiError } from '../../api.ts';

/**
 * The server's message for one field. Requests refused by the route's schema name the field under
 * '/body' ('/body/email'); those refused by the use case name it bare ('/email'): accept both.
 */
export function fieldMessage(error: ApiError | undefined, path: string): string | undefined {
  return error?.fieldError(path) ?? error?.fieldError(`/body${path}`);
}

/** The error when it is not about one of the form's own fields (those show next to their field). */
export function generalError(error: ApiError | undefined, fields: string[]): ApiError | undefined {
  if (!error) return undefined;
  return error.errors.some((e) => fields.includes(e.path.replace(/^\/body(?=\/)/, ''))) ? undefined : error;
}
