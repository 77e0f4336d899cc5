// Loading data for a screen: the latest request wins, an unmounted screen never sets state, and the
// caller can reload after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get } from './api.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `url` (nothing when null) and again whenever it changes. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
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
    get<T>(url, controller.signal)
      .then((value) => {
        if (request !== current.current) return;
        setData(value);
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
  return { data, error, loading, reload };
}
