import { useCallback, useState } from 'react';

/**
 * A screen's action, one at a time: `busy` while it runs (buttons stay disabled), the last
 * failure kept in `error` for the screen to show, cleared when the next attempt starts.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
