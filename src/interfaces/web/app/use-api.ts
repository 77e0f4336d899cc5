// Loading data for a screen: the latest request wins, an unmounted screen never sets state, and the
// caller can reload after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get } from './api.ts';

// Requests started before React renders (see main.tsx), so the first screen does not wait for one
// round trip after another. Each is used once, by the first screen that asks for the same URL, and only
// in the session it was made in: a refusal is not kept (a page opened signed out asks again after
// signing in), and signing out forgets them all.
const preloaded = new Map<string, Promise<unknown>>();

/** Starts GET `url` now; the first useApi/takePreloaded for that URL gets its answer. */
export function preload(url: string): void {
  if (preloaded.has(url)) return;
  const request = get<unknown>(url);
  request.catch(() => {
    if (preloaded.get(url) === request) preloaded.delete(url);
  });
  preloaded.set(url, request);
}

/** Forgets every preloaded request not taken yet (the session they were made in has ended). */
export function forgetPreloaded(): void {
  preloaded.clear();
}

/** The preloaded request for `url`, if any (and forgets it), else a fresh GET. */
export function takePreloaded<T>(url: string, signal?: AbortSignal): Promise<T> {
  const request = preloaded.get(url);
  if (request) {
    preloaded.delete(url);
    return request as Promise<T>;
  }
  return get<T>(url, signal);
}

export interface Loaded<T> {
  /** The latest answer; while another URL loads, still the previous URL's (see `stale`). */
  data: T | undefined;
  /** `data` answers an earlier URL, not the current one (which is loading or failed). */
  stale: boolean;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `url` (nothing when null) and again whenever it changes. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [answer, setAnswer] = useState<{ url: string; data: T } | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(url !== null);
  const [tick, setTick] = useState(0);
  const current = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick re-runs the request on reload()
  useEffect(() => {
    if (url === null) {
      setLoading(false);
      return;
    }
    const request = ++current.current;
    const controller = new AbortController();
    setLoading(true);
    takePreloaded<T>(url, controller.signal)
      .then((value) => {
        if (request !== current.current) return;
        setAnswer({ url, data: value });
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (request !== current.current || (e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'PRB_CLIENT', String(e)));
      })
      .finally(() => {
        if (request === current.current) setLoading(false);
      });
    return () => controller.abort();
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: answer?.data, stale: answer !== undefined && answer.url !== url, error, loading, reload };
}
