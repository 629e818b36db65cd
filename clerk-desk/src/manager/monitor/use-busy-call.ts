import { useState } from 'react';

/**
 * One call at a time for a card: `busy` while it runs (its buttons wait), and its failure kept
 * for the card's alert; a new call clears the last failure.
 */
export function useBusyCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function call<T>(run: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await run();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, call };
}
