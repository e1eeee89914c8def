// While an editor holds unsaved changes, leaving it asks first: the app's own dialog for a move inside the
// app, the browser's for closing or reloading the window (the only one a page may show then).
import { useEffect } from 'react';
import { useStore } from '../store';

export function useUnsavedGuard(owner: string, unsaved: boolean): void {
  const setUnsaved = useStore((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved(owner, unsaved);
    if (!unsaved) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [owner, unsaved, setUnsaved]);
  useEffect(() => () => setUnsaved(owner, false), [owner, setUnsaved]);
}
