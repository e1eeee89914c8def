// Running one action at a time from a screen: busy while it runs (so its button is disabled), and what
// went wrong, to show, if it fails.
import { useCallback, useState } from 'react';

export function useAction(): {
  busy: boolean;
  error: string | null;
  setError(error: string | null): void;
  /** Runs the action; true when it finished without an error. */
  run(action: () => Promise<unknown>): Promise<boolean>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
