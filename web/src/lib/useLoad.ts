import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads data once its inputs change; `reload` fetches again after a write.
 * `arrived` may hand over data that is already there (the start-up requests):
 * the first render then shows it, and the first load is skipped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], arrived?: () => T | undefined): {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
} {
  const [data, setData] = useState<T | undefined>(() => arrived?.());
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(data === undefined);
  const [tick, setTick] = useState(0);
  const first = useRef(true);
  useEffect(() => {
    const skip = first.current && data !== undefined;
    first.current = false;
    if (skip) return;
    let live = true;
    setLoading(true);
    load().then(
      (value) => { if (live) { setData(value); setError(undefined); } },
      (err: unknown) => { if (live) setError(err instanceof Error ? err : new Error(String(err))); },
    ).finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
