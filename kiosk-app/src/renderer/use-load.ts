import { useEffect, useState, type DependencyList } from 'react';

/**
 * What a screen shows once it is loaded: `data` is null until `load` answers, `error` holds its
 * failure. Loads again when `deps` change; an answer that comes after that is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // The caller names what the load depends on, as with useEffect.
  }, deps);
  return { data, error, setError, setData };
}
