// The one way the browser talks to the API: same-origin fetch with the session cookie, JSON in and
// out, and problem+json errors turned into ApiError with the field paths the server named.

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldProblem[];
  /** Findings that decided a refusal (e.g. a workflow guard or segregation of duties), when given. */
  readonly findings: unknown[];
  constructor(
    status: number,
    code: string,
    message: string,
    errors: FieldProblem[] = [],
    findings: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.findings = findings;
  }
  /**
   * The server's message for one field, by JSON pointer (e.g. '/data/amountCents'). A request refused
   * by the route's schema names the field under '/body' ('/body/email'), one refused by the use case
   * names it bare ('/email'): both match.
   */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `/body${path}`)?.message;
  }
}

/** Fired when the API says the session is gone, so the app returns to the sign-in page. */
export const SIGNED_OUT_EVENT = 'probity:signed-out';

export type Query = Record<string, string | number | boolean | null | undefined>;

/** '?a=1&b=x' from the defined, non-empty entries; '' when there are none. */
export function qs(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function api<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (signal) init.signal = signal;
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'PRB_NETWORK',
      'The server cannot be reached. Check your connection and try again.',
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!res.ok) {
    const p = (payload ?? {}) as {
      code?: string;
      detail?: string;
      title?: string;
      message?: string;
      errors?: FieldProblem[];
      findings?: unknown[];
    };
    const error = new ApiError(
      res.status,
      p.code ?? `HTTP_${res.status}`,
      p.detail ?? p.message ?? p.title ?? `The server answered ${res.status}.`,
      Array.isArray(p.errors) ? p.errors : [],
      Array.isArray(p.findings) ? p.findings : [],
    );
    if (res.status === 401 && !url.endsWith('/auth/sign-in'))
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw error;
  }
  return payload as T;
}

export const get = <T>(url: string, signal?: AbortSignal) => api<T>('GET', url, undefined, signal);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const del = <T>(url: string) => api<T>('DELETE', url);

/** Path of an organisation's API resource: orgApi('demo', '/records') → '/api/v1/orgs/demo/records'. */
export function orgApi(org: string, path: string): string {
  return `/api/v1/orgs/${encodeURIComponent(org)}${path}`;
}
